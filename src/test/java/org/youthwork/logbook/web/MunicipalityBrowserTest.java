package org.youthwork.logbook.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.youthwork.logbook.Api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A municipality's page and its printable report: every figure, chart table and organisation row equals the API's
 * overview. Its sessions are held in Semič (SI-109), where no other test holds any, so that the test's own sessions are
 * certain to be among those counted; the figures are still compared with the API, as earlier runs leave sessions too.
 */
@QuarkusTest
class MunicipalityBrowserTest extends BrowserTest {

    private static final String CODE = "SI-109";
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    private static boolean made;

    /** Once for the class, when the service is up (a static @BeforeAll runs before RestAssured knows its port). */
    @BeforeEach
    void sessionsInSemic() {
        if (made) {
            return;
        }
        made = true;
        LocalDate today = LocalDate.now();
        LocalDate yearEarlier = today.minusYears(1);
        String based = Api.createOrganisation("Mladinski center Semič " + suffix(), CODE, true);
        String visiting = Api.createOrganisation("Društvo za ulično delo z mladimi iz sosednje občine " + suffix(), "SI-133", true);
        session(based, today, 90, List.of("STREET", "INFORMAL_GROUP"), "PUBLIC_SPACE", true, 4, 6, 1);
        session(based, today.withDayOfYear(1), 45, List.of("OPEN"), "YOUTH_CENTRE", false, 2, 3, 0);
        session(visiting, today, 120, List.of("STREET"), "PUBLIC_SPACE", false, 7, 0, 2);
        session(based, yearEarlier.withDayOfYear(1), 60, List.of("DIGITAL"), "ONLINE", false, 1, 1, 1);
        session(visiting, yearEarlier, 30, List.of("EVENT"), "SCHOOL", true, 5, 5, 0);
    }

    @Test
    void shouldShowTheMunicipalitysFiguresAsTheApiCountsThem() {
        LocalDate today = LocalDate.now();
        signedIn(account("MUNICIPALITY", "municipalityCode", CODE));
        waitForFigures();
        // Signed in, a municipality lands on its own page (the heading below is Semič's) and its navigation leads there.
        assertTrue(browser.findElement(By.id("nav-areas")).getAttribute("href").endsWith("#/areas/municipalities/" + CODE));

        JsonPath api = overview(CODE, today.withDayOfYear(1), today);
        JsonPath before = overview(CODE, today.minusYears(1).withDayOfYear(1), today.minusYears(1));
        assertTrue(api.getInt("totals.sessions") >= 3, "the test's sessions this year are counted");
        assertEquals("Youth work in Semič", browser.findElement(By.cssSelector("logbook-municipality h1")).getText());
        assertHeadline(api, "municipality");

        Map<String, String> methods = labels("en", "methods");
        assertEquals(breakdown(api, "byMethod", "method", methods, "sessions", "participants"), table("municipality-methods-table"),
                "the methods chart's table: each method by its label, its sessions and participants");
        assertEquals(breakdown(api, "byTheme", "theme", labels("en", "themes"), "sessions", "participants"), table("municipality-themes-table"));
        assertEquals(breakdown(api, "bySetting", "setting", labels("en", "settings"), "sessions", "participants"), table("municipality-settings-table"));
        assertEquals(participants(api, "byAgeBand", labels("en", "ageBands")), table("municipality-age-bands-table"));
        assertEquals(participants(api, "byGender", labels("en", "genders")), table("municipality-genders-table"));
        Map<String, String> genders = labels("en", "genders");
        Map<String, List<String>> crossTable = new LinkedHashMap<>();
        labels("en", "ageBands").forEach((band, label) -> crossTable.put(label, genders.keySet().stream()
                .map(gender -> number(api.getMap("byAgeBandAndGender." + quoted(band)).get(gender)))
                .toList()));
        assertEquals(crossTable, table("municipality-age-bands-genders-table"), "age band × gender, a column per gender");
        assertEquals(List.copyOf(genders.values()), headings("municipality-age-bands-genders-table"));
        assertTrue(crossTable.values().stream().flatMap(List::stream).filter(v -> !v.equals("0")).count() >= 3,
                "the test's sessions fill three cells: " + crossTable);

        Map<String, List<String>> byMonth = table("municipality-month-sessions-table");
        List<Map<String, Object>> months = api.getList("byMonth");
        List<Map<String, Object>> monthsBefore = before.getList("byMonth");
        assertEquals(months.size(), byMonth.size(), "every month of the period");
        List<List<String>> cells = new ArrayList<>(byMonth.values());
        for (int i = 0; i < months.size(); i++) {
            assertEquals(List.of(number(months.get(i).get("sessions")), number(monthsBefore.get(i).get("sessions"))), cells.get(i),
                    "sessions in " + months.get(i).get("month") + " and a year earlier");
        }
        String thisYear = String.valueOf(today.getYear());
        assertEquals(List.of(thisYear, String.valueOf(today.getYear() - 1)), headings("municipality-month-sessions-table"));

        int population = population(CODE);
        assertEquals(perThousand(api.getLong("totals.sessions"), population), text("municipality-per1000-sessions"));
        assertEquals(perThousand(api.getLong("totals.participants"), population), text("municipality-per1000-participants"));
        assertTrue(text("municipality-population").contains(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(population)
                + " inhabitants"), text("municipality-population"));
        assertTrue(text("municipality-population").contains("total population"), "labelled as the total population");

        Map<String, List<String>> organisations = new LinkedHashMap<>();
        for (Map<String, Object> row : api.<Map<String, Object>>getList("byOrganisation")) {
            organisations.put((String) row.get("name"),
                    List.of(number(row.get("sessions")), number(row.get("hours")), number(row.get("participants"))));
        }
        assertEquals(organisations, table("municipality-organisations"), "the organisations working here, as the API lists them");
        assertTrue(organisations.keySet().stream().anyMatch(name -> name.startsWith("Društvo za ulično delo")),
                "an organisation based elsewhere counts where it worked");
        assertTrue(browser.findElement(By.tagName("main")).getText().matches("(?s).*\\b(STREET|PUBLIC_SPACE|INFORMAL_GROUP|UNDER_15)\\b.*") == false,
                "no code is shown to people");

        checkPage("municipality page", "municipality");
        script("document.getElementById('municipality-charts-heading').scrollIntoView();");
        screenshot("municipality-charts");
        script("document.getElementById('municipality-methods').scrollIntoView();");
        screenshot("municipality-methods");

        // Another period, chosen on the page, is kept in the hash and counted as the API counts it.
        LocalDate from = today.minusYears(1).withDayOfYear(1);
        LocalDate to = from.withMonth(12).withDayOfMonth(31);
        browser.findElement(By.cssSelector("#municipality-choose summary")).click();
        script("document.getElementById('municipality-from').value = arguments[0];"
                + "document.getElementById('municipality-to').value = arguments[1];", from.toString(), to.toString());
        browser.findElement(By.id("municipality-show")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("?from=" + from + "&to=" + to));
        JsonPath lastYear = overview(CODE, from, to);
        waitForText(By.id("municipality-sessions"), number(lastYear.get("totals.sessions")));
        waitFor(By.id("municipality-organisations"));
        assertHeadline(lastYear, "municipality");
        assertEquals(String.valueOf(from.getYear()), headings("municipality-month-sessions-table").get(0));

        assertEquals(app + "#/areas/municipalities/" + CODE + "?from=" + from + "&to=" + to,
                browser.findElement(By.id("municipality-year-" + from.getYear())).getAttribute("href"), "the quick choice of last year");

        browser.findElement(By.id("municipality-report")).click();
        waitFor(By.id("report-organisations"));
        assertTrue(browser.getCurrentUrl().endsWith("#/report/municipalities/" + CODE + "?from=" + from + "&to=" + to),
                "the report keeps the period: " + browser.getCurrentUrl());
        assertHeadline(lastYear, "report");
    }

    @Test
    void shouldDownloadTheOverviewAsASpreadsheetAndForPublicationAsCsv() throws IOException {
        LocalDate today = LocalDate.now();
        signedIn(account("MUNICIPALITY", "municipalityCode", CODE));
        waitForFigures();
        Path folder = allowDownloads();
        JsonPath exact = overview(CODE, today.withDayOfYear(1), today);

        Path xlsx = download("download-xlsx", folder);
        assertTrue(xlsx.getFileName().toString().endsWith(".xlsx"), xlsx.toString());
        byte[] bytes = Files.readAllBytes(xlsx);
        assertEquals("PK", new String(bytes, 0, 2, StandardCharsets.US_ASCII), "an XLSX is a zip");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            List<Row> totals = workbook.findSheet("Totals").orElseThrow().read();
            assertEquals("Semič", totals.get(1).getCellText(0));
            assertEquals(exact.getInt("totals.sessions"), totals.get(1).getCellAsNumber(1).orElseThrow().intValue(),
                    "the sessions, a number");
        }
        Files.delete(xlsx);

        // For publication: Semič's small counts are withheld in the CSV as in the API's published view.
        String published = given().queryParam("from", today.withDayOfYear(1).toString()).queryParam("to", today.toString())
                .queryParam("publication", true).get("/api/v1/overviews/municipalities/" + CODE).then().statusCode(200)
                .extract().asString();
        assertTrue(published.contains("\"<5\""), "the fixture has small counts: " + published);
        click("downloads-publication");
        checkPage("municipality downloads", "municipality-downloads");
        Path csv = download("download-csv", folder);
        assertTrue(csv.getFileName().toString().endsWith(".csv"), csv.toString());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "with a byte order mark, for spreadsheets");
        assertTrue(text.contains("<5"), text);
        assertFalse(exact.prettify().contains("<5"), "the exact view has none");
    }

    @Test
    void shouldPrintTheReportOnExactlyOneA4Page() throws IOException {
        LocalDate today = LocalDate.now();
        // More organisations than the page lists, with long names, so that the page is as full as it gets.
        for (int i = 0; i < 10; i++) {
            String centre = Api.createOrganisation("Zavod za mladinsko delo, informiranje in svetovanje mladim " + i + " " + suffix(), CODE, false);
            session(centre, today.withDayOfMonth(1), 60 + i, List.of("COUNSELLING", "GROUP_PROGRAMME"), "SCHOOL", false, 1, 1, 1);
        }
        signedIn(account("NETWORK_COORDINATOR", "country", "SI"));
        go("#/areas/municipalities/" + CODE);
        waitForFigures();
        assertTrue(pages(printToPdf("municipality-page")) > 1, "the whole page takes more than one sheet: the count can fail");

        browser.findElement(By.id("municipality-report")).click();
        waitFor(By.id("report-organisations"));
        waitForLabels("report-methods-table");
        JsonPath api = overview(CODE, today.withDayOfYear(1), today);
        assertHeadline(api, "report");
        int population = population(CODE);
        assertEquals(perThousand(api.getLong("totals.sessions"), population), text("report-per1000-sessions"));
        assertEquals(perThousand(api.getLong("totals.participants"), population), text("report-per1000-participants"));
        assertEquals(8, browser.findElements(By.cssSelector("#report-organisations tbody tr")).size(), "eight organisations");
        assertEquals("Further organisations, not listed here: " + (api.getInt("organisationsTotal") - 8) + ".", text("report-more"));
        assertEquals(breakdown(api, "byMethod", "method", labels("en", "methods"), "sessions"), table("report-methods-table"));
        checkPage("printable report", "municipality-report");

        byte[] pdf = printToPdf("municipality-report");
        assertEquals(1, pages(pdf), "the report fits one A4 page");
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertA4(text, "the paper asked for");
        printPreview("municipality-report-a4");
        // As a browser's print dialog does it: the page's own @page size and margins, whatever paper is set.
        Map<String, Object> ownSize = browser.executeCdpCommand("Page.printToPDF", Map.of(
                "paperWidth", 8.5, "paperHeight", 11, "preferCSSPageSize", true, "printBackground", true));
        String cssSized = new String(Base64.getDecoder().decode((String) ownSize.get("data")), StandardCharsets.ISO_8859_1);
        assertEquals(1, PAGE.matcher(cssSized).results().count(), "one page at the report's own @page size");
        assertA4(cssSized, "the report's own @page size, not the letter paper set");

        new Select(browser.findElement(By.id("language"))).selectByValue("bg");
        waitForText(By.cssSelector("#report-heading"), "Работа с младежи в Semič");
        waitForLabels("report-methods-table");
        assertEquals(1, pages(printToPdf("municipality-report-bg")), "the report in Bulgarian fits one A4 page too");
        checkPage("printable report in Bulgarian", "municipality-report-bg");
    }

    @Test
    void shouldShowSlovenianLabelsAndNumbersAfterTheLanguageSwitch() {
        LocalDate today = LocalDate.now();
        signedIn(account("MUNICIPALITY", "municipalityCode", CODE));
        waitForFigures();
        new Select(browser.findElement(By.id("language"))).selectByValue("sl");
        waitForText(By.cssSelector("logbook-municipality h1"), "Mladinsko delo v občini Semič");
        waitForLabels("municipality-methods-table");

        JsonPath api = overview(CODE, today.withDayOfYear(1), today);
        assertEquals(breakdown(api, "byMethod", "method", labels("sl", "methods"), "sessions", "participants").keySet(),
                table("municipality-methods-table").keySet(), "the methods by their Slovenian labels");
        assertTrue(table("municipality-genders-table").containsKey(labels("sl", "genders").get("FEMALE")));
        assertEquals(List.of("Metoda", "Srečanja", "Udeleženci"), allHeadings("municipality-methods-table"));
        String hours = text("municipality-hours");
        assertEquals(NumberFormat.getNumberInstance(Locale.forLanguageTag("sl")).format(api.getDouble("totals.hours")), hours);
        int population = population(CODE);
        assertEquals(perThousand(api.getLong("totals.sessions"), population).replace('.', ','), text("municipality-per1000-sessions"),
                "a decimal comma in Slovenian");
        assertEquals("Poročilo za tisk", text("municipality-report"));

        checkPage("municipality page in Slovenian", "municipality-sl");
    }

    @Test
    void shouldOpenTheMunicipalityForTheCountrysCoordinator() {
        LocalDate today = LocalDate.now();
        signedIn(account("NETWORK_COORDINATOR", "country", "SI"));
        go("#/areas/municipalities/" + CODE);
        waitForFigures();
        assertHeadline(overview(CODE, today.withDayOfYear(1), today), "municipality");
        checkPage("municipality page for the coordinator", "municipality-coordinator");

        String before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("#municipality-choose summary")).click();
        script("document.getElementById('municipality-from').value = arguments[0];"
                + "document.getElementById('municipality-to').value = arguments[1];", today.toString(), today.minusDays(1).toString());
        browser.findElement(By.id("municipality-show")).click();
        assertEquals("Enter a first and a last day, the first not after the last.", waitFor(By.id("municipality-period-error")).getText());
        assertEquals("true", browser.findElement(By.id("municipality-from")).getAttribute("aria-invalid"));
        assertEquals(before, browser.getCurrentUrl(), "a period that ends before it begins is not asked for");
        checkPage("a period that ends before it begins");
    }

    @Test
    void shouldTellAMunicipalityThatAnotherMunicipalitysPageIsNotItsToSee() {
        signedIn(account("MUNICIPALITY", "municipalityCode", CODE));
        waitForFigures();
        go("#/areas/municipalities/SI-133");
        assertEquals("You may not see this municipality's figures: your account is for another area.",
                waitFor(By.cssSelector("#municipality-status.error")).getText());
        assertTrue(browser.findElements(By.id("municipality-sessions")).isEmpty(), "no figure of Velenje");
        assertTrue(browser.findElements(By.id("municipality-from")).isEmpty(), "no period to choose");
        checkPage("another municipality's page", "municipality-forbidden");
        browser.findElement(By.id("municipality-own")).click();
        waitFor(By.id("municipality-organisations"));
        assertEquals("Youth work in Semič", browser.findElement(By.cssSelector("logbook-municipality h1")).getText());

        go("#/report/municipalities/SI-133");
        assertEquals("You may not see this municipality's figures: your account is for another area.",
                waitFor(By.cssSelector("#report-status.error")).getText());
        checkPage("another municipality's report");
    }

    private void click(String id) {
        WebElement element = waitFor(By.id(id));
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void waitForFigures() {
        waitFor(By.id("municipality-organisations"));
        waitForLabels("municipality-methods-table");
    }

    /** Waits until the code lists are in: no row of the table is labelled with a code. */
    private void waitForLabels(String tableId) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            Map<String, List<String>> rows = table(tableId);
            return !rows.isEmpty() && rows.keySet().stream().noneMatch(name -> name.matches("[A-Z_]+"));
        });
    }

    private void assertHeadline(JsonPath api, String prefix) {
        long sessions = api.getLong("totals.sessions");
        assertEquals(number(api.get("totals.sessions")), text(prefix + "-sessions"), prefix + " sessions");
        assertEquals(number(api.get("totals.hours")), text(prefix + "-hours"), prefix + " hours");
        assertEquals(number(api.get("totals.participants")), text(prefix + "-participants"), prefix + " participants");
        assertEquals(number(api.get("totals.firstTimeParticipants")), text(prefix + "-firsttime"), prefix + " first-time participants");
        assertEquals(sessions == 0 ? "–" : Math.round(100.0 * api.getLong("totals.youthLedSessions") / sessions) + "%",
                text(prefix + "-youthled"), prefix + " youth-led share");
    }

    /** A chart's table as the page has it: each row's heading and its cells, read even while the table is folded. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> table(String id) {
        List<List<String>> rows = (List<List<String>>) script(
                "const table = document.getElementById(arguments[0]); if (!table) return [];"
                        + "return [...table.querySelectorAll('tbody tr')].map(tr => [...tr.children].map(c => c.textContent.trim()));", id);
        Map<String, List<String>> byHeading = new LinkedHashMap<>();
        rows.forEach(row -> byHeading.put(row.get(0), row.subList(1, row.size())));
        return byHeading;
    }

    /** The headings of a table's figure columns. */
    private List<String> headings(String id) {
        List<String> all = allHeadings(id);
        return all.subList(1, all.size());
    }

    @SuppressWarnings("unchecked")
    private List<String> allHeadings(String id) {
        return (List<String>) script("return [...document.querySelectorAll('#' + arguments[0] + ' thead th')].map(th => th.textContent.trim());", id);
    }

    /** What a breakdown's chart table must hold: each row's label and its figures, as the page formats them. */
    private static Map<String, List<String>> breakdown(JsonPath api, String breakdown, String key, Map<String, String> labels, String... figures) {
        Map<String, List<String>> rows = new HashMap<>();
        for (Map<String, Object> row : api.<Map<String, Object>>getList(breakdown)) {
            List<String> values = new ArrayList<>();
            for (String figure : figures) {
                values.add(number(row.get(figure)));
            }
            rows.put(labels.get((String) row.get(key)), values);
        }
        return rows;
    }

    private static Map<String, List<String>> participants(JsonPath api, String breakdown, Map<String, String> labels) {
        Map<String, Object> counts = api.getMap(breakdown);
        return labels.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue,
                label -> List.of(number(counts.getOrDefault(label.getKey(), 0)))));
    }

    /** The PDF Chromium prints of the page as it is now, on A4, also saved as target/screenshots/{name}.pdf. */
    private byte[] printToPdf(String name) throws IOException {
        Map<String, Object> printed = browser.executeCdpCommand("Page.printToPDF", Map.of(
                "paperWidth", 8.27, "paperHeight", 11.69, "printBackground", true,
                "marginTop", 0.47, "marginBottom", 0.47, "marginLeft", 0.47, "marginRight", 0.47));
        byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".pdf"), pdf);
        return pdf;
    }

    /**
     * A picture of the page as printed, for people to look at (the PDF is what counts): print media on a screen as wide
     * and as high as A4 within its 12 mm margins. The phone's screen comes back after.
     */
    private void printPreview(String name) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 703, "height", 1032, "deviceScaleFactor", 1, "mobile", false));
        screenshot(name);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The first sheet is A4: 595 × 842 points, give or take the point Chromium rounds inches and millimetres by. */
    private static void assertA4(String pdf, String what) {
        java.util.regex.Matcher box = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(pdf);
        assertTrue(box.find(), "the PDF has a MediaBox");
        double width = Double.parseDouble(box.group(1));
        double height = Double.parseDouble(box.group(2));
        assertTrue(Math.abs(width - 595.3) < 1.5 && Math.abs(height - 841.9) < 1.5, what + ": A4, not " + width + " × " + height);
    }

    /** The PDF's pages: its /Type /Page objects (not /Pages, the tree that holds them). */
    private static long pages(byte[] pdf) {
        return PAGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results().count();
    }

    private static JsonPath overview(String code, LocalDate from, LocalDate to) {
        return given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/overviews/municipalities/{code}", code).then().statusCode(200).extract().jsonPath();
    }

    private static int population(String code) {
        List<Map<String, Object>> municipalities = given().queryParam("country", "SI").queryParam("size", 500)
                .get("/api/v1/municipalities").then().statusCode(200).extract().jsonPath().getList("items");
        return municipalities.stream().filter(m -> code.equals(m.get("code"))).map(m -> (Integer) m.get("population")).findFirst().orElseThrow();
    }

    private static Map<String, String> labels(String lang, String list) {
        List<Map<String, String>> codes = given().header("Accept-Language", lang).get("/api/v1/code-lists")
                .then().statusCode(200).extract().jsonPath().getList(list);
        return codes.stream().collect(Collectors.toMap(c -> c.get("code"), c -> c.get("label"), (x, y) -> x, LinkedHashMap::new));
    }

    /** A figure per 1,000 inhabitants as the page rounds it (Intl rounds halves up): one decimal, in English. */
    private static String perThousand(long value, int population) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(value * 1000.0 / population);
    }

    private static String number(Object value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A key as a GPath segment: '15-19' and the like need quotes. */
    private static String quoted(String key) {
        return "'" + key + "'";
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static void session(String organisation, LocalDate date, int minutes, List<String> methods, String setting,
                                boolean youthLed, int girls, int boys, int younger) {
        Map<String, Object> s = Api.session(organisation);
        s.put("municipalityCode", CODE);
        s.put("date", date.toString());
        s.put("durationMinutes", minutes);
        s.put("methods", methods);
        s.put("setting", setting);
        s.put("youthLed", youthLed);
        s.put("youngLeaders", youthLed ? 2 : 0);
        List<Map<String, Object>> participants = new ArrayList<>();
        if (girls > 0) participants.add(Api.participant("15-19", "FEMALE", girls));
        if (boys > 0) participants.add(Api.participant("20-24", "MALE", boys));
        if (younger > 0) participants.add(Api.participant("UNDER_15", "OTHER", younger));
        s.put("participants", participants);
        int total = girls + boys + younger;
        s.put("firstTimeParticipants", Math.min(1, total));
        s.put("unorganisedYouth", total / 2);
        s.put("fewerOpportunities", 0);
        Api.createSession(s);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
