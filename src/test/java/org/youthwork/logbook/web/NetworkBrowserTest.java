package org.youthwork.logbook.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network's pages: a country and its regions and municipalities, and indicator 2.2.3. In a test country of its own
 * (QB: region QB1 with QB-A1, QB-A2 and QB2 with QB-B1, QB-B2), so that no other test's sessions move its numbers:
 * member Rila (QB-A1) logged in January to September last year (once in QB-B2), member Pirin (QB-B1) in February and
 * May last year; this year Rila and the non-member Vitosha (QB-A2) log today and Pirin on 1 January.
 */
@QuarkusTest
class NetworkBrowserTest extends BrowserTest {

    private static final List<String> FIGURES = List.of("sessions", "hours", "youthWorkerHours", "participants",
            "firstTimeParticipants", "unorganisedYouth", "fewerOpportunities", "youthLedSessions");
    private static final List<String> MEASURES = List.of("sessions", "hours", "participants");
    private static String rila;
    private static String pirin;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void logTheFixtures() {
        if (rila != null) {
            return;
        }
        TestAreas.create(db, "QB");
        rila = Api.createOrganisation("Rila youth centre", "QB-A1", true);
        pirin = Api.createOrganisation("Pirin club", "QB-B1", true);
        String vitosha = Api.createOrganisation("Vitosha society", "QB-A2", false);
        int last = LocalDate.now().getYear() - 1;
        for (int month = 1; month <= 9; month++) {
            log(rila, month == 4 ? "QB-B2" : "QB-A1", LocalDate.of(last, month, 12), 90);
        }
        log(pirin, "QB-B1", LocalDate.of(last, 2, 1), 60);
        log(pirin, "QB-B1", LocalDate.of(last, 5, 31), 60);
        LocalDate today = LocalDate.now();
        log(rila, "QB-A1", today, 100);
        log(rila, "QB-B2", today, 45);
        log(vitosha, "QB-A2", today, 120);
        log(pirin, "QB-B1", today.withDayOfYear(1), 30);
    }

    @Test
    void shouldShowTheCoordinatorItsCountryRegionsAndMunicipalitiesAsTheApiCountsThem() {
        signedIn(account("NETWORK_COORDINATOR", "country", "QB"));
        waitFor(By.id("area-regions"));
        waitFor(By.id("area-methods-chart-caption"));

        LocalDate today = LocalDate.now();
        JsonPath country = overview("countries/QB", today.withDayOfYear(1), today);
        assertEquals("Testland QB", text("area-heading"), "the coordinator lands on its country");
        assertFigures(country);
        assertEquals(4, country.getInt("totals.sessions"), "the fixtures' four sessions this year");
        assertRows(country, "byRegion", "region");
        assertRows(country, "byMunicipality", "municipality");
        assertEquals(chartRows(country.getList("byRegion"), "name"), chartTable("area-regions-chart-table"),
                "the regions chart's table is the API's byRegion");
        Map<String, String> methods = labels("methods");
        List<List<String>> methodRows = new ArrayList<>();
        for (Map<String, Object> row : country.<Map<String, Object>>getList("byMethod")) {
            methodRows.add(List.of(methods.get(row.get("method")), number(row.get("sessions")), number(row.get("hours"))));
        }
        assertEquals(methodRows, chartTable("area-methods-chart-table"), "methods by their labels, never their codes");
        assertEquals("Organisations with sessions here: " + country.getInt("organisationsTotal") + ".",
                text("area-organisations-count"));
        for (Map<String, Object> row : country.<Map<String, Object>>getList("byOrganisation")) {
            assertEquals(number(row.get("sessions")), text("organisation-" + row.get("organisationId") + "-sessions"));
        }
        checkPage("the country page of a coordinator", "network-country");
        for (String section : List.of("regions", "municipalities", "methods", "organisations")) {
            script("document.getElementById(arguments[0]).scrollIntoView();", "area-" + section + "-heading");
            screenshot("network-country-" + section);
        }

        browser.findElement(By.id("region-QB1-link")).click();
        waitForText(By.id("area-heading"), "North");
        waitFor(By.id("area-municipalities"));
        String period = "?from=" + today.withDayOfYear(1) + "&to=" + today;
        assertTrue(browser.getCurrentUrl().endsWith("#/areas/regions/QB1" + period), browser.getCurrentUrl());
        JsonPath region = overview("regions/QB1", today.withDayOfYear(1), today);
        assertFigures(region);
        assertRows(region, "byMunicipality", "municipality");
        assertEquals(chartRows(region.getList("byMunicipality"), "name"), chartTable("area-municipalities-chart-table"));
        assertEquals(2, browser.findElements(By.cssSelector("#area-municipalities tbody tr")).size(), "QB-A1 and QB-A2");
        assertTrue(browser.findElement(By.id("area-country-link")).getDomAttribute("href").endsWith("#/areas/countries/QB" + period));
        checkPage("a region's page", "network-region");

        browser.findElement(By.id("municipality-QB-A1-link")).click();
        waitFor(By.cssSelector("logbook-municipality"));
        assertTrue(browser.getCurrentUrl().endsWith("#/areas/municipalities/QB-A1" + period), browser.getCurrentUrl());

        LocalDate from = LocalDate.of(today.getYear() - 1, 1, 1);
        LocalDate to = LocalDate.of(today.getYear() - 1, 12, 31);
        go("#/areas/countries/QB?from=" + from + "&to=" + to);
        waitForText(By.id("area-figure-sessions"), "11");
        assertEquals(from.toString(), browser.findElement(By.id("area-from")).getDomProperty("value"), "the period from the hash");
        assertEquals(to.toString(), browser.findElement(By.id("area-to")).getDomProperty("value"));
        JsonPath lastYear = overview("countries/QB", from, to);
        assertFigures(lastYear);
        assertRows(lastYear, "byRegion", "region");
        assertTrue(browser.findElement(By.id("region-QB2-link")).getDomAttribute("href").endsWith("?from=" + from + "&to=" + to),
                "a row opens its area for the same period");
    }

    @Test
    void shouldShowIndicator223AndWhichMonthsEachMemberRecordedIn() {
        int last = LocalDate.now().getYear() - 1;
        signedIn(account("NETWORK_COORDINATOR", "country", "QB"));
        go("#/indicator?year=" + last);
        waitFor(By.id("indicator-grid"));

        JsonPath indicator = overview("countries/QB", LocalDate.of(last, 1, 1), LocalDate.of(last, 12, 31));
        assertIndicator(indicator);
        assertEquals(0.5, indicator.getDouble("indicator223.value"), "Rila regular, Pirin not");

        List<Map<String, Object>> members = given().queryParam("country", "QB").queryParam("year", last)
                .get("/api/v1/reports/months-recorded").then().statusCode(200).extract().jsonPath().getList("organisations");
        assertEquals(members.size(), browser.findElements(By.cssSelector("#indicator-grid tbody tr")).size());
        for (Map<String, Object> member : members) {
            List<?> months = (List<?>) member.get("months");
            for (int month = 1; month <= 12; month++) {
                String cell = "grid-" + member.get("organisationId") + "-" + month;
                boolean recorded = months.contains(String.format("%d-%02d", last, month));
                assertEquals(String.valueOf(recorded), browser.findElement(By.id(cell)).getDomAttribute("data-recorded"), cell);
                assertEquals(recorded ? "recorded" : "no session", hiddenText(cell), cell + ": said in words, not by colour alone");
            }
        }
        Map<String, Object> rilaRow = members.stream().filter(m -> m.get("organisationId").equals(rila)).findFirst().orElseThrow();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), ((List<?>) rilaRow.get("months")).stream()
                .map(m -> Integer.parseInt(m.toString().substring(5))).toList(), "the months made, wherever held");
        assertTrue(text("grid-" + rila).contains("9 months"), text("grid-" + rila));
        assertTrue(text("grid-" + pirin).contains("2 months"), text("grid-" + pirin));

        List<String> notRegular = indicator.getList("indicator223.notRegular.organisationId");
        assertEquals(notRegular, browser.findElements(By.cssSelector("#indicator-not-regular li")).stream()
                .map(li -> li.getDomAttribute("id").substring("not-regular-".length())).toList());
        assertEquals(List.of(pirin), notRegular);
        assertTrue(text("not-regular-" + pirin).endsWith("months recorded: 2, required: 9"), text("not-regular-" + pirin));
        checkPage("indicator 2.2.3 of a coordinator", "network-indicator");
        script("document.getElementById('indicator-grid-heading').scrollIntoView();");
        screenshot("network-indicator-grid");
    }

    @Test
    void shouldDownloadTheAnnualAnalysisFromTheIndicatorPage() throws java.io.IOException {
        int last = LocalDate.now().getYear() - 1;
        signedIn(account("NETWORK_COORDINATOR", "country", "QB"));
        go("#/indicator?year=" + last);
        waitFor(By.id("indicator-grid"));
        assertTrue(browser.findElements(By.id("downloads-publication")).isEmpty(), "the analysis has no published view");
        java.nio.file.Path xlsx = download("download-xlsx", allowDownloads());
        assertEquals("annual-analysis-QB-" + last + ".xlsx", xlsx.getFileName().toString());
        List<String> names = given().queryParam("country", "QB").queryParam("year", last)
                .get("/api/v1/reports/annual-analysis").then().statusCode(200).extract().jsonPath().getList("organisations.name");
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
            List<org.dhatim.fastexcel.reader.Row> rows = workbook.findSheet("Annual analysis").orElseThrow().read();
            assertEquals(names, rows.subList(1, rows.size()).stream().map(r -> r.getCellText(0)).toList(),
                    "a row per member organisation, name first");
        }
    }

    @Test
    void shouldLabelTheCountryAndTheIndicatorInBulgarian() {
        signedIn(account("NETWORK_COORDINATOR", "country", "QB"));
        waitFor(By.id("area-methods-chart-caption"));
        new Select(browser.findElement(By.id("language"))).selectByValue("bg");
        waitForText(By.id("area-figures-heading"), "В цифри");
        LocalDate today = LocalDate.now();
        JsonPath country = overview("countries/QB", today.withDayOfYear(1), today);
        assertEquals(country.getString("totals.hours").replace('.', ','), text("area-figure-hours"), "a decimal comma");
        Map<String, String> methods = labels("methods", "bg");
        Map<String, String> themes = labels("themes", "bg");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> chartTable("area-methods-chart-table").get(0).get(0)
                .equals(methods.get(country.getString("byMethod[0].method"))));
        assertEquals(country.<String>getList("byMethod.method").stream().map(methods::get).toList(),
                chartTable("area-methods-chart-table").stream().map(row -> row.get(0)).toList(), "Bulgarian labels, no codes");
        assertEquals(country.<String>getList("byTheme.theme").stream().map(themes::get).toList(),
                chartTable("area-themes-chart-table").stream().map(row -> row.get(0)).toList());
        assertEquals("Области", text("area-regions-heading"));
        checkPage("the country page in Bulgarian", "network-country-bg");

        go("#/indicator?year=" + (today.getYear() - 1));
        waitFor(By.id("indicator-grid"));
        assertEquals("Показател 2.2.3", text("indicator-heading"));
        assertEquals("януари", ((String) script("return document.querySelector('#grid-month-1 .area-hidden').textContent;")).trim());
        assertEquals("50%", text("indicator-value").replace("\u00a0", "").replace(" ", ""));
        checkPage("indicator 2.2.3 in Bulgarian", "network-indicator-bg");
    }

    @Test
    void shouldLetAnAdministratorChooseTheCountry() {
        signedIn(account("ADMIN", null, null));
        waitFor(By.id("area-municipalities"));
        assertEquals("Slovenia", text("area-heading"), "an administrator lands on Slovenia");
        long municipalities = given().queryParam("country", "SI").get("/api/v1/municipalities").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        assertEquals(municipalities, browser.findElements(By.cssSelector("#area-municipalities tbody tr")).size());
        checkPage("Slovenia with every municipality at 360 px", "network-country-admin");
        script("document.getElementById('area-municipalities').scrollIntoView();");
        screenshot("network-country-si-municipalities");
        // A national network's year reaches millions of participants: the longest figures still fit.
        script("for (const m of ['sessions', 'hours', 'participants']) document.getElementById('municipality-SI-133-' + m)"
                + ".textContent = {sessions: '123,456', hours: '1,234,567.75', participants: '12,345,678'}[m];");
        assertFits360("Slovenia with the largest figures");

        new Select(waitFor(By.id("area-country"))).selectByValue("QB");
        browser.findElement(By.id("area-show")).click();
        waitForText(By.id("area-heading"), "Testland QB");
        waitFor(By.id("area-regions"));
        LocalDate today = LocalDate.now();
        assertTrue(browser.getCurrentUrl().endsWith("#/areas/countries/QB?from=" + today.withDayOfYear(1) + "&to=" + today),
                browser.getCurrentUrl());
        JsonPath country = overview("countries/QB", today.withDayOfYear(1), today);
        assertFigures(country);
        assertRows(country, "byRegion", "region");

        int last = today.getYear() - 1;
        go("#/indicator");
        new Select(waitFor(By.id("indicator-country"))).selectByValue("QB");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.findElement(By.id("indicator-year")).clear();
        browser.findElement(By.id("indicator-year")).sendKeys(String.valueOf(last));
        browser.findElement(By.id("indicator-show")).click();
        wait.until(ExpectedConditions.urlContains("country=QB&year=" + last));
        waitForText(By.id("indicator-figures-heading"), "Testland QB, " + last);
        assertIndicator(overview("countries/QB", LocalDate.of(last, 1, 1), LocalDate.of(last, 12, 31)));
        checkPage("indicator 2.2.3 of another country, as administrator", "network-indicator-admin");
    }

    @Test
    void shouldKeepTheNetworkPagesFromAMunicipality() {
        signedIn(account("MUNICIPALITY", "municipalityCode", "QB-A1"));
        assertTrue(browser.findElements(By.id("nav-indicator")).isEmpty(), "no indicator in the navigation");
        assertEquals("#/areas/municipalities/QB-A1", browser.findElement(By.id("nav-areas")).getDomAttribute("href"));
        go("#/indicator");
        waitFor(By.cssSelector("logbook-municipality"));
        assertTrue(browser.findElements(By.cssSelector("logbook-indicator")).isEmpty(), "its own page instead");
        checkPage("a municipality asking for indicator 2.2.3", "network-municipality-fallback");

        go("#/areas/countries/QB");
        waitForText(By.id("area-status"), "You may not see this area's figures.");
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("Rila"));
    }

    private void assertFigures(JsonPath overview) {
        for (String figure : FIGURES) {
            assertEquals(number(overview.get("totals." + figure)), text("area-figure-" + figure), figure);
        }
        assertEquals(number(overview.get("organisationsTotal")), text("area-figure-organisations"));
        assertEquals(number(overview.get("indicator223.municipalitiesCovered")), text("area-figure-municipalitiesCovered"));
    }

    private void assertRows(JsonPath overview, String breakdown, String prefix) {
        List<Map<String, Object>> rows = overview.getList(breakdown);
        assertEquals(rows.size(), browser.findElements(By.cssSelector("tr[id^='" + prefix + "-']")).size(), breakdown);
        for (Map<String, Object> row : rows) {
            String id = prefix + "-" + row.get("code");
            assertEquals(row.get("name"), text(id + "-link"), id);
            for (String measure : MEASURES) {
                assertEquals(number(row.get(measure)), text(id + "-" + measure), id + " " + measure);
            }
        }
    }

    private void assertIndicator(JsonPath overview) {
        assertEquals(percent(overview.getDouble("indicator223.value")), text("indicator-value"));
        for (String[] figure : new String[][] {{"memberOrganisations", "members"}, {"recordingOrganisations", "recording"},
                {"regularlyRecordingOrganisations", "regular"}, {"regularMonthsRequired", "required"}}) {
            assertEquals(number(overview.get("indicator223." + figure[0])), text("indicator-" + figure[1]), figure[0]);
        }
    }

    private static List<List<String>> chartRows(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(r -> List.of(String.valueOf(r.get(name)), number(r.get("sessions")))).toList();
    }

    /** A chart's table, row by row: it is folded away (details), so its text is read from the DOM. */
    @SuppressWarnings("unchecked")
    private List<List<String>> chartTable(String id) {
        waitFor(By.id(id.replace("-table", "-caption")));
        return (List<List<String>>) script("return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]"
                + ".map(r => [...r.children].map(c => c.textContent.trim()));", id);
    }

    private String hiddenText(String id) {
        return ((String) script("return document.querySelector('#' + arguments[0] + ' .area-hidden').textContent;", id)).trim();
    }

    private static JsonPath overview(String area, LocalDate from, LocalDate to) {
        return given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/overviews/" + area).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> labels(String list) {
        return labels(list, "en");
    }

    private static Map<String, String> labels(String list, String lang) {
        List<Map<String, String>> codes = given().header("Accept-Language", lang).get("/api/v1/code-lists")
                .then().statusCode(200).extract().jsonPath().getList(list);
        return codes.stream().collect(Collectors.toMap(m -> m.get("code"), m -> m.get("label")));
    }

    private static void log(String organisation, String municipality, LocalDate date, int minutes) {
        Map<String, Object> s = Api.session(organisation);
        s.put("municipalityCode", municipality);
        s.put("date", date.toString());
        s.put("durationMinutes", minutes);
        Api.createSession(s);
    }

    /** As the page writes numbers in English: grouped, at most two decimals. */
    private static String number(Object value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    private static String percent(double share) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(share * 100) + "%";
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
