package org.youthwork.logbook.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;
import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Coded;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Setting;
import org.youthwork.logbook.session.Theme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.youthwork.logbook.Api.logSession;
import static org.youthwork.logbook.Api.participant;

/**
 * The downloads of overviews and of the annual analysis, read back as a spreadsheet would read them, against the
 * JSON answer for the same request: the XLSX with FastExcel's reader (numbers must be number cells), the CSV in both
 * dialects. Test country XD, 2023: A (member, XD-A1) logs two sessions, one held in XD-B1; B (member, XD-A2) one;
 * C (not a member, XD-B2) one held in XD-A1.
 */
@QuarkusTest
class DownloadsTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String YEAR_FROM = "2023-01-01";
    private static final String YEAR_TO = "2023-12-31";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean logged;
    private static String a;

    @Inject
    AgroalDataSource db;

    @Inject
    Downloads downloads;

    @BeforeAll
    static void logFailures() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void logTheFixtures() {
        if (logged) {
            return;
        }
        TestAreas.create(db, "XD");
        a = Api.createOrganisation("Mladinski center Črnomelj", "XD-A1", true);
        String b = Api.createOrganisation("Centre B, \"the old school\"", "XD-A2", true);
        String c = Api.createOrganisation("Association C", "XD-B2", false);
        logSession(a, "XD-A1", "2023-01-10", 50, 2, List.of("STREET", "DIGITAL"), List.of("CULTURE"), "PUBLIC_SPACE",
                List.of(participant("15-19", "FEMALE", 3), participant("20-24", "MALE", 2)), 1, 2, 0, false);
        logSession(a, "XD-B1", "2023-03-05", 90, 1, List.of("OPEN"), List.of("HEALTH"), "YOUTH_CENTRE",
                List.of(participant("UNDER_15", "OTHER", 4)), 0, 4, 1, true);
        logSession(b, "XD-A2", "2023-03-20", 45, 3, List.of("EVENT"), List.of("PARTICIPATION", "CULTURE"), "SCHOOL",
                List.of(participant("25-29", "FEMALE", 7)), 2, 0, 0, false);
        logSession(c, "XD-A1", "2023-07-01", 125, 1, List.of("COUNSELLING"), List.of("EMPLOYMENT"), "ONLINE",
                List.of(participant("OVER_29", "MALE", 1)), 0, 0, 0, false);
        logged = true;
    }

    // ---- XLSX

    @Test
    void shouldDownloadAMunicipalityOverviewAsXlsxInSlovenianThatEqualsTheJsonCellByCell() throws IOException {
        JsonNode json = json("/api/v1/overviews/municipalities/XD-A1");
        ExtractableResponse<Response> answer = given().accept(XLSX).header("Accept-Language", "sl-SI,sl;q=0.9,en;q=0.8")
                .queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO)
                .get("/api/v1/overviews/municipalities/XD-A1").then()
                .statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"Alpha-One_2023-01-01_2023-12-31.xlsx\"; "
                        + "filename*=UTF-8''Alpha%20One_2023-01-01_2023-12-31.xlsx"))
                .header("Content-Language", "sl")
                .extract();
        byte[] xlsx = answer.asByteArray();
        Map<String, List<List<Object>>> workbook = workbook(xlsx);
        assertEquals(List.of("Skupaj", "Po mesecih", "Metode dela", "Teme", "Kraj izvedbe", "Starostne skupine", "Spol", "Starost po spolu",
                "Organizacije", "Kazalnik 2.2.3", "2.2.3 po mesecih", "Ne beležijo redno", "O podatkih"), List.copyOf(workbook.keySet()));
        assertEquals(List.of("Občina", "Srečanja", "Ure", "Minute", "Ure mladinskih delavcev", "Minute mladinskih delavcev",
                "Udeleženci", "Prvič udeleženi", "Neorganizirani mladi", "Mladi z manj priložnostmi",
                "Srečanja, ki so jih vodili mladi", "Ure srečanj, ki so jih vodili mladi", "Minute srečanj, ki so jih vodili mladi",
                "Organizacije s srečanji"), workbook.get("Skupaj").get(0));
        assertEquals(List.of("Metoda dela", "Srečanja", "Ure", "Minute", "Udeleženci"), workbook.get("Metode dela").get(0));
        assertEquals(List.of("Starostna skupina", "Ženske", "Moški", "Drugo ali ni navedeno", "Udeleženci"),
                workbook.get("Starost po spolu").get(0));
        assertEquals(List.of("Ulično mladinsko delo", n(1), n("0.83"), n(50), n(5)), workbook.get("Metode dela").get(1),
                "a method by its Slovenian label, hours a number to be summed");
        assertSheetsEqualTheJson(json, workbook, "sl");
        assertNoCodeShown(workbook);
        assertHeadingsFrozen(xlsx, workbook.size());
        List<List<Object>> about = workbook.get("O podatkih");
        assertEquals(List.of("Kaj", "Pomen"), about.get(0));
        assertEquals(List.of("Občina", "Alpha One (XD-A1)"), about.get(1));
        assertEquals(List.of("Obdobje", "2023-01-01 – 2023-12-31"), about.get(2));
        assertTrue(about.stream().anyMatch(r -> r.get(1).toString().startsWith("Stiki, ne osebe")), "participants are contacts");
        assertTrue(about.stream().anyMatch(r -> r.get(1).toString().startsWith("Ure = minute ÷ 60")), "hours are minutes / 60");
    }

    @Test
    void shouldDownloadEveryKindOfOverviewAsXlsxEqualToItsJson() throws IOException {
        for (String overview : List.of("/api/v1/overviews/regions/XD1", "/api/v1/overviews/countries/XD",
                "/api/v1/overviews/organisations/" + a)) {
            JsonNode json = json(overview);
            Map<String, List<List<Object>>> workbook = workbook(given().accept(XLSX).queryParam("from", YEAR_FROM)
                    .queryParam("to", YEAR_TO).get(overview).then().statusCode(200).contentType(XLSX)
                    .header("Content-Language", "en").extract().asByteArray());
            assertSheetsEqualTheJson(json, workbook, "en");
            assertNoCodeShown(workbook);
        }
        Map<String, List<List<Object>>> country = workbook(given().queryParam("format", "xlsx").queryParam("from", YEAR_FROM)
                .queryParam("to", YEAR_TO).get("/api/v1/overviews/countries/XD").then().statusCode(200).extract().asByteArray());
        assertTrue(country.containsKey("Municipalities") && country.containsKey("Regions"), country.keySet().toString());
        Map<String, List<List<Object>>> organisation = workbook(given().queryParam("format", "xlsx").queryParam("from", YEAR_FROM)
                .queryParam("to", YEAR_TO).get("/api/v1/overviews/organisations/" + a).then().statusCode(200)
                .header("Content-Disposition", containsString("filename=\"Mladinski-center-Crnomelj_2023-01-01_2023-12-31.xlsx\""))
                .extract().asByteArray());
        assertEquals(List.of("Organisation", "Sessions", "Hours", "Minutes"), organisation.get("Totals").get(0).subList(0, 4));
        assertEquals(List.of("Mladinski center Črnomelj", n(2), n("2.33"), n(140)), organisation.get("Totals").get(1).subList(0, 4));
        assertFalse(organisation.containsKey("Regions"));
    }

    @Test
    void shouldDownloadTheAnnualAnalysisAsXlsxEqualToItsJson() throws IOException {
        JsonNode json = JSON.readTree(given().queryParam("country", "XD").queryParam("year", 2023)
                .get("/api/v1/reports/annual-analysis").then().statusCode(200).extract().asString());
        Map<String, List<List<Object>>> workbook = workbook(given().accept(XLSX).header("Accept-Language", "bg")
                .queryParam("country", "XD").queryParam("year", 2023).get("/api/v1/reports/annual-analysis").then()
                .statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("filename=\"annual-analysis-XD-2023.xlsx\"")).extract().asByteArray());
        assertEquals(List.of("Годишен анализ", "За данните"), List.copyOf(workbook.keySet()));
        List<List<Object>> table = workbook.get("Годишен анализ");
        assertEquals(List.of("Организация", "Община", "Код на общината", "Срещи", "Часове"), table.get(0).subList(0, 5));
        assertEquals("Участници: Под 15 години", table.get(0).get(9));
        assertEquals(annualRows(json), table.subList(1, table.size()));
        assertTrue(workbook.get("За данните").stream().anyMatch(r -> r.equals(List.of("Период", "2023-01-01 – 2023-12-31"))));
    }

    // ---- CSV

    @Test
    void shouldDownloadAnOverviewAsCsvInBothDialectsWithTheWorkbooksContent() throws IOException {
        String overview = "/api/v1/overviews/countries/XD";
        JsonNode json = json(overview);
        for (String language : List.of("sl", "en", "bg")) {
            boolean comma = !language.equals("en");
            String csv = new String(given().queryParam("format", "csv").queryParam("locale", language).header("Accept-Language", "en")
                    .queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO).get(overview).then()
                    .statusCode(200).contentType("text/csv").header("Content-Language", language)
                    .header("Content-Disposition", containsString("filename=\"Testland-XD_2023-01-01_2023-12-31.csv\""))
                    .extract().asByteArray(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFF"), "a byte order mark, so that spreadsheets read UTF-8");
            Map<String, List<List<Object>>> blocks = csvBlocks(csv.substring(1), comma ? ';' : ',', comma ? ',' : '.');
            Map<String, List<List<Object>>> workbook = workbook(given().queryParam("format", "xlsx").queryParam("locale", language)
                    .queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO).get(overview).then().statusCode(200).extract().asByteArray());
            assertEquals(workbook, blocks, "the CSV holds the workbook's sheets, in " + language);
            assertSheetsEqualTheJson(json, blocks, language);
        }
    }

    @Test
    void shouldWriteHoursWithADecimalCommaAndSemicolonsForSlovenian() {
        String sl = given().accept("text/csv").header("Accept-Language", "sl").queryParam("country", "XD").queryParam("year", 2023)
                .get("/api/v1/reports/annual-analysis").then().statusCode(200).contentType("text/csv").extract().asString();
        String line = Arrays.stream(sl.split("\r\n")).filter(l -> l.startsWith("Mladinski center Črnomelj;")).findFirst().orElseThrow();
        assertTrue(line.startsWith("Mladinski center Črnomelj;Alpha One;XD-A1;2;2,33;140;3,17;190;9;"), line);
        String en = given().accept("text/csv").header("Accept-Language", "en").queryParam("country", "XD").queryParam("year", 2023)
                .get("/api/v1/reports/annual-analysis").then().statusCode(200).extract().asString();
        line = Arrays.stream(en.split("\r\n")).filter(l -> l.startsWith("Mladinski center Črnomelj,")).findFirst().orElseThrow();
        assertTrue(line.startsWith("Mladinski center Črnomelj,Alpha One,XD-A1,2,2.33,140,3.17,190,9,"), line);
        assertTrue(en.contains("\r\n\"Centre B, \"\"the old school\"\"\",Alpha Two,"), "a name with the separator and quotes is quoted");
    }

    @Test
    void shouldDownloadTheAnnualAnalysisAsCsvInBothDialectsEqualToItsJson() {
        JsonNode json = jsonAt("/api/v1/reports/annual-analysis?country=XD&year=2023");
        for (String language : List.of("sl", "en")) {
            boolean comma = language.equals("sl");
            String csv = new String(given().accept("text/csv").queryParam("locale", language).queryParam("country", "XD")
                    .queryParam("year", 2023).get("/api/v1/reports/annual-analysis").then().statusCode(200)
                    .header("Content-Disposition", containsString("filename=\"annual-analysis-XD-2023.csv\""))
                    .extract().asByteArray(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFF"));
            List<List<Object>> table = cells(parseCsv(csv.substring(1), comma ? ';' : ','), comma ? ',' : '.');
            assertEquals(language.equals("sl") ? "Organizacija" : "Organisation", table.get(0).get(0));
            assertEquals(annualRows(json), table.subList(1, table.size()), "the table alone, a row per member, in " + language);
        }
    }

    // ---- negotiation, scope, parameters

    @Test
    void shouldKeepJsonForClientsThatAcceptAnythingAndHonourTheFormatOfALink() {
        String path = "/api/v1/overviews/municipalities/XD-A1";
        given().accept("*/*").get(path).then().statusCode(200).contentType("application/json");
        given().get(path).then().statusCode(200).contentType("application/json");
        given().accept("text/csv;q=0.9, application/json").get(path).then().statusCode(200).contentType("application/json");
        given().accept("text/csv").get(path).then().statusCode(200).contentType("text/csv");
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").queryParam("format", "xlsx").get(path).then()
                .statusCode(200).contentType(XLSX);
        given().accept("application/json").queryParam("format", "csv").get(path).then().statusCode(200).contentType("text/csv");
        given().queryParam("format", "xlsx").queryParam("country", "XD").get("/api/v1/reports/annual-analysis").then()
                .statusCode(200).contentType(XLSX);
    }

    @Test
    void shouldRefuseADownloadOutsideTheCallersScopeAsTheJsonIs() {
        String user = "downloads-municipality-" + System.nanoTime();
        Api.createUser(user, "downloads-test-password", "MUNICIPALITY", "municipalityCode", "XD-A1");
        String token = "Bearer " + Api.token(user, "downloads-test-password");
        given().header("Authorization", token).queryParam("format", "xlsx").get("/api/v1/overviews/municipalities/XD-A1")
                .then().statusCode(200).contentType(XLSX);
        for (String path : List.of("/api/v1/overviews/municipalities/XD-A2", "/api/v1/overviews/regions/XD1",
                "/api/v1/reports/annual-analysis?country=XD")) {
            given().header("Authorization", token).get(path).then().statusCode(403);
            given().header("Authorization", token).accept("text/csv").get(path).then()
                    .statusCode(403).contentType("application/problem+json");
            given().header("Authorization", token).queryParam("format", "xlsx").get(path).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        Api.anonymous();
        try {
            given().queryParam("format", "csv").get("/api/v1/overviews/municipalities/XD-A1").then().statusCode(401);
        } finally {
            Api.asAdmin();
        }
    }

    @Test
    void shouldRefuseAnUnknownFormatOrLocale() {
        for (String path : List.of("/api/v1/overviews/municipalities/XD-A1", "/api/v1/reports/annual-analysis?country=XD")) {
            given().queryParam("format", "pdf").get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("violations[0].field", equalTo("format"));
            given().queryParam("format", "xlsx").queryParam("locale", "de").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("locale"));
            given().accept("text/csv").queryParam("locale", "SL").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("locale"));
            // The contract has one operation for every format: JSON takes a good locale, and checks a bad one.
            given().accept("application/json").queryParam("locale", "sl").get(path).then().statusCode(200)
                    .contentType("application/json");
            given().accept("application/json").queryParam("locale", "de").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("locale"));
        }
    }

    @Test
    void shouldAnswerAnyAcceptLanguageWithinTheContract() {
        for (String language : List.of("sl;q=2", "q=0.5", ",,,", ";", "*", "de", "%00", "x".repeat(4000))) {
            int status = given().header("Accept-Language", language).queryParam("format", "csv")
                    .get("/api/v1/overviews/municipalities/XD-A1").then().extract().statusCode();
            assertTrue(status == 200 || status == 400, language + " answered " + status);
        }
        given().header("Accept-Language", "de-DE,de;q=0.9").accept("text/csv").get("/api/v1/overviews/municipalities/XD-A1")
                .then().statusCode(200).header("Content-Language", "en").body(startsWith("\uFEFFTotals\r\nMunicipality,Sessions,Hours,"));
    }

    // ---- a tree made for publication

    @Test
    void shouldWriteTheTextsOfAPublishedTreeAsTextsAndEveryOtherNumberAsANumber() throws IOException {
        ObjectNode published = (ObjectNode) json("/api/v1/overviews/municipalities/XD-A1");
        ((ObjectNode) published.get("totals")).put("participants", "<5");
        ((ObjectNode) published.get("byAgeBand")).put("15-19", "x");
        byte[] xlsx = (byte[]) downloads.overview(new Downloads.Request(Downloads.Format.XLSX, "en"), published).getEntity();
        Map<String, List<List<Object>>> workbook = workbook(xlsx);
        assertEquals("<5", workbook.get("Totals").get(1).get(6));
        assertEquals(n(published.path("totals").path("sessions").asLong()), workbook.get("Totals").get(1).get(1));
        assertEquals(List.of("15–19", "x"), workbook.get("Age bands").get(2));
        assertEquals(List.of("Under 15", n(published.path("byAgeBand").path("UNDER_15").asLong())), workbook.get("Age bands").get(1));
        String csv = (String) downloads.overview(new Downloads.Request(Downloads.Format.CSV, "sl"), published).getEntity();
        assertTrue(csv.contains("\r\n15–19 let;x\r\n"), csv);
        assertTrue(Pattern.compile("\r\nAlpha One;\\d+;[0-9]+,[0-9]{2};\\d+;[0-9]+,[0-9]{2};\\d+;<5;").matcher(csv).find(), csv);
    }

    @Test
    void shouldDownloadThePublishedViewWithPublicationTrueAsItsJsonShowsIt() throws IOException {
        JsonNode published = jsonAt("/api/v1/overviews/municipalities/XD-A1?from=" + YEAR_FROM + "&to=" + YEAR_TO
                + "&publication=true");
        assertEquals("<5", published.path("byAgeBand").path("20-24").asText(), "the fixture has small counts to withhold");
        Map<String, List<List<Object>>> workbook = workbook(given().queryParam("format", "xlsx").queryParam("publication", true)
                .queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO).get("/api/v1/overviews/municipalities/XD-A1")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray());
        assertSheetsEqualTheJson(published, workbook, "en");
        assertEquals(List.of("20–24", "<5"), workbook.get("Age bands").get(3));
        String csv = given().queryParam("format", "csv").queryParam("locale", "sl").queryParam("publication", true)
                .queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO).get("/api/v1/overviews/municipalities/XD-A1")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\r\n20–24 let;<5\r\n"), csv);
        String exact = given().queryParam("format", "csv").queryParam("locale", "sl")
                .queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO).get("/api/v1/overviews/municipalities/XD-A1")
                .then().statusCode(200).extract().asString();
        assertTrue(exact.contains("\r\n20–24 let;2\r\n"), "without publication the exact figure: " + exact);
    }

    // ---- what the JSON says each sheet holds

    /** Every sheet but About, row by row below its headings, built from the JSON as the contract describes it. */
    private static void assertSheetsEqualTheJson(JsonNode o, Map<String, List<List<Object>>> sheets, String language) {
        List<List<List<Object>>> expected = new ArrayList<>();
        JsonNode t = o.path("totals");
        List<Object> totals = new ArrayList<>(List.of(o.path("area").path("name").asText()));
        for (String f : List.of("sessions", "hours", "minutes", "youthWorkerHours", "youthWorkerMinutes", "participants",
                "firstTimeParticipants", "unorganisedYouth", "fewerOpportunities", "youthLedSessions", "youthLedHours", "youthLedMinutes")) {
            totals.add(figure(t.get(f)));
        }
        if (o.has("organisationsTotal")) {
            totals.add(n(o.get("organisationsTotal")));
        }
        expected.add(List.of(totals));
        expected.add(rows(o.path("byMonth"), r -> List.of(r.get("month").asText()), List.of()));
        expected.add(rows(o.path("byMethod"), r -> List.of(label(Method.values(), r.get("method"), language)), List.of()));
        expected.add(rows(o.path("byTheme"), r -> List.of(label(Theme.values(), r.get("theme"), language)), List.of()));
        expected.add(rows(o.path("bySetting"), r -> List.of(label(Setting.values(), r.get("setting"), language)), List.of()));
        expected.add(Arrays.stream(AgeBand.values()).map(b -> List.<Object>of(b.labels().in(language), figure(o.path("byAgeBand").get(b.code())))).toList());
        expected.add(Arrays.stream(Gender.values()).map(g -> List.<Object>of(g.labels().in(language), figure(o.path("byGender").get(g.code())))).toList());
        expected.add(Arrays.stream(AgeBand.values()).map(b -> {
            List<Object> row = new ArrayList<>(List.of(b.labels().in(language)));
            Arrays.stream(Gender.values()).forEach(g -> row.add(figure(o.path("byAgeBandAndGender").path(b.code()).get(g.code()))));
            row.add(figure(o.path("byAgeBand").get(b.code())));
            return row;
        }).toList());
        if (o.has("byOrganisation")) {
            expected.add(rows(o.path("byOrganisation"), r -> List.of(r.get("name").asText()), List.of("organisationId")));
        }
        if (o.has("byMunicipality")) {
            expected.add(rows(o.path("byMunicipality"), r -> List.of(r.get("name").asText(), r.get("code").asText()), List.of()));
        }
        if (o.has("byRegion")) {
            expected.add(rows(o.path("byRegion"), r -> List.of(r.get("name").asText(), r.get("code").asText()), List.of()));
        }
        JsonNode i = o.path("indicator223");
        List<Object> indicator = new ArrayList<>(List.of(o.path("area").path("name").asText()));
        for (String f : List.of("memberOrganisations", "recordingOrganisations", "regularlyRecordingOrganisations", "value",
                "monthsRecorded", "regularMonthsRequired", "regular", "monthsCounted", "asOf", "municipalitiesCovered")) {
            if (i.has(f)) {
                indicator.add(i.get(f).isBoolean() ? Map.of("en", i.get(f).asBoolean() ? "Yes" : "No", "sl",
                        i.get(f).asBoolean() ? "Da" : "Ne", "bg", i.get(f).asBoolean() ? "Да" : "Не").get(language)
                        : i.get(f).isNumber() ? n(i.get(f)) : i.get(f).asText());
            }
        }
        expected.add(List.of(indicator));
        if (i.has("completeness")) {
            List<List<Object>> months = new ArrayList<>();
            i.get("completeness").forEach(m -> months.add(List.of(m.get("month").asText(), n(m.get("recordingOrganisations")))));
            expected.add(months);
        }
        if (i.has("notRegular")) {
            List<List<Object>> members = new ArrayList<>();
            i.get("notRegular").forEach(m -> members.add(List.of(m.get("name").asText(), n(m.get("monthsRecorded")),
                    m.get("organisationId").asText())));
            expected.add(members);
        }
        List<List<List<Object>>> actual = sheets.values().stream().map(s -> s.subList(1, s.size())).toList();
        assertEquals(expected.size() + 1, actual.size(), "a sheet per breakdown and About: " + sheets.keySet());
        for (int s = 0; s < expected.size(); s++) {
            assertEquals(expected.get(s), actual.get(s), "sheet " + List.copyOf(sheets.keySet()).get(s));
        }
    }

    /** Rows of a breakdown: its leading texts, sessions, hours, minutes, participants, then trailing texts. */
    private static List<List<Object>> rows(JsonNode array, java.util.function.Function<JsonNode, List<Object>> lead, List<String> trailing) {
        List<List<Object>> rows = new ArrayList<>();
        array.forEach(r -> {
            List<Object> row = new ArrayList<>(lead.apply(r));
            for (String f : List.of("sessions", "hours", "minutes", "participants")) {
                row.add(figure(r.get(f)));
            }
            trailing.forEach(f -> row.add(r.get(f).asText()));
            rows.add(row);
        });
        return rows;
    }

    private static List<List<Object>> annualRows(JsonNode json) {
        List<List<Object>> rows = new ArrayList<>();
        json.path("organisations").forEach(r -> {
            List<Object> row = new ArrayList<>(List.of(r.get("name").asText(), r.get("municipality").asText(), r.get("municipalityCode").asText()));
            for (String f : List.of("sessions", "hours", "minutes", "youthWorkerHours", "youthWorkerMinutes", "participants")) {
                row.add(n(r.get(f)));
            }
            Arrays.stream(AgeBand.values()).forEach(b -> row.add(n(r.path("participantsByAgeBand").get(b.code()))));
            Arrays.stream(Gender.values()).forEach(g -> row.add(n(r.path("participantsByGender").get(g.code()))));
            Arrays.stream(Method.values()).forEach(m -> row.add(n(r.path("sessionsByMethod").get(m.code()))));
            Arrays.stream(Theme.values()).forEach(th -> row.add(n(r.path("sessionsByTheme").get(th.code()))));
            for (String f : List.of("youthLedSessions", "monthsRecorded", "firstTimeParticipants", "unorganisedYouth", "fewerOpportunities")) {
                row.add(n(r.get(f)));
            }
            row.add(r.get("organisationId").asText());
            rows.add(row);
        });
        assertTrue(rows.size() >= 2, "the two members of XD at least");
        return rows;
    }

    private static String label(Coded[] codes, JsonNode code, String language) {
        return Arrays.stream(codes).filter(c -> c.code().equals(code.asText())).findFirst().orElseThrow().labels().in(language);
    }

    /** No cell shows a code of the code lists: people see labels. */
    private static void assertNoCodeShown(Map<String, List<List<Object>>> workbook) {
        List<String> codes = new ArrayList<>();
        for (Coded[] list : new Coded[][] {Method.values(), Theme.values(), Setting.values(), AgeBand.values(), Gender.values()}) {
            Arrays.stream(list).map(Coded::code).forEach(codes::add);
        }
        workbook.forEach((name, rows) -> rows.forEach(row -> row.forEach(cell ->
                assertFalse(codes.contains(cell), "the code " + cell + " in sheet " + name))));
    }

    /** Read from the zip's central directory, as spreadsheets do (FastExcel streams entries with data descriptors). */
    private static void assertHeadingsFrozen(byte[] xlsx, int sheets) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("download", ".xlsx");
        int frozen = 0;
        try {
            java.nio.file.Files.write(file, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (entry.getName().matches("xl/worksheets/sheet\\d+\\.xml")) {
                        String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                        assertTrue(Pattern.compile("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"").matcher(xml).find()
                                || Pattern.compile("<pane [^>]*state=\"frozen\"[^>]*ySplit=\"1\"").matcher(xml).find(), entry.getName());
                        assertTrue(xml.contains("<col "), "column widths in " + entry.getName());
                        frozen++;
                    }
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertEquals(sheets, frozen);
    }

    // ---- reading what was downloaded

    /** An overview of 2023 as JSON. */
    private static JsonNode json(String path) {
        return jsonAt(path + "?from=" + YEAR_FROM + "&to=" + YEAR_TO);
    }

    private static JsonNode jsonAt(String target) {
        try {
            return JSON.readTree(given().accept("application/json").get(target).then().statusCode(200)
                    .contentType("application/json").extract().asString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Each sheet's rows, number cells as numbers and text cells as texts; anything else fails. */
    static Map<String, List<List<Object>>> workbook(byte[] xlsx) throws IOException {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : workbook.getSheets().toList()) {
                List<List<Object>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<Object> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(switch (cell.getType()) {
                            case NUMBER -> n(cell.asNumber());
                            case STRING -> cell.asString();
                            default -> throw new AssertionError(cell.getType() + " cell " + cell.getAddress() + " in " + sheet.getName());
                        });
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getName(), rows);
            }
        }
        return sheets;
    }

    /** The CSV's blocks: a line with the sheet's name, its table, and an empty line between blocks. */
    private static Map<String, List<List<Object>>> csvBlocks(String csv, char separator, char decimal) {
        List<List<String>> records = parseCsv(csv, separator);
        Map<String, List<List<Object>>> blocks = new LinkedHashMap<>();
        int r = 0;
        while (r < records.size()) {
            assertEquals(1, records.get(r).size(), "a block begins with its name alone: " + records.get(r));
            String name = records.get(r++).get(0);
            List<List<String>> block = new ArrayList<>();
            while (r < records.size() && !records.get(r).equals(List.of(""))) {
                block.add(records.get(r++));
            }
            r++;
            blocks.put(name, cells(block, decimal));
        }
        return blocks;
    }

    /** CSV fields as a spreadsheet of the dialect reads them: numbers in its notation as numbers, the rest as texts. */
    private static List<List<Object>> cells(List<List<String>> records, char decimal) {
        Pattern number = Pattern.compile("-?\\d+(" + Pattern.quote(String.valueOf(decimal)) + "\\d+)?");
        return records.stream().map(record -> record.stream().<Object>map(field -> number.matcher(field).matches()
                ? n(field.replace(decimal, '.')) : field).toList()).toList();
    }

    /** RFC 4180: every record ends with CRLF, a quoted field may hold the separator, quotes and line breaks. */
    private static List<List<String>> parseCsv(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                assertFalse(ch == '\r' || ch == '\n', "a bare line break at " + i);
                field.append(ch);
            }
        }
        assertTrue(record.isEmpty() && field.length() == 0, "the last record ends with CRLF");
        return records;
    }

    /** A figure as the sheet should hold it: a number, or the published view's text ("<5", "x"). */
    private static Object figure(JsonNode node) {
        return node.isTextual() ? node.asText() : n(node);
    }

    private static BigDecimal n(Object value) {
        BigDecimal number = value instanceof JsonNode node ? node.decimalValue() : new BigDecimal(value.toString());
        return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    }
}
