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
        assertAccessible("log");
        assertFits360("log");
        screenshot("log");

        click("save");
        assertEquals("Saved: “Board games evening”, 7 participants.", waitFor(By.id("saved")).getText());
        assertEquals("", value("title"), "a fresh form for the next session");
        assertEquals("", value("count-15-19-FEMALE"));
        assertAccessible("log saved");
        assertFits360("log saved");
        screenshot("log-saved");

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
