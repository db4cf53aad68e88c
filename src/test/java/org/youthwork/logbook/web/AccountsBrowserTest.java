package org.youthwork.logbook.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.youthwork.logbook.Api;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lead manages the centre's accounts in the browser; the token endpoint and the API show what changed. */
@QuarkusTest
class AccountsBrowserTest extends BrowserTest {

    private static final String NEW_PASSWORD = "another long password";

    @Test
    void shouldListTheCentresAccountsAndNoOtherCentres() {
        String centre = centre("Accounts centre");
        String lead = account("ORGANISATION_LEAD", centre);
        String worker = account("YOUTH_WORKER", centre);
        String elsewhere = account("YOUTH_WORKER", centre("Another centre"));
        signedInAtAccounts(lead);

        WebElement row = waitFor(By.id("account-" + id(worker)));
        assertTrue(row.getText().contains(worker), row.getText());
        assertTrue(row.getText().contains("Youth worker"), "the role's label, never its code");
        assertEquals("Active", text("state-" + id(worker)));
        assertTrue(browser.findElements(By.id("account-" + id(elsewhere))).isEmpty(), "another centre's account is not listed");
        assertEquals(2, browser.findElements(By.cssSelector("#accounts-list > li")).size());
        String own = id(lead);
        assertTrue(browser.findElements(By.id("disable-" + own)).isEmpty(), "nobody is offered to disable their own account");
        assertTrue(browser.findElements(By.id("reset-" + own)).isEmpty());
        assertTrue(text("account-" + own).contains("another lead or an administrator can"), text("account-" + own));

        checkPage("accounts", "accounts");

        new Select(browser.findElement(By.id("language"))).selectByValue("sl");
        waitForText(By.cssSelector("logbook-accounts h1"), "Računi");
        assertEquals("Uporabniško ime", browser.findElement(By.cssSelector("label[for='new-username']")).getText());
        assertEquals("Aktiven", text("state-" + id(worker)));
        assertTrue(text("account-" + id(worker)).contains("Mladinski delavec"));
        checkPage("accounts in Slovenian", "accounts-sl");
    }

    @Test
    void shouldAddAYouthWorkerWhoCanThenSignIn() {
        String centre = centre("Accounts centre");
        signedInAtAccounts(account("ORGANISATION_LEAD", centre));
        String username = "new-worker-" + UUID.randomUUID().toString().substring(0, 8);

        browser.findElement(By.id("new-username")).sendKeys(username);
        browser.findElement(By.id("new-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("add-account")).click();
        waitForText(By.id("accounts-status"), "The account " + username + " was added: it can sign in now.");

        String id = id(username);
        assertTrue(text("account-" + id).contains("Youth worker"));
        assertEquals("", browser.findElement(By.id("new-username")).getAttribute("value"), "the form is empty again");
        given().get("/api/v1/users/{id}", id).then().statusCode(200)
                .body("role", equalTo("YOUTH_WORKER")).body("organisationId", equalTo(centre));
        assertTrue(!Api.token(username, PASSWORD).isEmpty(), "the new youth worker signs in");
    }

    @Test
    void shouldShowARefusedAddAtTheFieldAndKeepWhatWasTyped() {
        String centre = centre("Accounts centre");
        String taken = account("YOUTH_WORKER", centre);
        signedInAtAccounts(account("ORGANISATION_LEAD", centre));
        String username = "short-" + UUID.randomUUID().toString().substring(0, 8);

        browser.findElement(By.id("new-username")).sendKeys(username);
        browser.findElement(By.id("new-password")).sendKeys("too short");
        browser.findElement(By.id("add-account")).click();
        assertEquals("Enter 10 to 200 characters.", waitFor(By.id("new-password-error")).getText());
        WebElement password = browser.findElement(By.id("new-password"));
        assertEquals("true", password.getAttribute("aria-invalid"));
        assertTrue(password.getAttribute("aria-describedby").contains("new-password-error"));
        assertEquals("too short", password.getAttribute("value"), "what was typed stays");
        assertEquals(username, browser.findElement(By.id("new-username")).getAttribute("value"));
        given().queryParam("q", username).get("/api/v1/users").then().statusCode(200).body("total", equalTo(0));
        checkPage("accounts with a refused password", "accounts-refused");

        browser.findElement(By.id("new-username")).clear();
        browser.findElement(By.id("new-username")).sendKeys(taken);
        password.clear();
        password.sendKeys(PASSWORD);
        browser.findElement(By.id("add-account")).click();
        assertEquals("This username is taken: choose another one.", waitFor(By.id("new-username-error")).getText());
        assertTrue(browser.findElements(By.id("new-password-error")).isEmpty(), "the password is fine now");
        assertEquals(taken, browser.findElement(By.id("new-username")).getAttribute("value"));
        assertEquals(PASSWORD, browser.findElement(By.id("new-password")).getAttribute("value"));
        assertAccessible("accounts with a taken username");
    }

    @Test
    void shouldResetAWorkersPassword() {
        String worker = leadWithAWorkerAtAccounts();
        String id = id(worker);

        waitFor(By.id("reset-" + id)).click();
        WebElement field = waitFor(By.id("reset-password-" + id));
        assertEquals(field, browser.switchTo().activeElement(), "the new password's field has the focus");
        field.sendKeys("short");
        browser.findElement(By.id("reset-submit-" + id)).click();
        assertEquals("Enter 10 to 200 characters.", waitFor(By.id("reset-password-" + id + "-error")).getText());
        assertEquals("short", field.getAttribute("value"));
        assertEquals("true", field.getAttribute("aria-invalid"));
        checkPage("accounts with a refused reset", "accounts-reset-refused");
        assertTrue(!Api.token(worker, PASSWORD).isEmpty(), "a refused reset changes nothing");

        field.clear();
        field.sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("reset-submit-" + id)).click();
        waitForText(By.id("message-" + id), "The password of " + worker + " was reset: the old one no longer works.");
        assertTrue(browser.findElements(By.id("reset-password-" + id)).isEmpty(), "the reset form closes");
        assertRefused(worker, PASSWORD);
        assertTrue(!Api.token(worker, NEW_PASSWORD).isEmpty(), "the new password signs in");
    }

    @Test
    void shouldDisableAWorkerAfterConfirmingAndEnableAgain() {
        String worker = leadWithAWorkerAtAccounts();
        String id = id(worker);

        waitFor(By.id("disable-" + id)).click();
        WebElement confirm = waitFor(By.id("disable-confirm-" + id));
        assertEquals(confirm, browser.switchTo().activeElement());
        assertTrue(!Api.token(worker, PASSWORD).isEmpty(), "nothing changes before the lead confirms");
        checkPage("accounts confirming to disable", "accounts-disable-confirm");
        browser.findElement(By.id("disable-cancel-" + id)).click();
        assertTrue(browser.findElements(By.id("disable-confirm-" + id)).isEmpty());

        browser.findElement(By.id("disable-" + id)).click();
        waitFor(By.id("disable-confirm-" + id)).click();
        WebElement enable = waitFor(By.id("enable-" + id));
        assertEquals(enable, browser.switchTo().activeElement(), "the focus stays on the account");
        assertTrue(text("state-" + id).startsWith("Disabled since "), text("state-" + id));
        given().get("/api/v1/users/{id}", id).then().statusCode(200).body("disabled", equalTo(true));
        assertRefused(worker, PASSWORD);
        checkPage("accounts with a disabled account", "accounts-disabled");

        enable.click();
        waitFor(By.id("disable-" + id));
        assertEquals("Active", text("state-" + id));
        assertTrue(!Api.token(worker, PASSWORD).isEmpty(), "enabled again, it signs in");
    }

    /** A new centre with a youth worker, whose lead is signed in at the accounts page; answers the worker. */
    private String leadWithAWorkerAtAccounts() {
        String centre = centre("Accounts centre");
        String worker = account("YOUTH_WORKER", centre);
        signedInAtAccounts(account("ORGANISATION_LEAD", centre));
        return worker;
    }

    private void signedInAtAccounts(String lead) {
        signedIn(lead);
        go("#/accounts");
        waitFor(By.id("accounts-list"));
    }

    private static String id(String username) {
        return given().queryParam("q", username).get("/api/v1/users").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].id");
    }

    /** The token endpoint answers as for a wrong password. */
    private static void assertRefused(String username, String password) {
        given().formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .post("/api/v1/auth/token").then().body("error", equalTo("invalid_grant"));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
