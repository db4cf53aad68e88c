package org.youthwork.logbook.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in and out, the language switch and the shell, in Debian's headless Chromium at a phone's width. */
@QuarkusTest
class SignInBrowserTest extends BrowserTest {

    @Test
    void shouldServeTheAppAtTheRootAndStillAnswerUnknownApiPathsWithAProblem() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html")).body(containsString("<logbook-app>"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldSignInAndShowWhoIsSignedIn() {
        String username = account("YOUTH_WORKER", centre("Web centre"));
        signedIn(username);
        browser.findElement(By.id("nav-me")).click();
        WebElement shown = waitFor(By.id("me-username"));
        assertEquals(username, shown.getText());
        assertEquals("Youth worker", browser.findElement(By.id("me-role")).getText());
        assertEquals("Web centre", waitForText(By.id("me-organisation"), "Web centre").getText());
        String token = token();
        assertFalse(token.isEmpty(), "the token is kept in sessionStorage");
        assertEquals(Boolean.FALSE, script("const t = arguments[0]; return Object.keys(localStorage)"
                + ".some(k => k.includes('token') || localStorage.getItem(k).includes(t));", token), "no token in localStorage");
        checkPage("me", "me");

        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("username"));
        assertEquals("", token());
    }

    @Test
    void shouldForgetTheTokenWhenTheBrowserCloses() {
        signedIn(account("YOUTH_WORKER", centre("Web centre")));
        reopen();
        waitFor(By.id("username"));
        assertEquals("", token());
    }

    @Test
    void shouldShowTheMessageAtTheFormForAWrongPassword() {
        String username = account("YOUTH_WORKER", centre("Web centre"));
        open();
        signIn(username, "not the password");
        WebElement error = waitFor(By.id("sign-in-error"));
        assertEquals("The username or the password is wrong.", error.getText());
        assertEquals(username, browser.findElement(By.id("username")).getAttribute("value"), "what was typed stays");
        checkPage("sign-in with an error", "sign-in-wrong-password");
    }

    @Test
    void shouldChangeTheLabelsWithTheLanguageSwitchAndKeepTheChoice() {
        open();
        assertEquals("Username", label("username"));
        new Select(browser.findElement(By.id("language"))).selectByValue("sl");
        assertEquals("Uporabniško ime", label("username"));
        assertEquals("Geslo", label("password"));
        assertEquals("sl", script("return document.documentElement.lang;"));
        screenshot("sign-in-sl");
        new Select(browser.findElement(By.id("language"))).selectByValue("bg");
        assertEquals("Потребителско име", label("username"));
        screenshot("sign-in-bg");
        reopen();
        assertEquals("Потребителско име", label("username"), "the choice outlives the browser");
    }

    @Test
    void shouldFitAPhoneAndPassAxeOnTheSignInPage() {
        open();
        waitFor(By.id("username"));
        checkPage("sign-in", "sign-in");
    }

    @Test
    void shouldShowOnlyTheCentrePagesAndAccountsOnlyToTheLead() {
        String centre = centre("Web centre");
        signedIn(account("YOUTH_WORKER", centre));
        assertTrue(browser.findElements(By.id("nav-accounts")).isEmpty(), "a youth worker has no accounts page");
        assertEquals(1, browser.findElements(By.id("nav-log")).size());
        go("#/accounts");
        waitFor(By.cssSelector("logbook-log h1"));
        assertFits360("log");
        browser.findElement(By.id("sign-out")).click();
        signIn(account("ORGANISATION_LEAD", centre), PASSWORD);
        waitFor(By.id("nav-accounts")).click();
        waitFor(By.cssSelector("logbook-accounts h1"));
        assertEquals("false", browser.findElement(By.id("nav-log")).getAttribute("aria-current"));
        assertEquals("page", browser.findElement(By.id("nav-accounts")).getAttribute("aria-current"));
    }

    private String label(String field) {
        return waitFor(By.cssSelector("label[for='" + field + "']")).getText();
    }

    private String token() {
        return (String) script("return sessionStorage.getItem('logbook.token') || '';");
    }
}
