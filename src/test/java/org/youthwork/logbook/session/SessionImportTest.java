package org.youthwork.logbook.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.system.LogbookConfig;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk import: NDJSON and CSV, line-precise reports, nothing stored twice. */
@QuarkusTest
class SessionImportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @Inject
    LogbookConfig config;

    @TestHTTPResource("/api/v1/sessions/import")
    URI importUri;

    @BeforeAll
    static void signIn() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Api.asAdmin();
    }

    @Test
    void shouldStoreTheGoodLinesAndReportTheBadOnesByLineNumber() throws Exception {
        String org = Api.createOrganisation("Import centre", "SI-133", true);
        Map<String, Object> tooManyFirstTimers = withId(Api.session(org));
        tooManyFirstTimers.put("firstTimeParticipants", 50);
        Map<String, Object> unknownOrganisation = withId(Api.session(UUID.randomUUID().toString()));
        String file = String.join("\n",
                json.writeValueAsString(withId(Api.session(org))),          // 1 stored
                json.writeValueAsString(withId(Api.session(org))),          // 2 stored
                json.writeValueAsString(tooManyFirstTimers),                // 3 refused: a rule
                "{\"title\": ",                                             // 4 refused: malformed
                "",                                                         // 5 blank: skipped
                json.writeValueAsString(unknownOrganisation),               // 6 refused: unknown organisation
                json.writeValueAsString(withId(Api.session(org))));         // 7 stored

        ndjson(file).statusCode(200)
                .body("lines", equalTo(6))
                .body("accepted", equalTo(3))
                .body("unchanged", equalTo(0))
                .body("rejected", equalTo(3))
                .body("errors.line", contains(3, 4, 6))
                .body("errors[0].id", equalTo(tooManyFirstTimers.get("id")))
                .body("errors[0].problems.field", hasItem("firstTimeParticipants"))
                .body("errors[1].problems[0].message", containsString("malformed JSON"))
                .body("errors[2].problems.field", hasItem("organisationId"));
        assertEquals(3, count("select count(*) from youth_session where organisation_id = '" + org + "'"));
    }

    @Test
    void shouldStoreNothingTwiceWhenAFileIsSentAgain() throws Exception {
        String org = Api.createOrganisation("Re-import centre", "SI-133", true);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            file.append(json.writeValueAsString(withId(Api.session(org)))).append('\n');
        }
        ndjson(file.toString()).statusCode(200).body("accepted", equalTo(3));
        ndjson(file.toString()).statusCode(200).body("accepted", equalTo(0)).body("unchanged", equalTo(3)).body("rejected", equalTo(0));
        assertEquals(3, count("select count(*) from youth_session where organisation_id = '" + org + "'"));

        String changed = file.toString().replace("\"durationMinutes\":120", "\"durationMinutes\":90");
        ndjson(changed).statusCode(200).body("rejected", equalTo(3))
                .body("errors[0].problems[0].message", containsString("other content"));
    }

    @Test
    void shouldTreatARepeatedIdInOneFileAsARetryAndKeepEveryRollupAndTheAuditTrailExact() throws Exception {
        String org = Api.createOrganisation("Repeating centre", "SI-133", true);
        Map<String, Object> first = withId(Api.session(org));
        Map<String, Object> other = new java.util.HashMap<>(first);
        other.put("durationMinutes", 45);
        Map<String, Object> awkward = withId(Api.session(org));
        awkward.put("notes", "He said \"no, thanks\",\nthen left; a back\\slash, a tab\tand ščž.");
        awkward.put("municipalityCode", "SI-061");
        Map<String, Object> closedYear = withId(Api.session(org));
        closedYear.put("date", "2003-05-05");
        given().contentType("application/json").body(Map.of("country", "SI", "year", 2003)).post("/api/v1/periods/closed")
                .then().statusCode(201);
        try {
            String file = String.join("\n", json.writeValueAsString(first), json.writeValueAsString(first),
                    json.writeValueAsString(other), json.writeValueAsString(awkward), json.writeValueAsString(closedYear));
            ndjson(file).statusCode(200)
                    .body("accepted", equalTo(2)).body("unchanged", equalTo(1)).body("rejected", equalTo(2))
                    .body("errors.line", contains(3, 5))
                    .body("errors[0].problems[0].message", containsString("other content"))
                    .body("errors[1].problems[0].message", containsString("SI 2003"));
        } finally {
            given().delete("/api/v1/periods/closed/SI/2003").then().statusCode(204);
        }
        given().get("/api/v1/sessions/" + awkward.get("id")).then().statusCode(200)
                .body("notes", equalTo(awkward.get("notes"))).body("municipalityCode", equalTo("SI-061"))
                .body("participantsTotal", equalTo(11)).body("version", equalTo(0));
        given().get("/api/v1/sessions/" + first.get("id") + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE")).body("items[0].actor.name", equalTo(Api.ADMIN))
                .body("items[0].after.durationMinutes", equalTo(120)).body("items[0].after.participantsTotal", equalTo(11));
        // Two sessions of 120 minutes with 11 participants each, one in SI-133 and one in SI-061.
        assertEquals(2, count("select sum(sessions) from rollup_organisation_country_month where organisation_id = '" + org + "'"));
        assertEquals(22, count("select sum(participants) from rollup_organisation_country_month where organisation_id = '" + org + "'"));
        assertEquals(240, count("select sum(minutes) from rollup_organisation_month where organisation_id = '" + org + "'"));
        assertEquals(2, count("select sum(sessions) from rollup_organisation_year where organisation_id = '" + org + "'"));
        assertEquals(1, count("select sum(sessions) from rollup_organisation_month where organisation_id = '" + org
                + "' and municipality_code = 'SI-061'"));
    }

    @Test
    void shouldCommitInBatchesAcrossMoreLinesThanABatch() throws Exception {
        String org = Api.createOrganisation("Big import centre", "SI-133", true);
        StringBuilder file = new StringBuilder();
        int lines = SessionImport.BATCH + 203;
        for (int i = 0; i < lines; i++) {
            Map<String, Object> s = Api.session(org);
            s.put("durationMinutes", 1 + i % 300);
            file.append(json.writeValueAsString(s)).append('\n');
        }
        ndjson(file.toString()).statusCode(200).body("lines", equalTo(lines)).body("accepted", equalTo(lines));
        assertEquals(lines, count("select count(*) from youth_session where organisation_id = '" + org + "'"));
        assertEquals(lines, count("select count(*) from audit_entry a join youth_session s on s.id = a.entity_id"
                + " where s.organisation_id = '" + org + "' and a.action = 'CREATE'"));
    }

    @Test
    void shouldImportCsvWithQuotedFieldsAndNameTheLineOfABadRow() {
        String org = Api.createOrganisation("CSV centre", "SI-133", true);
        String date = java.time.LocalDate.now().minusDays(3).toString();
        String csv = "\uFEFFid,organisationId,date,durationMinutes,title,methods,themes,setting,15-19 FEMALE,20-24 MALE,youthWorkers,youthLed,notes\r\n"
                + UUID.randomUUID() + "," + org + "," + date + ",90,\"Street work, by the river\",STREET|INFORMAL_GROUP,HEALTH,PUBLIC_SPACE,4,3,2,false,\"Two lines\nof \"\"notes\"\"\"\r\n"
                + UUID.randomUUID() + "," + org + "," + date + ",ninety,Drop-in,OPEN,AUTONOMY,YOUTH_CENTRE,5,,1,false,\r\n"
                + "," + org + "," + date + ",60,Drop-in,OPEN,AUTONOMY,YOUTH_CENTRE,5,,1,true,\r\n";
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/sessions/import").then()
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].problems[0].field", equalTo("durationMinutes"));
        given().queryParam("organisationId", org).queryParam("method", "STREET").get("/api/v1/sessions").then()
                .body("items[0].title", equalTo("Street work, by the river"))
                .body("items[0].notes", equalTo("Two lines\nof \"notes\""))
                .body("items[0].participantsTotal", equalTo(7))
                .body("items[0].methods", contains("STREET", "INFORMAL_GROUP"));
    }

    @Test
    void shouldRefuseACsvWithAnUnknownColumnOrAnotherMediaType() {
        given().contentType("text/csv").body("organisationId,colour\r\nx,blue\r\n").post("/api/v1/sessions/import").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("colour"));
        given().contentType("application/json").body("[]").post("/api/v1/sessions/import").then().statusCode(415);
    }

    @Test
    void shouldImportOnlyWhatTheCallerMayLog() throws Exception {
        String own = Api.createOrganisation("Worker's centre", "SI-133", true);
        String other = Api.createOrganisation("Someone else's centre", "SI-133", true);
        String worker = "importer-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(worker, "a long enough password", "YOUTH_WORKER", "organisationId", own);
        String token = Api.token(worker, "a long enough password");
        String file = json.writeValueAsString(Api.session(own)) + "\n" + json.writeValueAsString(Api.session(other)) + "\n";
        given().header("Authorization", "Bearer " + token).contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sessions/import").then()
                .statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(2)).body("errors[0].problems[0].field", equalTo("organisationId"));
        assertEquals(0, count("select count(*) from youth_session where organisation_id = '" + other + "'"));
    }

    @Test
    void shouldRefuseALineOverTheLimitWithItsNumberAndStoreTheLinesAfterIt() throws Exception {
        String org = Api.createOrganisation("Long-line centre", "SI-133", true);
        Map<String, Object> tooLong = withId(Api.session(org));
        tooLong.put("notes", "x".repeat(70_000));
        String file = String.join("\n", json.writeValueAsString(Api.session(org)), json.writeValueAsString(tooLong),
                json.writeValueAsString(Api.session(org)));
        ndjson(file).statusCode(200)
                .body("lines", equalTo(3)).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("errors.line", contains(2))
                .body("errors[0].problems[0].message", equalTo("is longer than 65536 bytes, the most a line may have"));

        // A quoted field may hold line breaks: the record of lines 3 to 6 is one line of the report, numbered where it starts.
        String date = java.time.LocalDate.now().minusDays(3).toString();
        String row = org + "," + date + ",60,Drop-in,OPEN,AUTONOMY,YOUTH_CENTRE,5,1,";
        String csv = "organisationId,date,durationMinutes,title,methods,themes,setting,15-19 FEMALE,youthWorkers,notes\r\n"
                + row + "fine\r\n"
                + row + "\"" + "y".repeat(30_000) + "\r\n" + "y".repeat(30_000) + "\n\n" + "y".repeat(10_000) + "\"\r\n"
                + row + "\"fine, after it\"\r\n"
                + row.replace(",60,", ",sixty,") + "\r\n";
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/sessions/import").then()
                .statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("errors.line", contains(3, 8))
                .body("errors[0].problems[0].message", containsString("longer than 65536 bytes"))
                .body("errors[1].problems[0].field", equalTo("durationMinutes"));
        assertEquals(4, count("select count(*) from youth_session where organisation_id = '" + org + "'"));
    }

    @Test
    void shouldRefuseALineThatIsNotUtf8RatherThanStoreItGarbled() throws Exception {
        String org = Api.createOrganisation("Windows-1250 centre", "SI-133", true);
        Map<String, Object> session = Api.session(org);
        session.put("notes", "Pogovor o po@@itnicah");
        byte[] cp1250 = {(byte) 0xE8};   // "č" as a Windows-1250 export writes it: no UTF-8 at all
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(bytes(json.writeValueAsString(session), cp1250));
        file.write('\n');
        file.write(json.writeValueAsString(Api.session(org)).getBytes(StandardCharsets.UTF_8));
        given().contentType("application/x-ndjson").body(file.toByteArray()).post("/api/v1/sessions/import").then()
                .statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("errors.line", contains(1)).body("errors[0].problems[0].message", equalTo("is not valid UTF-8"));

        String date = java.time.LocalDate.now().minusDays(3).toString();
        String header = "organisationId,date,durationMinutes,title,methods,themes,setting,15-19 FEMALE,youthWorkers\r\n";
        String row = org + "," + date + ",60,Drop-in,OPEN,AUTONOMY,YOUTH_CENTRE,5,1\r\n";
        file.reset();
        file.write((header + row).getBytes(StandardCharsets.UTF_8));
        file.write(bytes(row.replace("Drop-in", "Po@@itnice"), cp1250));
        given().contentType("text/csv").body(file.toByteArray()).post("/api/v1/sessions/import").then()
                .statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("errors.line", contains(3)).body("errors[0].problems[0].message", equalTo("is not valid UTF-8"));
        assertEquals(2, count("select count(*) from youth_session where organisation_id = '" + org + "'"));
    }

    @Test
    void shouldAnswerAQuotedFieldNeverClosedWithAProblemNamingItsLineAndWhatWasStoredBefore() throws Exception {
        String org = Api.createOrganisation("Unclosed-quote centre", "SI-133", true);
        String date = java.time.LocalDate.now().minusDays(3).toString();
        String row = org + "," + date + ",60,Drop-in,OPEN,AUTONOMY,YOUTH_CENTRE,5,1,";
        String csv = "organisationId,date,durationMinutes,title,methods,themes,setting,15-19 FEMALE,youthWorkers,notes\r\n"
                + row + "fine\r\n"
                + row.replace(",60,", ",sixty,") + "\r\n"
                + row + "fine\r\n"
                + row + "\"She said \"\"no\"\", then\r\n"
                + row + "fine\r\n"
                + row + "fine\r\n";
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/sessions/import").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:logbook:problem:invalid-input"))
                .body("line", equalTo(5))
                .body("detail", containsString("Line 5"))
                .body("violations[0].message", equalTo("line 5: a quoted field is never closed"))
                .body("report.lines", equalTo(3)).body("report.accepted", equalTo(2)).body("report.rejected", equalTo(1))
                .body("report.errors.line", contains(3));
        assertEquals(2, count("select count(*) from youth_session where organisation_id = '" + org + "'"));
    }

    @Test
    void shouldReportEveryBatchStoredWhenTheBodyBreaksOffBatchesLater() throws Exception {
        String org = Api.createOrganisation("Long unclosed-quote centre", "SI-133", true);
        String date = java.time.LocalDate.now().minusDays(3).toString();
        String row = org + "," + date + ",60,Drop-in,OPEN,AUTONOMY,YOUTH_CENTRE,5,1,";
        int good = 2 * SessionImport.BATCH + 7;
        StringBuilder csv = new StringBuilder(
                "organisationId,date,durationMinutes,title,methods,themes,setting,15-19 FEMALE,youthWorkers,notes\r\n");
        for (int i = 0; i < good; i++) {
            csv.append(row).append("fine\r\n");
            if (i == 10 || i == good - 3) {
                csv.append(row.replace(",60,", ",sixty,")).append("\r\n");
            }
        }
        long broken = good + 2 + 2; // the header is line 1
        csv.append(row).append("\"never closed\r\n").append(row).append("fine\r\n");
        given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/sessions/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("line", equalTo((int) broken))
                .body("report.lines", equalTo(good + 2)).body("report.accepted", equalTo(good))
                .body("report.rejected", equalTo(2)).body("report.errors.line", contains(13, good + 1));
        assertEquals(good, count("select count(*) from youth_session where organisation_id = '" + org + "'"));
        assertEquals(good, count("select sum(sessions) from rollup_organisation_year where organisation_id = '" + org + "'"));
    }

    @Test
    void shouldCountEveryRefusedLineAndSayWhenTheErrorListIsCapped() throws Exception {
        // Refused when the batch is checked against the database, the way a file for the wrong organisation is.
        String unknownOrganisation = UUID.randomUUID().toString();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            file.append(json.writeValueAsString(Api.session(unknownOrganisation))).append('\n');
        }
        ndjson(file.toString()).statusCode(200)
                .body("lines", equalTo(1500)).body("accepted", equalTo(0)).body("rejected", equalTo(1500))
                .body("errors", hasSize(SessionImport.MAX_ERRORS)).body("errorsTruncated", equalTo(true))
                .body("errors[0].line", equalTo(1)).body("errors[999].line", equalTo(1000));
    }

    @Test
    void shouldRefuseAnImportOverItsLimitWith413AndSayWhatWasStored() throws Exception {
        String org = Api.createOrganisation("Oversized centre", "SI-133", true);
        long limit = config.imports().maxBodySize().asLongValue();

        StreamedBody.Answer announced = StreamedBody.post(importUri, Api.adminToken(), "application/x-ndjson",
                InputStream.nullInputStream(), limit + 1, StreamedBody.Sending.LENGTH);
        assertEquals(413, announced.status());
        assertEquals("application/problem+json", announced.contentType());
        assertEquals("urn:logbook:problem:body-too-large", announced.body().path("type").asText());

        // Without a length, the import reads up to the limit: the first line is stored, and the answer says so.
        String first = json.writeValueAsString(Api.session(org)) + "\n{\"notes\": \"";
        StreamedBody body = new StreamedBody(first, limit + 1 - first.length(), 'a', "");
        StreamedBody.Answer streamed = StreamedBody.post(importUri, Api.adminToken(), "application/x-ndjson", body, 0,
                StreamedBody.Sending.CHUNKED_UNFINISHED);
        assertEquals(413, streamed.status());
        assertEquals("application/problem+json", streamed.contentType());
        assertEquals("close", streamed.connection());
        JsonNode problem = streamed.body();
        assertEquals(2, problem.path("line").asLong(), problem.toString());
        assertEquals(1, problem.path("report").path("accepted").asLong(), problem.toString());
        assertTrue(problem.path("detail").asText().contains("at most " + limit + " bytes"), problem.toString());
        assertEquals(1, count("select count(*) from youth_session where organisation_id = '" + org + "'"));
    }

    @Test
    void shouldReadPastAHugeLineWithoutHoldingItAndGoOn() throws Exception {
        String org = Api.createOrganisation("Huge-line centre", "SI-133", true);
        long run = 200L * 1024 * 1024;
        StreamedBody body = new StreamedBody("{\"title\": \"", run, 'a', "\"}\n" + json.writeValueAsString(Api.session(org)) + "\n");
        List<MemoryPoolMXBean> oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && (p.getName().contains("Old") || p.getName().contains("Tenured")))
                .toList();
        System.gc();
        long before = oldGeneration.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        oldGeneration.forEach(MemoryPoolMXBean::resetPeakUsage);

        StreamedBody.Answer answer = StreamedBody.post(importUri, Api.adminToken(), "application/x-ndjson", body, body.length(),
                StreamedBody.Sending.LENGTH);

        // The service runs in this JVM: a line held whole would be one array of hundreds of megabytes, kept in the old generation.
        long peak = oldGeneration.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        assertTrue(peak - before < run / 4, "the old generation grew by " + (peak - before) / (1024 * 1024) + " MB");
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        JsonNode report = answer.body();
        assertEquals(2, report.path("lines").asLong(), report.toString());
        assertEquals(1, report.path("accepted").asLong(), report.toString());
        assertEquals(1, report.path("errors").get(0).path("line").asLong(), report.toString());
        assertEquals(1, count("select count(*) from youth_session where organisation_id = '" + org + "'"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** The text in UTF-8, with raw bytes where it says @@. */
    private static byte[] bytes(String text, byte[] raw) throws java.io.IOException {
        int at = text.indexOf("@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write(raw);
        out.write(text.substring(at + 2).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void shouldKeepAnImportedSessionsHistoryInOrderWhenItIsCorrectedLater() throws Exception {
        String org = Api.createOrganisation("Imported then corrected", "SI-133", true);
        Api.createSession(Api.session(org)); // an audit entry written the other way first, as in a running service
        Map<String, Object> imported = withId(Api.session(org));
        ndjson(json.writeValueAsString(imported)).statusCode(200).body("accepted", equalTo(1));
        Map<String, Object> corrected = new java.util.HashMap<>(imported);
        corrected.put("durationMinutes", 45);
        given().contentType("application/json").header("If-Match", "\"0\"").body(corrected)
                .put("/api/v1/sessions/{id}", imported.get("id")).then().statusCode(200);

        given().get("/api/v1/sessions/{id}/history", imported.get("id")).then().statusCode(200)
                .body("items.action", contains("CREATE", "UPDATE"))
                .body("items[0].after.durationMinutes", equalTo(120))
                .body("items[1].before.durationMinutes", equalTo(120))
                .body("items[1].after.durationMinutes", equalTo(45));
    }

    private static io.restassured.response.ValidatableResponse ndjson(String body) {
        return given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sessions/import").then();
    }

    private static Map<String, Object> withId(Map<String, Object> session) {
        session.put("id", UUID.randomUUID().toString());
        return session;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
