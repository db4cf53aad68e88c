package org.youthwork.logbook.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.youthwork.logbook.Api;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre's own overview: every figure the page shows is the API's, for this month and this year up to today and
 * the same spans a year earlier. Ids: overview-{month,lastmonth,year,lastyear}-{sessions,hours,participants,youthled}.
 */
@QuarkusTest
class OverviewBrowserTest extends BrowserTest {

    private static final List<String> FIGURES = List.of("sessions", "hours", "participants", "youthled");

    @Test
    void shouldShowTheCentresFiguresAsTheApiCountsThem() {
        LocalDate today = LocalDate.now();
        LocalDate yearEarlier = today.minusYears(1);
        String centre = centre("Overview centre");
        session(centre, today, 90, List.of("STREET", "INFORMAL_GROUP"), true);
        session(centre, today, 60, List.of("DIGITAL"), false);
        session(centre, today.withDayOfYear(1), 45, List.of("OPEN"), false);
        session(centre, yearEarlier.withDayOfMonth(1), 120, List.of("STREET"), true);
        session(centre, yearEarlier.withDayOfYear(1), 30, List.of("EVENT"), false);
        if (yearEarlier.plusDays(1).getYear() == yearEarlier.getYear()) {
            session(centre, yearEarlier.plusDays(1), 30, List.of("EVENT"), false); // after the same day: not compared
        }
        session(centre("Another centre"), today, 600, List.of("STREET"), true);

        signedIn(account("YOUTH_WORKER", centre));
        go("#/overview");
        waitFor(By.id("overview-by-method"));

        Map<String, JsonPath> api = Map.of(
                "month", overview(centre, today.withDayOfMonth(1), today),
                "lastmonth", overview(centre, yearEarlier.withDayOfMonth(1), yearEarlier),
                "year", overview(centre, today.withDayOfYear(1), today),
                "lastyear", overview(centre, yearEarlier.withDayOfYear(1), yearEarlier));
        assertEquals(2, api.get("month").getInt("totals.sessions"), "the other centre's session is not counted");
        for (var span : api.entrySet()) {
            for (String figure : FIGURES) {
                assertEquals(expected(span.getValue(), figure), text("overview-" + span.getKey() + "-" + figure),
                        span.getKey() + " " + figure);
            }
        }
        assertEquals("50%", text("overview-month-youthled"));
        assertEquals("2.5", text("overview-month-hours"));

        for (String span : List.of("year", "lastyear")) {
            for (Map<String, Object> row : api.get(span).<Map<String, Object>>getList("byMonth")) {
                String id = "by-month-" + row.get("month");
                assertEquals(number(row.get("sessions")), text(id + "-sessions"), id);
                assertEquals(number(row.get("participants")), text(id + "-participants"), id);
            }
        }

        Map<String, String> methods = methodLabels("en");
        for (Map<String, Object> row : api.get("year").<Map<String, Object>>getList("byMethod")) {
            String id = "by-method-" + row.get("method");
            assertEquals(methods.get(row.get("method")), text(id), "the method's label, never its code");
            assertEquals(number(row.get("sessions")), text(id + "-sessions"), id);
            assertEquals(number(row.get("hours")), text(id + "-hours"), id);
            assertEquals(number(row.get("participants")), text(id + "-participants"), id);
        }

        JsonPath year = api.get("year");
        String recorded = text("overview-months-recorded");
        assertTrue(recorded.startsWith(year.getInt("indicator223.monthsRecorded") + " of " + year.getInt("indicator223.monthsCounted")
                + " months recorded; regular from " + year.getInt("indicator223.regularMonthsRequired") + "."), recorded);
        assertEquals(year.getBoolean("indicator223.regular") ? "We record regularly." : "Not regular yet.", text("overview-regular"));

        checkPage("overview", "overview");
        script("document.getElementById('overview-recorded-heading').scrollIntoView();");
        screenshot("overview-by-month");
        script("document.getElementById('overview-by-method-heading').scrollIntoView();");
        screenshot("overview-by-method");
    }

    @Test
    void shouldShowSlovenianLabelsAndNumbersAfterTheLanguageSwitch() {
        LocalDate today = LocalDate.now();
        String centre = centre("Overview centre");
        session(centre, today, 90, List.of("STREET"), true);
        session(centre, today, 60, List.of("DIGITAL"), false);
        signedIn(account("ORGANISATION_LEAD", centre));
        go("#/overview");
        waitFor(By.id("overview-by-method"));

        new Select(browser.findElement(By.id("language"))).selectByValue("sl");
        waitForText(By.cssSelector("logbook-overview h1"), "Naš pregled");
        assertEquals("2,5", text("overview-month-hours"), "a decimal comma in Slovenian");
        assertEquals("50 %", text("overview-month-youthled").replace('\u00a0', ' '));
        assertEquals(methodLabels("sl").get("STREET"), waitForText(By.id("by-method-STREET"), methodLabels("sl").get("STREET")).getText());
        assertEquals("Srečanja", browser.findElement(By.id("by-method-sessions")).getText());
        assertTrue(text("overview-months-recorded").contains(" od "), text("overview-months-recorded"));

        checkPage("overview in Slovenian", "overview-sl");
    }

    private static void session(String centre, LocalDate date, int minutes, List<String> methods, boolean youthLed) {
        Map<String, Object> s = Api.session(centre);
        s.put("date", date.toString());
        s.put("durationMinutes", minutes);
        s.put("methods", methods);
        s.put("youthLed", youthLed);
        s.put("youngLeaders", youthLed ? 2 : 0);
        Api.createSession(s);
    }

    private static JsonPath overview(String centre, LocalDate from, LocalDate to) {
        return given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/overviews/organisations/{id}", centre).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> methodLabels(String lang) {
        List<Map<String, String>> methods = given().header("Accept-Language", lang).get("/api/v1/code-lists")
                .then().statusCode(200).extract().jsonPath().getList("methods");
        return methods.stream().collect(Collectors.toMap(m -> m.get("code"), m -> m.get("label")));
    }

    /** What the page must show for the API's totals, in English. */
    private static String expected(JsonPath overview, String figure) {
        long sessions = overview.getLong("totals.sessions");
        return switch (figure) {
            case "youthled" -> sessions == 0 ? "–" : Math.round(100.0 * overview.getLong("totals.youthLedSessions") / sessions) + "%";
            case "hours" -> number(overview.get("totals.hours"));
            default -> number(overview.get("totals." + figure));
        };
    }

    private static String number(Object value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
