package org.youthwork.logbook.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.youthwork.logbook.Api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The centre's sessions page: the list, its filters, who may open and delete what, and a delete that meets a 412. */
@QuarkusTest
class SessionsBrowserTest extends BrowserTest {

    private static final LocalDate LAST_MONTH = LocalDate.now().withDayOfMonth(1).minusMonths(1);
    private static final LocalDate MONTH_BEFORE = LAST_MONTH.minusMonths(1);

    @Test
    void shouldListTheCentresSessionsNewestFirstAndNotAnotherCentres() {
        String centre = centre("Sessions centre");
        String worker = account("YOUTH_WORKER", centre);
        String token = Api.token(worker, PASSWORD);
        logged(token, centre, "Middle", LAST_MONTH.plusDays(3), List.of("STREET", "INFORMAL_GROUP"));
        logged(token, centre, "Oldest", MONTH_BEFORE.plusDays(5), List.of("OPEN"));
        logged(token, centre, "Newest", LAST_MONTH.plusDays(20), List.of("STREET"));
        String elsewhere = centre("Another centre");
        logged(Api.token(account("YOUTH_WORKER", elsewhere), PASSWORD), elsewhere, "Another centre's", LAST_MONTH, List.of("OPEN"));

        signedIn(worker);
        go("#/sessions");
        assertEquals("3 sessions", waitFor(By.id("sessions-total")).getText());
        assertEquals(List.of("Newest", "Middle", "Oldest"), titles());
        assertEquals(apiIds(centre, Map.of()), shownIds());
        String middle = shownIds().get(1);
        String card = browser.findElement(By.id("session-" + middle)).getText();
        assertTrue(card.contains("Street youth work · Work with informal groups of young people"), card);
        assertFalse(card.contains("STREET"), "no codes on the page: " + card);
        assertTrue(card.contains("Participants\n11"), card);
        assertTrue(card.contains("Duration\n2 hr"), card);
        assertTrue(card.contains("Logged by\nyou"), card);
        checkPage("sessions", "sessions");
    }

    @Test
    void shouldShowTwentyAtATimeAndTheRestOnShowMore() {
        String centre = centre("Busy centre");
        String lead = account("ORGANISATION_LEAD", centre);
        String token = Api.token(lead, PASSWORD);
        for (int i = 0; i < 21; i++) {
            logged(token, centre, "Drop-in " + (i + 1), MONTH_BEFORE.plusDays(i), List.of("OPEN"));
        }
        signedIn(lead);
        go("#/sessions");
        assertEquals("21 sessions", waitFor(By.id("sessions-total")).getText());
        assertEquals(20, shownIds().size());
        assertEquals("Show more (20 of 21 shown)", browser.findElement(By.id("sessions-more")).getText());
        browser.findElement(By.id("sessions-more")).click();
        waitUntil(() -> shownIds().size() == 21);
        assertEquals(apiIds(centre, Map.of("size", 50)), shownIds());
        assertTrue(browser.findElements(By.id("sessions-more")).isEmpty(), "nothing more to show");
        checkPage("sessions, all shown");
    }

    @Test
    void shouldNarrowByMonthAndMethodAndKeepTheFiltersInTheAddress() {
        String centre = centre("Filtered centre");
        String worker = account("YOUTH_WORKER", centre);
        String token = Api.token(worker, PASSWORD);
        logged(token, centre, "Street, last month", LAST_MONTH.plusDays(2), List.of("STREET"));
        logged(token, centre, "Drop-in, last month", LAST_MONTH.plusDays(4), List.of("OPEN"));
        logged(token, centre, "Street and online, last month", LAST_MONTH.plusDays(6), List.of("STREET", "DIGITAL"));
        logged(token, centre, "Street, the month before", MONTH_BEFORE.plusDays(2), List.of("STREET"));
        String month = LAST_MONTH.toString().substring(0, 7);
        Map<String, Object> inMonth = Map.of("from", LAST_MONTH.toString(), "to", LAST_MONTH.plusMonths(1).minusDays(1).toString());

        signedIn(worker);
        go("#/sessions");
        waitForText(By.id("sessions-total"), "4 sessions");
        new Select(browser.findElement(By.id("sessions-month"))).selectByValue(month);
        waitForText(By.id("sessions-total"), "3 sessions");
        assertEquals(apiIds(centre, inMonth), shownIds());

        new Select(browser.findElement(By.id("sessions-method"))).selectByVisibleText("Street youth work");
        waitForText(By.id("sessions-total"), "2 sessions");
        Map<String, Object> street = new HashMap<>(inMonth);
        street.put("method", "STREET");
        assertEquals(apiIds(centre, street), shownIds());
        assertEquals(List.of("Street and online, last month", "Street, last month"), titles());
        assertTrue(browser.getCurrentUrl().endsWith("#/sessions?month=" + month + "&method=STREET"), browser.getCurrentUrl());
        checkPage("sessions filtered", "sessions-filtered");

        browser.navigate().refresh();
        waitForText(By.id("sessions-total"), "2 sessions");
        assertEquals(month, new Select(waitFor(By.id("sessions-month"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("Street youth work", new Select(browser.findElement(By.id("sessions-method"))).getFirstSelectedOption().getText());
        browser.navigate().back();
        waitForText(By.id("sessions-total"), "3 sessions");
        assertEquals("All methods", new Select(browser.findElement(By.id("sessions-method"))).getFirstSelectedOption().getText());

        new Select(browser.findElement(By.id("sessions-method"))).selectByValue("COUNSELLING");
        assertEquals("No sessions match this month and method.", waitFor(By.id("sessions-empty")).getText());
        assertTrue(browser.findElements(By.id("sessions-total")).isEmpty());
        checkPage("sessions empty", "sessions-empty");

        offline(true);
        new Select(browser.findElement(By.id("sessions-method"))).selectByValue("");
        assertEquals("No connection: the sessions could not be loaded. Try again when you are online.",
                waitFor(By.id("sessions-status")).getText());
        assertTrue(browser.findElements(By.cssSelector(".session-card")).isEmpty(), "no list of other filters");
        checkPage("sessions offline", "sessions-offline");
        offline(false);
        browser.findElement(By.id("sessions-retry")).click();
        waitForText(By.id("sessions-total"), "3 sessions");
        assertTrue(browser.findElements(By.id("sessions-retry")).isEmpty());
        assertFalse(browser.findElement(By.id("sessions-status")).isDisplayed(), "the message is gone");
    }

    @Test
    void shouldOfferToOpenAndDeleteOnlyOwnSessionsToAYouthWorkerAndAllToTheLead() {
        String centre = centre("Shared centre");
        String worker = account("YOUTH_WORKER", centre);
        String colleague = account("YOUTH_WORKER", centre);
        String lead = account("ORGANISATION_LEAD", centre);
        String own = logged(Api.token(worker, PASSWORD), centre, "Mine", LAST_MONTH.plusDays(1), List.of("OPEN"));
        String theirs = logged(Api.token(colleague, PASSWORD), centre, "My colleague's", LAST_MONTH.plusDays(2), List.of("OPEN"));

        signedIn(worker);
        go("#/sessions");
        waitForText(By.id("sessions-total"), "2 sessions");
        assertEquals(1, browser.findElements(By.id("delete-" + own)).size());
        assertEquals("#/sessions/" + own, browser.findElement(By.id("open-" + own)).getDomAttribute("href"));
        assertTrue(browser.findElements(By.id("delete-" + theirs)).isEmpty(), "not another youth worker's");
        assertTrue(browser.findElements(By.id("open-" + theirs)).isEmpty(), "not another youth worker's");
        assertTrue(browser.findElement(By.id("session-" + theirs)).getText().contains("Logged by\nsomeone else"));
        checkPage("sessions as a youth worker", "sessions-youth-worker");

        browser.findElement(By.id("sign-out")).click();
        signIn(lead, PASSWORD);
        waitFor(By.id("sign-out"));
        go("#/sessions");
        waitForText(By.id("sessions-total"), "2 sessions");
        assertEquals(1, browser.findElements(By.id("delete-" + own)).size());
        assertEquals(1, browser.findElements(By.id("delete-" + theirs)).size());
        assertEquals(1, browser.findElements(By.id("open-" + theirs)).size());
        waitUntil(() -> browser.findElement(By.id("session-" + theirs)).getText().contains("Logged by\n" + colleague));
        checkPage("sessions as the lead", "sessions-lead");
    }

    @Test
    void shouldDeleteAfterConfirmingAndKeepTheRowWithoutAConnection() {
        String centre = centre("Deleting centre");
        String worker = account("YOUTH_WORKER", centre);
        String token = Api.token(worker, PASSWORD);
        logged(token, centre, "Stays", LAST_MONTH.plusDays(1), List.of("OPEN"));
        String doomed = logged(token, centre, "Logged twice by mistake", LAST_MONTH.plusDays(2), List.of("OPEN"));
        logged(token, centre, "Stays too", LAST_MONTH.plusDays(3), List.of("OPEN"));

        signedIn(worker);
        go("#/sessions");
        waitForText(By.id("sessions-total"), "3 sessions");
        browser.findElement(By.id("delete-" + doomed)).click();
        assertEquals("confirm-delete-" + doomed, waitFor(By.id("confirm-delete-" + doomed)).getDomAttribute("id"));
        assertEquals("confirm-delete-" + doomed, script("return document.activeElement.id;"), "the focus is on the confirmation");
        checkPage("sessions, confirming a delete", "sessions-confirm-delete");

        offline(true);
        browser.findElement(By.id("confirm-delete-" + doomed)).click();
        assertEquals("No connection: “Logged twice by mistake” was not deleted. Try again when you are online.",
                waitFor(By.id("sessions-status")).getText());
        assertEquals(1, browser.findElements(By.id("session-" + doomed)).size(), "the row stays");
        assertEquals("3 sessions", browser.findElement(By.id("sessions-total")).getText());
        checkPage("sessions, delete offline", "sessions-delete-offline");
        offline(false);

        browser.findElement(By.id("delete-" + doomed)).click();
        waitFor(By.id("confirm-delete-" + doomed)).click();
        waitForText(By.id("sessions-status"), "“Logged twice by mistake” is deleted.");
        assertTrue(browser.findElements(By.id("session-" + doomed)).isEmpty());
        assertEquals("2 sessions", browser.findElement(By.id("sessions-total")).getText());
        assertEquals(List.of("Stays too", "Stays"), titles());
        given().get("/api/v1/sessions/" + doomed).then().statusCode(404);
        assertEquals(2, given().queryParam("organisationId", centre).get("/api/v1/sessions").then().statusCode(200)
                .extract().<Integer>path("total"));
        checkPage("sessions, deleted", "sessions-deleted");
    }

    @Test
    void shouldSayWhenSomeoneElseChangedTheSessionAndReloadTheNewVersion() {
        String centre = centre("Busy lead's centre");
        String lead = account("ORGANISATION_LEAD", centre);
        Map<String, Object> body = session(centre, "Before the change", LAST_MONTH.plusDays(5), List.of("STREET"));
        String id = given().header("Authorization", "Bearer " + Api.token(lead, PASSWORD)).contentType(ContentType.JSON)
                .body(body).post("/api/v1/sessions").then().statusCode(201).extract().path("id");

        signedIn(lead);
        go("#/sessions");
        waitForText(By.id("sessions-total"), "1 session");
        String etag = given().get("/api/v1/sessions/" + id).then().statusCode(200).extract().header("ETag");
        body.put("title", "After the change");
        given().header("If-Match", etag).contentType(ContentType.JSON).body(body).put("/api/v1/sessions/" + id)
                .then().statusCode(200);

        browser.findElement(By.id("delete-" + id)).click();
        waitFor(By.id("confirm-delete-" + id)).click();
        String conflict = waitFor(By.id("sessions-conflict")).getText();
        assertTrue(conflict.startsWith("Someone else changed “Before the change” after the list was loaded, so it was not deleted."), conflict);
        given().get("/api/v1/sessions/" + id).then().statusCode(200);
        assertEquals("sessions-reload", script("return document.activeElement.id;"));
        checkPage("sessions, conflict", "sessions-conflict");

        browser.findElement(By.id("sessions-reload")).click();
        waitUntil(() -> titles().equals(List.of("After the change")));
        assertTrue(browser.findElements(By.id("sessions-conflict")).isEmpty());
        browser.findElement(By.id("delete-" + id)).click();
        waitFor(By.id("confirm-delete-" + id)).click();
        waitForText(By.id("sessions-status"), "“After the change” is deleted.");
        given().get("/api/v1/sessions/" + id).then().statusCode(404);
        assertEquals("Your centre has logged no sessions yet.", waitFor(By.id("sessions-empty")).getText());
    }

    @Test
    void shouldShowTheLabelsInSlovenianAfterTheLanguageSwitch() {
        String centre = centre("Mladinski center");
        String worker = account("YOUTH_WORKER", centre);
        String token = Api.token(worker, PASSWORD);
        for (int day = 1; day <= 3; day++) {
            logged(token, centre, "Ulično delo " + day, LAST_MONTH.plusDays(day), List.of("STREET", "INFORMAL_GROUP"));
        }
        signedIn(worker);
        go("#/sessions");
        waitForText(By.id("sessions-total"), "3 sessions");
        new Select(browser.findElement(By.id("language"))).selectByValue("sl");
        waitForText(By.id("sessions-total"), "3 srečanja");
        assertEquals("Srečanja centra", browser.findElement(By.cssSelector("logbook-sessions h1")).getText());
        assertEquals("Mesec", browser.findElement(By.cssSelector("label[for='sessions-month']")).getText());
        assertEquals("Metoda", browser.findElement(By.cssSelector("label[for='sessions-method']")).getText());
        waitUntil(() -> browser.findElement(By.cssSelector(".session-methods")).getText()
                .equals("Ulično mladinsko delo · Delo z neformalnimi interesnimi skupinami mladih"));
        assertEquals("Vse metode", new Select(browser.findElement(By.id("sessions-method"))).getFirstSelectedOption().getText());
        assertTrue(browser.findElement(By.cssSelector(".session-card")).getText().contains("Kdo je vpisal\nvi"));
        checkPage("sessions in Slovenian", "sessions-sl");
    }

    private static Map<String, Object> session(String centre, String title, LocalDate date, List<String> methods) {
        Map<String, Object> body = Api.session(centre);
        body.put("title", title);
        body.put("date", date.toString());
        body.put("methods", new ArrayList<>(methods));
        return body;
    }

    /** A session logged with that person's token, answering its id. */
    private static String logged(String token, String centre, String title, LocalDate date, List<String> methods) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(session(centre, title, date, methods)).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("id");
    }

    /** The ids the API lists for the centre with those filters, as the administrator sees them. */
    private static List<String> apiIds(String centre, Map<String, Object> filters) {
        return given().queryParam("organisationId", centre).queryParams(filters).get("/api/v1/sessions")
                .then().statusCode(200).extract().path("items.id");
    }

    @SuppressWarnings("unchecked")
    private List<String> shownIds() {
        return (List<String>) script("return [...document.querySelectorAll('.session-card')].map(e => e.id.slice('session-'.length));");
    }

    @SuppressWarnings("unchecked")
    private List<String> titles() {
        return (List<String>) script("return [...document.querySelectorAll('.session-card h2')].map(e => e.textContent);");
    }

    private void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
    }

    private void offline(boolean offline) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
