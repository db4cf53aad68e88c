package org.youthwork.logbook.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.youthwork.logbook.Api;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app without a connection: installable, its shell opens offline, sessions logged offline wait on the device
 * (surviving a closed browser), are sent once when the connection returns, and a refused one is corrected and sent.
 * The connection is cut for the page and its service worker alike ({@link Connectivity}).
 */
@QuarkusTest
class OfflineBrowserTest extends BrowserTest {

    private Connectivity connectivity;

    @AfterEach
    void disconnect() {
        if (connectivity != null) {
            connectivity.close();
            connectivity = null;
        }
    }

    /**
     * Quits while still cut off: closing DevTools first would bring the connection back, and the page would send its
     * queue before the browser closed. Even so, as the browser takes its targets and their emulated cut down one by one,
     * the page now and then got through: its fetch fails from here on, as on a device that stays offline until closed.
     */
    @Override
    void reopen() {
        Connectivity cut = connectivity;
        connectivity = null;
        if (cut != null) {
            script("window.fetch = () => Promise.reject(new TypeError('still offline'));");
        }
        super.reopen();
        if (cut != null) {
            cut.close();
        }
    }

    @Test
    void shouldServeAndLinkAManifestChromiumCanInstallAndAWorkerThatControlsThePage() throws IOException {
        given().get("/manifest.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body("name", equalTo("Youth-work logbook")).body("short_name", equalTo("Logbook"))
                .body("start_url", equalTo("/")).body("display", equalTo("standalone"))
                .body("theme_color", equalTo("#1d4e89"))
                .body("icons.sizes", equalTo(List.of("192x192", "512x512")));
        assertPng("/icons/icon-192.png", 192);
        assertPng("/icons/icon-512.png", 512);
        given().get("/sw.js").then().statusCode(200).contentType(startsWith("text/javascript"));

        signedIn(account("YOUTH_WORKER", centre("Offline centre")));
        assertEquals(app + "manifest.json", script("return document.querySelector('link[rel=manifest]').href;"));
        assertEquals(app + "sw.js", controller());
        assertEquals(app.toString(), asyncScript("const done = arguments[0];"
                + "navigator.serviceWorker.getRegistration().then(r => done(r.scope));"));
        assertEquals(List.of(), browser.executeCdpCommand("Page.getInstallabilityErrors", Map.of()).get("installabilityErrors"),
                "Chromium finds nothing that keeps the app from being installed");
    }

    @Test
    void shouldOpenTheAppShellAndTheFormWithNoConnection() {
        signedIn(account("YOUTH_WORKER", centre("Offline centre")));
        waitFor(By.id("title"));
        controller();

        offline();
        browser.navigate().refresh();
        waitFor(By.id("sign-out"));
        waitFor(By.id("title"));
        assertCutOff();
        assertEquals("Log a session", browser.findElement(By.cssSelector("logbook-log h1")).getText());
        checkPage("log offline", "offline-log");
    }

    @Test
    void shouldQueueASessionLoggedOfflineAndSendItOnceWhenTheConnectionReturns() {
        String centre = centre("Offline centre");
        String id = queuedOffline(account("YOUTH_WORKER", centre), "Street outreach without signal");
        assertEquals("No connection: the session is kept on this device and will be sent when the connection returns.",
                waitFor(By.id("queued")).getText());
        assertEquals("1 session saved on this device is not sent yet", waitFor(By.id("outbox-count")).getText());
        WebElement item = waitFor(By.id("outbox-" + id));
        assertTrue(item.getText().contains("Street outreach without signal"), item.getText());
        assertTrue(item.getText().contains("Waiting for a connection"), item.getText());
        assertEquals(0, sessions(centre).getList("items").size(), "nothing reached the server");
        checkPage("outbox waiting", "outbox-waiting");

        online();
        waitForGone("outbox");
        JsonPath stored = sessions(centre);
        assertEquals(1, stored.getList("items").size(), "stored exactly once");
        assertEquals(id, stored.getString("items[0].id"), "with the id the device made");
        assertEquals("Street outreach without signal", stored.getString("items[0].title"));
        assertEquals(2, stored.getInt("items[0].participantsTotal"));
        assertEquals(List.of(), queuedIds());
    }

    @Test
    void shouldStoreASessionOnceWhenItArrivesAgainAfterItsAnswerWasLost() {
        String centre = centre("Offline centre");
        String username = account("YOUTH_WORKER", centre);
        String id = queuedOffline(username, "Drop-in at the skate park");
        // The first sending reached the server, but its answer never came back: the device still has it waiting.
        given().header("Authorization", "Bearer " + Api.token(username, PASSWORD))
                .contentType(ContentType.JSON).body(queuedSession(id))
                .post("/api/v1/sessions").then().statusCode(201);

        online();
        waitForGone("outbox");
        JsonPath stored = sessions(centre);
        assertEquals(1, stored.getList("items").size(), "the second arrival stored nothing");
        assertEquals(id, stored.getString("items[0].id"));
        given().get("/api/v1/sessions/" + id + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE")));
    }

    @Test
    void shouldKeepTheQueueWhenTheBrowserClosesAndSendItOnlyAsItsAuthorAfterSigningInAgain() {
        String centre = centre("Offline centre");
        String author = account("YOUTH_WORKER", centre);
        String colleague = account("YOUTH_WORKER", centre);
        String id = queuedOffline(author, "Evening in the park");

        reopen();
        waitFor(By.id("username"));
        signIn(colleague, PASSWORD);
        waitFor(By.id("title"));
        assertTrue(browser.findElements(By.id("outbox")).isEmpty(), "a colleague on the same device sees no one else's queue");
        assertEquals(List.of(id), queuedIds(), "and sends nothing of it");
        assertEquals(0, sessions(centre).getList("items").size());

        browser.findElement(By.id("sign-out")).click();
        signIn(author, PASSWORD);
        waitFor(By.id("sign-out"));
        waitForGone("outbox");
        JsonPath stored = sessions(centre);
        assertEquals(1, stored.getList("items").size());
        assertEquals(id, stored.getString("items[0].id"));
        assertEquals("Evening in the park", stored.getString("items[0].title"));
    }

    @Test
    void shouldKeepARefusedSessionWithTheReasonToCorrectAndSendOrToDiscard() {
        // A Bulgarian centre, so that closing its country's year touches no other test's sessions.
        String centre = Api.createOrganisation("Offline centre in Sofia", "BG-SOF46", true);
        String year = String.valueOf(LocalDate.now().getYear());
        signedIn(account("YOUTH_WORKER", centre));
        waitFor(By.id("title"));
        offline();
        logSession("Football after school");
        logSession("Homework club");
        List<String> ids = queuedIds();
        assertEquals("2 sessions saved on this device are not sent yet", waitFor(By.id("outbox-count")).getText());

        given().contentType(ContentType.JSON).body(Map.of("country", "BG", "year", Integer.parseInt(year)))
                .post("/api/v1/periods/closed").then().statusCode(201);
        try {
            online();
            for (String id : ids) {
                waitForText(By.cssSelector("#outbox-" + id + " .state"), "Refused: " + closedReason(year));
            }
            assertEquals(0, sessions(centre).getList("items").size());
            checkPage("outbox refused", "outbox-refused");

            String discarded = ids.get(1);
            waitFor(By.id("outbox-" + discarded + "-discard")).click();
            waitFor(By.id("outbox-" + discarded + "-discard-no")).click();
            waitFor(By.id("outbox-" + discarded + "-discard")).click();
            assertEquals("Discard this session? It will not be sent and cannot be brought back.",
                    waitFor(By.id("outbox-" + discarded + "-confirm")).getText());
            checkPage("outbox discard", "outbox-discard");
            browser.findElement(By.id("outbox-" + discarded + "-discard-yes")).click();
            waitForGone("outbox-" + discarded);
            assertEquals(List.of(ids.get(0)), queuedIds());

            String corrected = ids.get(0);
            waitFor(By.id("outbox-" + corrected + "-correct")).click();
            waitForText(By.cssSelector("logbook-log h1"), "Correct a waiting session");
            assertEquals("Football after school", waitFor(By.id("title")).getAttribute("value"));
            String lastYear = (Integer.parseInt(year) - 1) + "-12-01";
            script("const date = document.getElementById('date'); date.value = arguments[0];"
                    + "date.dispatchEvent(new Event('input', {bubbles: true}));", lastYear);
            click("save");
            assertEquals("Saved: “Football after school”, 2 participants.", waitFor(By.id("saved")).getText());
            waitForText(By.cssSelector("logbook-log h1"), "Log a session");
            assertEquals("", waitFor(By.id("title")).getAttribute("value"), "a new, empty form follows");
            assertTrue(browser.findElements(By.id("outbox")).isEmpty(), "nothing waits any more");
            JsonPath stored = sessions(centre);
            assertEquals(1, stored.getList("items").size(), "the corrected one, once; the discarded one never");
            assertEquals(corrected, stored.getString("items[0].id"));
            assertEquals(lastYear, stored.getString("items[0].date"));
        } finally {
            given().delete("/api/v1/periods/closed/BG/" + year).then().statusCode(204);
        }
    }

    // --- the connection ---

    private void offline() {
        if (connectivity == null) {
            controller(); // the worker must be running to be cut off too
            connectivity = new Connectivity(browser);
        }
        connectivity.offline(true);
        assertCutOff();
    }

    private void online() {
        connectivity.offline(false);
    }

    /** Neither the API nor, through the service worker, the server answers the page. */
    private void assertCutOff() {
        assertEquals(false, script("return navigator.onLine;"));
        assertEquals("failed failed", asyncScript("const done = arguments[0]; Promise.all(["
                + "fetch('/api/v1/code-lists').then(r => String(r.status), e => 'failed'),"
                + "fetch('/static/not-kept-' + Date.now()).then(r => String(r.status), e => 'failed')])"
                + ".then(r => done(r.join(' ')));"));
    }

    /** The script of the service worker that controls the page, once it does. */
    private String controller() {
        return (String) asyncScript("const done = arguments[0];"
                + "const answer = () => done(navigator.serviceWorker.controller.scriptURL);"
                + "if (navigator.serviceWorker.controller) answer();"
                + "else navigator.serviceWorker.addEventListener('controllerchange', answer);");
    }

    // --- the form and the queue ---

    /** Signs in, cuts the connection and logs a session, answering the id it waits under. */
    private String queuedOffline(String username, String title) {
        signedIn(username);
        waitFor(By.id("title"));
        offline();
        logSession(title);
        return queuedIds().get(0);
    }

    private void logSession(String title) {
        WebElement field = waitFor(By.id("title"));
        field.clear();
        field.sendKeys(title);
        click("count-15-19-FEMALE-plus");
        click("count-15-19-MALE-plus");
        choose("method-STREET");
        choose("theme-HEALTH");
        choose("setting-PUBLIC_SPACE");
        click("save");
        waitFor(By.id("queued"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> queuedIds().stream()
                .anyMatch(id -> b.findElements(By.id("outbox-" + id)).size() == 1 && b.findElement(By.id("outbox-" + id)).getText().contains(title)));
    }

    private void click(String id) {
        WebElement element = waitFor(By.id(id));
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Ticks a toggle unless it is ticked already (the form keeps the last session's choices). */
    private void choose(String id) {
        if (!waitFor(By.id(id)).isSelected()) {
            click(id);
        }
    }

    private void waitForGone(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(45)).until(b -> b.findElements(By.id(id)).isEmpty());
    }

    /** The ids of the sessions waiting in this device's IndexedDB, whoever queued them, oldest first. */
    @SuppressWarnings("unchecked")
    private List<String> queuedIds() {
        return (List<String>) asyncScript("const done = arguments[0];"
                + "const opening = indexedDB.open('logbook-outbox');"
                + "opening.onsuccess = () => { const all = opening.result.transaction('sessions').objectStore('sessions').getAll();"
                + "all.onsuccess = () => done(all.result.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)).map(i => i.id)); };");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> queuedSession(String id) {
        return (Map<String, Object>) asyncScript("const id = arguments[0], done = arguments[1];"
                + "const opening = indexedDB.open('logbook-outbox');"
                + "opening.onsuccess = () => { const item = opening.result.transaction('sessions').objectStore('sessions').get(id);"
                + "item.onsuccess = () => done(item.result.session); };", id);
    }

    // --- the API ---

    private static JsonPath sessions(String organisationId) {
        return given().queryParam("organisationId", organisationId).get("/api/v1/sessions")
                .then().statusCode(200).extract().jsonPath();
    }

    /** What the server answers for a session dated in a closed year, as the panel shows it. */
    private static String closedReason(String year) {
        Map<String, Object> session = Api.session(Api.createOrganisation("Probe", "BG-SOF46", true));
        session.put("municipalityCode", "BG-SOF46");
        session.put("date", year + "-01-02");
        JsonPath problem = Api.post(session).statusCode(409).extract().jsonPath();
        return problem.getString("detail");
    }

    private static void assertPng(String path, int size) throws IOException {
        byte[] png = given().get(path).then().statusCode(200).contentType("image/png").extract().asByteArray();
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(png, 16, 8);
        assertEquals(size, header.getInt(), path + " width");
        assertEquals(size, header.getInt(), path + " height");
    }
}
