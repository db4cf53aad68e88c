package org.youthwork.logbook.session;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.youthwork.logbook.Api.participant;

/** GET /sessions as CSV: the import's columns, re-imported unchanged, the list's filters and scope, streamed. */
@QuarkusTest
class SessionExportTest {

    private static final String HEADER = "id,organisationId,municipalityCode,date,startTime,durationMinutes,title,methods,themes,"
            + "setting,UNDER_15 FEMALE,UNDER_15 MALE,UNDER_15 OTHER,15-19 FEMALE,15-19 MALE,15-19 OTHER,20-24 FEMALE,"
            + "20-24 MALE,20-24 OTHER,25-29 FEMALE,25-29 MALE,25-29 OTHER,OVER_29 FEMALE,OVER_29 MALE,OVER_29 OTHER,"
            + "participantsEstimated,firstTimeParticipants,unorganisedYouth,fewerOpportunities,youthWorkers,volunteers,"
            + "youthLed,youngLeaders,notes";

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/api/v1/sessions")
    URI sessionsUri;

    @BeforeAll
    static void logFailures() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldExportTheImportsColumnsSoThatTheFileImportsAgainUnchangedAndElsewhereAsTheSameSessions() throws Exception {
        String org = Api.createOrganisation("Exporting centre", "SI-133", true);
        List<Map<String, Object>> awkward = awkwardSessions(org);
        for (Map<String, Object> session : awkward) {
            Api.createSession(session);
        }

        ExtractableResponse<Response> export = given().accept("text/csv").queryParam("organisationId", org)
                .get("/api/v1/sessions").then()
                .statusCode(200)
                .contentType("text/csv;charset=UTF-8")
                .header("Content-Disposition", matchesPattern("attachment; filename=\"sessions-\\d{4}-\\d{2}-\\d{2}\\.csv\""))
                .extract();
        byte[] file = export.asByteArray();
        String text = new String(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF" + HEADER + "\r\n"), text.substring(0, Math.min(400, text.length())));
        List<String[]> records = records(text);
        assertEquals(1 + awkward.size(), records.size());
        String formula = records.stream().filter(r -> r[6].startsWith("=")).findFirst().orElseThrow()[6];
        assertEquals("=HYPERLINK(\"http://example.org\";\"x\")", formula, "written as stored, not defused");

        given().contentType("text/csv").body(file).post("/api/v1/sessions/import").then()
                .statusCode(200).body("lines", equalTo(awkward.size())).body("accepted", equalTo(0))
                .body("unchanged", equalTo(awkward.size())).body("rejected", equalTo(0));

        // The same file for another organisation, with new ids: the same sessions, field by field.
        String other = Api.createOrganisation("Importing centre", "SI-133", true);
        List<String[]> moved = new ArrayList<>();
        moved.add(records.get(0));
        for (String[] r : records.subList(1, records.size())) {
            String[] copy = r.clone();
            copy[0] = UUID.randomUUID().toString();
            copy[1] = other;
            moved.add(copy);
        }
        StringBuilder movedFile = new StringBuilder();
        for (String[] r : moved) {
            List<String> quotedFields = new ArrayList<>();
            for (String field : r) {
                quotedFields.add(field.isEmpty() ? "" : "\"" + field.replace("\"", "\"\"") + "\"");
            }
            movedFile.append(String.join(",", quotedFields)).append("\r\n");
        }
        given().contentType("text/csv").body(movedFile.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/sessions/import").then()
                .statusCode(200).body("accepted", equalTo(awkward.size())).body("rejected", equalTo(0));
        Map<String, Map<String, Object>> original = byTitle(org);
        Map<String, Map<String, Object>> imported = byTitle(other);
        assertEquals(original.keySet(), imported.keySet());
        for (String title : original.keySet()) {
            Map<String, Object> a = original.get(title);
            Map<String, Object> b = imported.get(title);
            for (String field : List.of("id", "organisationId", "createdAt", "updatedAt")) {
                a.remove(field);
                b.remove(field);
            }
            assertEquals(a, b, title);
        }
        String noNote = (String) awkward.get(2).get("title");
        assertNull(original.get(noNote).get("notes"), "an empty note is stored as no note");
    }

    /** Titles and notes that CSV must quote, a formula, blanks around notes, other scripts, defaults left out. */
    private static List<Map<String, Object>> awkwardSessions(String org) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        Map<String, Object> quoted = Api.session(org);
        quoted.put("title", "Street work, by the \"river\"");
        quoted.put("notes", "Two lines\nof \"notes\", with a comma;\r\nand a Windows line end");
        quoted.remove("startTime");
        quoted.put("participants", List.of(participant("15-19", "FEMALE", 4), participant("UNDER_15", "OTHER", 0),
                participant("OVER_29", "MALE", 2)));
        quoted.put("firstTimeParticipants", 0);
        quoted.put("unorganisedYouth", 6);
        sessions.add(quoted);
        Map<String, Object> formula = Api.session(org);
        formula.put("title", "=HYPERLINK(\"http://example.org\";\"x\")");
        formula.put("notes", "  blanks around, 🎉 ščž Дружба  ");
        formula.put("methods", List.of("DIGITAL", "OPEN", "COUNSELLING"));
        formula.put("themes", List.of("CULTURE", "AUTONOMY"));
        formula.put("participantsEstimated", true);
        formula.put("youthLed", true);
        formula.put("youngLeaders", 3);
        formula.put("volunteers", 0);
        formula.put("setting", "ONLINE");
        sessions.add(formula);
        Map<String, Object> empty = Api.session(org);
        empty.put("title", "-5 degrees and an empty note");
        empty.put("notes", "");
        empty.put("municipalityCode", "SI-061");
        empty.put("date", LocalDate.now().minusDays(40).toString());
        sessions.add(empty);
        Map<String, Object> minimal = Api.session(org);
        for (String optional : List.of("municipalityCode", "startTime", "notes", "firstTimeParticipants", "unorganisedYouth",
                "fewerOpportunities", "volunteers", "youngLeaders", "youthLed", "participantsEstimated")) {
            minimal.remove(optional);
        }
        minimal.put("title", "@minimal +defaults");
        minimal.put("date", "2012-02-02");
        sessions.add(minimal);
        Map<String, Object> leadingQuote = Api.session(org);
        leadingQuote.put("title", "\"Quoted\" title");
        leadingQuote.put("notes", "\"");
        leadingQuote.put("startTime", "00:05");
        sessions.add(leadingQuote);
        return sessions;
    }

    @Test
    void shouldExportWhatTheListShowsWithTheSameFiltersAndScope() throws Exception {
        String org = Api.createOrganisation("Filtered export centre", "SI-085", true);
        String elsewhere = Api.createOrganisation("Someone else's export centre", "SI-085", true);
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> s = Api.session(org);
            s.put("date", today.minusDays(5L * i).toString());
            s.put("startTime", i % 2 == 0 ? "10:00" : "18:00");
            s.put("methods", i % 3 == 0 ? List.of("STREET") : List.of("OPEN"));
            s.put("municipalityCode", i % 2 == 0 ? "SI-085" : "SI-086");
            Api.createSession(s);
        }
        Api.createSession(Api.session(elsewhere));
        for (Map<String, String> filter : List.of(Map.of("organisationId", org),
                Map.of("organisationId", org, "method", "STREET"),
                Map.of("organisationId", org, "municipalityCode", "SI-086"),
                Map.of("organisationId", org, "from", today.minusDays(20).toString(), "to", today.minusDays(5).toString()))) {
            List<String> listed = given().queryParams(filter).queryParam("size", 500).get("/api/v1/sessions").then()
                    .statusCode(200).extract().path("items.id");
            String file = given().accept("text/csv").queryParams(filter).get("/api/v1/sessions").then()
                    .statusCode(200).extract().asString();
            assertEquals(listed, ids(file), filter.toString());
        }

        String worker = "exporter-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(worker, "a long enough password", "YOUTH_WORKER", "organisationId", org);
        String workerFile = given().header("Authorization", "Bearer " + Api.token(worker, "a long enough password"))
                .accept("text/csv").get("/api/v1/sessions").then().statusCode(200).extract().asString();
        assertEquals(6, ids(workerFile).size(), "the worker's own organisation only");

        String bg = "bg-coordinator-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(bg, "a long enough password", "NETWORK_COORDINATOR", "country", "BG");
        String bgFile = given().header("Authorization", "Bearer " + Api.token(bg, "a long enough password"))
                .accept("text/csv").queryParam("organisationId", org).get("/api/v1/sessions").then()
                .statusCode(200).extract().asString();
        assertEquals(List.of(), ids(bgFile), "nothing of another country");

        String municipality = "velenje-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(municipality, "a long enough password", "MUNICIPALITY", "municipalityCode", "SI-133");
        given().header("Authorization", "Bearer " + Api.token(municipality, "a long enough password"))
                .accept("text/csv").get("/api/v1/sessions").then()
                .statusCode(403).contentType("application/problem+json");

        given().accept("text/csv").queryParam("page", 0).get("/api/v1/sessions").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("page"));
        given().accept("text/csv").queryParam("method", "FLYING").get("/api/v1/sessions").then()
                .statusCode(400).body("violations[0].field", equalTo("method"));
        // A client that takes anything gets the JSON page, as before.
        given().accept("*/*").queryParam("organisationId", org).get("/api/v1/sessions").then()
                .statusCode(200).contentType(ContentType.JSON).body("total", equalTo(6));
    }

    @Test
    void shouldStreamThousandsOfSessionsWithoutHoldingThemInMemory() throws Exception {
        String org = Api.createOrganisation("Large export centre", "SI-133", true);
        int sessions = 8000;
        String note = "n".repeat(4000);
        execute("insert into youth_session (id, organisation_id, municipality_code, held_on, start_time, duration_minutes,"
                + " title, methods, themes, setting, age15_19_female, youth_workers, notes, created_at, updated_at)"
                + " select gen_random_uuid(), cast(? as uuid), 'SI-133', current_date - (i % 300), time '10:00',"
                + " 60, 'Drop-in ' || i, 1, 1, 'YOUTH_CENTRE', 3, 1, ?, now(), now() from generate_series(1, " + sessions + ") i",
                org, note);
        List<String> firstIds = given().queryParam("organisationId", org).queryParam("size", 500).get("/api/v1/sessions")
                .then().statusCode(200).body("total", equalTo(sessions)).extract().path("items.id");

        long before = liveHeap();
        HttpURLConnection connection = (HttpURLConnection) URI.create(sessionsUri + "?organisationId=" + org).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + Api.adminToken());
        connection.setRequestProperty("Accept", "text/csv");
        assertEquals(200, connection.getResponseCode());
        assertEquals("chunked", connection.getHeaderField("Transfer-Encoding"));
        assertNull(connection.getHeaderField("Content-Length"));
        List<String> ids = new ArrayList<>();
        try (BufferedReader body = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("\uFEFF" + HEADER, body.readLine());
            for (int i = 0; i < 20; i++) {
                ids.add(body.readLine().split(",")[0]);
            }
            // The service is now blocked mid-answer on a client that reads no further: what it holds is what it streams with.
            Thread.sleep(500);
            long during = liveHeap();
            assertTrue(during - before < (long) sessions * note.length() / 3,
                    "the live heap grew by " + (during - before) / (1024 * 1024) + " MB while streaming "
                            + (long) sessions * note.length() / (1024 * 1024) + " MB of notes");
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                ids.add(line.split(",")[0]);
            }
        }
        assertEquals(sessions, ids.size());
        assertEquals(firstIds, ids.subList(0, 500), "newest first, as the list");
        assertEquals(sessions, ids.stream().distinct().count());
    }

    /** The heap in use after a full collection: what is alive. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private Map<String, Map<String, Object>> byTitle(String org) {
        List<Map<String, Object>> items = given().queryParam("organisationId", org).get("/api/v1/sessions").then()
                .statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> found = new HashMap<>();
        items.forEach(item -> found.put((String) item.get("title"), new HashMap<>(item)));
        return found;
    }

    private static List<String[]> records(String text) throws Exception {
        CsvMapper csv = new CsvMapper();
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = csv.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(text.substring(1))) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        }
        return records;
    }

    private static List<String> ids(String file) throws Exception {
        List<String[]> records = records(file);
        assertEquals(HEADER, String.join(",", records.get(0)));
        return records.subList(1, records.size()).stream().map(r -> r[0]).toList();
    }

    private void execute(String sql, String... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }
}
