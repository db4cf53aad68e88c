package org.youthwork.logbook.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.youthwork.logbook.Api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log-session form: create, refuse, expire, correct; in Debian's headless Chromium at a phone's width. */
@QuarkusTest
class LogBrowserTest extends BrowserTest {

    private int actions;

    @Test
    void shouldLogASessionOnlineAndFindItOnceThroughTheApi() {
        String centre = centre("Form centre");
        signedIn(account("YOUTH_WORKER", centre));
        waitFor(By.id("title"));
        assertEquals(today(), value("date"), "the date is today by default");
        type("title", "Board games evening");
        type("count-15-19-FEMALE", "4");
        click("count-15-19-MALE-plus");
        click("count-15-19-MALE-plus");
        click("count-15-19-MALE-plus");
        click("count-15-19-MALE-minus");
        type("count-20-24-OTHER", "1");
        click("method-OPEN");
        click("method-GROUP_PROGRAMME");
        click("theme-CULTURE");
        click("setting-YOUTH_CENTRE");
        assertEquals("7", text("participants-total"));
        checkPage("log", "log");
        fullPage("log-full");

        click("save");
        assertEquals("Saved: “Board games evening”, 7 participants.", waitFor(By.id("saved")).getText());
        assertEquals("", value("title"), "a fresh form for the next session");
        assertEquals("", value("count-15-19-FEMALE"));
        checkPage("log saved", "log-saved");

        JsonPath stored = sessions(centre);
        assertEquals(1, stored.getList("items").size(), "stored exactly once");
        assertEquals(centre, stored.getString("items[0].organisationId"));
        assertEquals("Board games evening", stored.getString("items[0].title"));
        assertEquals(today(), stored.getString("items[0].date"));
        assertEquals(List.of("OPEN", "GROUP_PROGRAMME"), stored.getList("items[0].methods"));
        assertEquals(List.of("CULTURE"), stored.getList("items[0].themes"));
        assertEquals(7, stored.getInt("items[0].participantsTotal"));
        assertEquals(Map.of("15-19/FEMALE", 4, "15-19/MALE", 2, "20-24/OTHER", 1), counts(stored, 0));
        assertEquals("SI-133", stored.getString("items[0].municipalityCode"), "the organisation's municipality");
    }

    @Test
    void shouldPrefillTheNextFormFromTheLastSessionAndLogATypicalOneInFewActions() {
        String centre = centre("Form centre");
        signedIn(account("YOUTH_WORKER", centre));
        type("title", "Street outreach at the bus station");
        type("count-15-19-MALE", "5");
        click("method-STREET");
        click("method-DIGITAL");
        click("theme-EMPLOYMENT");
        click("setting-PUBLIC_SPACE");
        type("duration", "90");
        setValue("start-time", "18:00");
        click("more");
        type("youth-workers", "2");
        click("save");
        waitFor(By.id("saved"));

        assertDefaults("after the first session");
        checkPage("log with defaults", "log-defaults");

        // A device that remembers nothing takes them from the person's newest session on the server.
        script("Object.keys(localStorage).filter(k => k.startsWith('logbook.defaults.')).forEach(k => localStorage.removeItem(k));");
        browser.navigate().refresh();
        assertDefaults("from the server");

        actions = 0;
        click("nav-log");
        type("title", "Football on the playground");
        type("count-15-19-FEMALE", "3");
        type("count-15-19-MALE", "6");
        type("count-20-24-FEMALE", "2");
        type("count-20-24-MALE", "4");
        click("method-DIGITAL");
        click("save");
        waitFor(By.id("saved"));
        System.out.println("Actions to log a typical session: " + actions);
        assertTrue(actions <= 15, actions + " actions");

        JsonPath stored = sessions(centre);
        assertEquals(2, stored.getList("items").size());
        int typical = "Football on the playground".equals(stored.getString("items[0].title")) ? 0 : 1;
        String at = "items[" + typical + "].";
        assertEquals("Football on the playground", stored.getString(at + "title"));
        assertEquals(List.of("STREET"), stored.getList(at + "methods"));
        assertEquals(List.of("EMPLOYMENT"), stored.getList(at + "themes"));
        assertEquals("PUBLIC_SPACE", stored.getString(at + "setting"));
        assertEquals(90, stored.getInt(at + "durationMinutes"));
        assertEquals("18:00", stored.getString(at + "startTime").substring(0, 5));
        assertEquals(2, stored.getInt(at + "youthWorkers"));
        assertEquals(15, stored.getInt(at + "participantsTotal"));
        assertEquals(Map.of("15-19/FEMALE", 3, "15-19/MALE", 6, "20-24/FEMALE", 2, "20-24/MALE", 4), counts(stored, typical));
    }

    private void assertDefaults(String when) {
        waitFor(By.id("title"));
        assertTrue(waitFor(By.id("method-STREET")).isSelected(), when);
        assertTrue(browser.findElement(By.id("method-DIGITAL")).isSelected(), when);
        assertTrue(!browser.findElement(By.id("method-OPEN")).isSelected(), when);
        assertTrue(browser.findElement(By.id("theme-EMPLOYMENT")).isSelected(), when);
        assertTrue(browser.findElement(By.id("setting-PUBLIC_SPACE")).isSelected(), when);
        assertEquals("90", value("duration"), when);
        assertEquals("18:00", value("start-time"), when);
        assertEquals("2", browser.findElement(By.id("youth-workers")).getAttribute("value"), when);
        assertEquals("SI-133", browser.findElement(By.id("municipality")).getAttribute("value"), when);
        assertEquals(today(), value("date"), when);
        assertEquals("", value("title"), when);
        assertEquals("0", text("participants-total"), when);
    }

    @Test
    void shouldShowTheRefusalAtItsFieldAndKeepWhatWasTyped() {
        String centre = centre("Form centre");
        signedIn(account("YOUTH_WORKER", centre));
        type("title", "Homework club");
        type("count-UNDER_15-FEMALE", "3");
        click("method-OPEN");
        click("theme-NON_FORMAL_LEARNING");
        click("setting-YOUTH_CENTRE");
        click("more");
        type("first-time", "5");
        type("notes", "Two new faces.");
        click("save");

        WebElement error = waitFor(By.id("first-time-error"));
        assertEquals("First-time participants cannot be more than the participants in total (3).", error.getText());
        WebElement field = browser.findElement(By.id("first-time"));
        assertEquals("true", field.getAttribute("aria-invalid"));
        assertTrue(field.getAttribute("aria-describedby").contains("first-time-error"));
        assertEquals("form-error", script("return document.activeElement.id;"), "the summary at the top is focused");
        assertEquals("Homework club", value("title"), "what was typed stays");
        assertEquals("3", value("count-UNDER_15-FEMALE"));
        assertEquals("5", value("first-time"));
        assertEquals("Two new faces.", value("notes"));
        assertTrue(browser.findElement(By.id("method-OPEN")).isSelected());
        checkPage("log refused", "log-refused");
        fullPage("log-refused-full");
        assertEquals(0, sessions(centre).getList("items").size());
        browser.findElement(By.cssSelector("#form-error li button")).click();
        assertEquals("first-time", script("return document.activeElement.id;"), "the summary leads to the field");

        type("first-time", "2");
        type("count-UNDER_15-MALE", "20000");
        click("save");
        assertEquals("Under 15, Male: enter a count from 0 to 10000.",
                waitFor(By.id("count-UNDER_15-MALE-error")).getText(), "participants[1].count is that cell");
        assertEquals("true", browser.findElement(By.id("count-UNDER_15-MALE")).getAttribute("aria-invalid"));
        assertTrue(browser.findElements(By.id("first-time-error")).isEmpty(), "only what is still wrong is marked");
        assertAccessible("log refused count");

        type("count-UNDER_15-MALE", "1");
        click("save");
        waitFor(By.id("saved"));
        JsonPath stored = sessions(centre);
        assertEquals(1, stored.getList("items").size());
        assertEquals(2, stored.getInt("items[0].firstTimeParticipants"));
        assertEquals(4, stored.getInt("items[0].participantsTotal"));
        assertEquals("Two new faces.", stored.getString("items[0].notes"));
    }

    @Test
    void shouldKeepWhatWasTypedWhenTheSignInExpiresMidForm() {
        String centre = centre("Form centre");
        String username = "worker-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String userId = Api.createUser(username, PASSWORD, "YOUTH_WORKER", "organisationId", centre);
        signedIn(username);
        type("title", "Late-night basketball");
        type("count-20-24-MALE", "8");
        click("method-STREET");
        click("theme-HEALTH");
        click("setting-PUBLIC_SPACE");

        String newPassword = "a brand new long password";
        given().contentType(ContentType.JSON).body(Map.of("password", newPassword))
                .put("/api/v1/users/" + userId + "/password").then().statusCode(200);
        click("save");

        waitFor(By.id("expired"));
        assertEquals("Late-night basketball", value("title"), "the page stays under the sign-in form");
        checkPage("log expired", "log-expired");
        assertEquals("Your sign-in expired before the session was sent. Sign in again, then press Save: everything you "
                + "typed is kept.", browser.findElement(By.id("expired-notice")).getText());
        signIn(username, newPassword);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("expired")).isEmpty());
        assertEquals("Late-night basketball", value("title"));
        assertEquals("8", value("count-20-24-MALE"));
        assertTrue(browser.findElement(By.id("method-STREET")).isSelected());
        click("save");
        waitFor(By.id("saved"));

        JsonPath stored = sessions(centre);
        assertEquals(1, stored.getList("items").size(), "stored once");
        assertEquals("Late-night basketball", stored.getString("items[0].title"));
        assertEquals(8, stored.getInt("items[0].participantsTotal"));
    }

    @Test
    void shouldOfferToReloadWhenSomeoneElseChangedTheSessionMeanwhile() {
        String centre = centre("Form centre");
        String username = account("YOUTH_WORKER", centre);
        String id = given().header("Authorization", "Bearer " + Api.token(username, PASSWORD))
                .contentType(ContentType.JSON).body(Api.session(centre))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        signedIn(username);
        go("#/sessions/" + id);
        waitForValue("title", "Street outreach at the bus station");
        assertEquals("Correct a session", text("log-heading"));
        assertEquals("4", value("count-15-19-FEMALE"));
        type("title", "Outreach at the station");

        Map<String, Object> elsewhere = Api.session(centre);
        elsewhere.put("title", "Changed by the lead");
        String etag = given().get("/api/v1/sessions/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag).contentType(ContentType.JSON).body(elsewhere)
                .put("/api/v1/sessions/" + id).then().statusCode(200);
        click("save");

        WebElement conflict = waitFor(By.id("conflict"));
        assertTrue(conflict.getText().contains("Someone else changed this session"), conflict.getText());
        assertEquals("Outreach at the station", value("title"), "nothing is thrown away before the person asks");
        checkPage("log conflict", "log-conflict");

        click("reload");
        waitForValue("title", "Changed by the lead");
        assertTrue(browser.findElements(By.id("conflict")).isEmpty());
        type("title", "Outreach at the station");
        click("save");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> script("return location.hash;").equals("#/sessions"));
        assertEquals("Outreach at the station",
                given().get("/api/v1/sessions/" + id).then().statusCode(200).extract().path("title"));
    }

    @Test
    void shouldSayClearlyWhatCannotBeCorrected() {
        String centre = centre("Form centre");
        String id = Api.createSession(Api.session(centre));
        signedIn(account("YOUTH_WORKER", centre));
        go("#/sessions/" + id);
        waitForValue("title", "Street outreach at the bus station");
        click("save");
        WebElement error = waitFor(By.id("form-error"));
        assertTrue(error.getText().contains("You may not correct this session"), error.getText());
        assertEquals("Street outreach at the bus station", value("title"));
        checkPage("log forbidden", "log-forbidden");

        go("#/log?queued=" + java.util.UUID.randomUUID());
        assertEquals("This session is no longer waiting on this device: it may have been sent already.",
                waitFor(By.id("form-error")).getText());
        go("#/log");
        waitForValue("title", "");
        assertEquals("Log a session", text("log-heading"));
    }

    @Test
    void shouldLabelTheFormInSlovenianAndBulgarian() {
        signedIn(account("YOUTH_WORKER", centre("Form centre")));
        waitFor(By.id("method-STREET"));
        new Select(browser.findElement(By.id("language"))).selectByValue("sl");
        waitForText(By.cssSelector("label[for='method-STREET']"), "Ulično mladinsko delo");
        assertEquals("Vpiši srečanje", text("log-heading"));
        assertEquals("Mladinski center", browser.findElement(By.cssSelector("label[for='setting-YOUTH_CENTRE']")).getText());
        assertEquals("Shrani srečanje", text("save"));
        checkPage("log in Slovenian", "log-sl");

        new Select(browser.findElement(By.id("language"))).selectByValue("bg");
        waitForText(By.cssSelector("label[for='method-STREET']"), "Улична работа с младежи");
        assertEquals("Запиши срещата", text("save"));
        assertFits360("log in Bulgarian");
        fullPage("log-bg-full");
    }

    @Test
    void shouldSayTheSessionWillBeSentWhenThereIsNoConnection() {
        signedIn(account("YOUTH_WORKER", centre("Form centre")));
        type("title", "Outreach in the park");
        type("count-15-19-FEMALE", "2");
        click("method-STREET");
        click("theme-HEALTH");
        click("setting-PUBLIC_SPACE");
        String id = (String) script("return document.querySelector('logbook-log').f.id;");
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            click("save");
            assertEquals("No connection: the session is kept on this device and will be sent when the connection returns.",
                    waitFor(By.id("queued")).getText());
            assertEquals("", value("title"), "a fresh form for the next session");
            assertTrue(!id.equals(script("return document.querySelector('logbook-log').f.id;")), "with a new id");
            assertTrue(browser.findElement(By.id("method-STREET")).isSelected(), "and the choices just made");
            checkPage("log queued", "log-queued");
        } finally {
            browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                    "offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
    }

    @Test
    void shouldOpenTheCorrectionOnceSignedInAgain() {
        String centre = centre("Form centre");
        String username = "worker-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String userId = Api.createUser(username, PASSWORD, "YOUTH_WORKER", "organisationId", centre);
        String id = given().header("Authorization", "Bearer " + Api.token(username, PASSWORD))
                .contentType(ContentType.JSON).body(Api.session(centre))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        signedIn(username);
        String newPassword = "a brand new long password";
        pauseASecond(); // a token issued in the second of the change stays valid: tokens carry whole seconds
        given().contentType(ContentType.JSON).body(Map.of("password", newPassword))
                .put("/api/v1/users/" + userId + "/password").then().statusCode(200);
        go("#/sessions/" + id);
        waitFor(By.id("expired"));
        signIn(username, newPassword);
        waitForValue("title", "Street outreach at the bus station");
        assertEquals("Correct a session", text("log-heading"));
    }

    private static void pauseASecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- what the person does, counted ---

    private void type(String id, String text) {
        WebElement field = waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
        actions++;
    }

    private void click(String id) {
        WebElement element = waitFor(By.id(id));
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        actions++;
    }

    /** The whole form in one picture, as the phone would show it scrolled through. */
    private void fullPage(String page) {
        long height = (Long) script("return document.documentElement.scrollHeight;");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", height, "deviceScaleFactor", 1, "mobile", true));
        screenshot(page);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Sets a value as a picker would (not counted: the tests that count actions never change the time). */
    private void setValue(String id, String value) {
        script("const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));",
                waitFor(By.id(id)), value);
    }

    private void waitForValue(String id, String value) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> value.equals(d.findElement(By.id(id)).getAttribute("value")));
    }

    private String value(String id) {
        return waitFor(By.id(id)).getAttribute("value");
    }

    private String text(String id) {
        return waitFor(By.id(id)).getText();
    }

    private static String today() {
        return LocalDate.now().toString();
    }

    private static JsonPath sessions(String organisationId) {
        return given().queryParam("organisationId", organisationId).get("/api/v1/sessions")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The non-zero head counts of the i-th listed session, as "ageBand/gender" → count. */
    private static Map<String, Integer> counts(JsonPath sessions, int i) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Map<String, Object> p : sessions.<Map<String, Object>>getList("items[" + i + "].participants")) {
            int count = (Integer) p.get("count");
            if (count > 0) counts.put(p.get("ageBand") + "/" + p.get("gender"), count);
        }
        return counts;
    }
}
