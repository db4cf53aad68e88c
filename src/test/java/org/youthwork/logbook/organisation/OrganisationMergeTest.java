package org.youthwork.logbook.organisation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merging a duplicate organisation, in a test country of its own (QM) so that every figure is what this test logged:
 * the figures of the organisation merged into are those of both before, the duplicate is nowhere, the areas' figures
 * are unchanged, and the rollups agree with a plain query over the sessions.
 */
@QuarkusTest
class OrganisationMergeTest {

    private static final int YEAR = LocalDate.now().getYear() - 1;
    private static final List<String> AREAS = List.of("countries/QM", "regions/QM1", "regions/QM2",
            "municipalities/QM-A1", "municipalities/QM-A2", "municipalities/QM-B1", "municipalities/QM-B2");
    private static final List<String> DUPLICATE_BASED_IN = List.of("countries/QM", "regions/QM1", "municipalities/QM-A2");

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldMoveSessionsAccountsAndHistoryAndKeepEveryFigureExact() throws SQLException {
        TestAreas.create(db, "QM");
        String target = Api.createOrganisation("Mladinski center Alfa", "QM-A1", true);
        String duplicate = Api.createOrganisation("MC Alfa (made twice)", "QM-A2", true);
        String other = Api.createOrganisation("Centre Beta", "QM-B1", true);
        List<String> moved = new ArrayList<>();
        log(target, "QM-A1", 1, 60, 2, 5, false);
        log(target, "QM-B2", 3, 90, 1, 7, true);
        moved.add(log(duplicate, "QM-A2", 3, 45, 3, 4, false)); // a month the target has too
        moved.add(log(duplicate, "QM-A2", 6, 120, 2, 9, true));
        moved.add(log(duplicate, "QM-B2", 9, 30, 1, 3, false)); // held in the other region
        moved.add(log(duplicate, "QM-A1", 11, 75, 2, 6, false));
        String deleted = log(duplicate, "QM-A2", 7, 50, 1, 2, false);
        given().delete("/api/v1/sessions/{id}", deleted).then().statusCode(204);
        moved.add(deleted);
        log(other, "QM-B1", 2, 100, 2, 8, false);
        String worker = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        String account = Api.createUser(worker, "a long enough password", "YOUTH_WORKER", "organisationId", duplicate);

        Map<String, JsonPath> before = overviews();
        JsonPath analysisBefore = analysis();
        assertRollupsAgreeWithTheSessions();

        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(Map.of("into", target))
                .post("/api/v1/organisations/{id}/merge", duplicate).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("into", target))
                .post("/api/v1/organisations/{id}/merge", duplicate).then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("into.id", equalTo(target))
                .body("merged", equalTo(duplicate))
                .body("sessionsMoved", equalTo(5))
                .body("accountsMoved", equalTo(1));

        // The duplicate is nowhere.
        given().get("/api/v1/organisations/{id}", duplicate).then().statusCode(404);
        given().queryParam("country", "QM").get("/api/v1/organisations").then()
                .body("items.id", not(hasItem(duplicate))).body("total", equalTo(2));
        given().queryParam("organisationId", duplicate).get("/api/v1/sessions").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("organisationId", target).queryParam("from", YEAR + "-01-01").get("/api/v1/sessions").then()
                .body("total", equalTo(6));

        // The areas' figures are those of before; byOrganisation has the two as one, the indicator one member less.
        Map<String, JsonPath> after = overviews();
        for (String area : before.keySet()) {
            Map<String, Object> b = new HashMap<>(before.get(area).getMap("$"));
            Map<String, Object> a = new HashMap<>(after.get(area).getMap("$"));
            List<Map<String, Object>> organisationsBefore = before.get(area).getList("byOrganisation");
            List<Map<String, Object>> organisationsAfter = after.get(area).getList("byOrganisation");
            assertFalse(organisationsAfter.stream().anyMatch(r -> duplicate.equals(r.get("organisationId"))), area);
            for (String measure : List.of("sessions", "minutes", "participants")) {
                assertEquals(sumOf(organisationsBefore, measure, target, duplicate), sumOf(organisationsAfter, measure, target), area + " " + measure);
            }
            // the duplicate was a recording member based in these areas; as part of the target it counts no more
            int fewer = DUPLICATE_BASED_IN.contains(area.replace(" part", "")) ? 1 : 0;
            for (String count : List.of("memberOrganisations", "recordingOrganisations")) {
                assertEquals(before.get(area).getInt("indicator223." + count) - fewer, after.get(area).getInt("indicator223." + count),
                        area + " " + count);
            }
            for (String key : List.of("byOrganisation", "indicator223", "organisationsTotal")) {
                b.remove(key);
                a.remove(key);
            }
            assertEquals(b, a, area + ": every figure but those per organisation is unchanged");
        }
        assertEquals(3, before.get("countries/QM").getInt("indicator223.memberOrganisations"));
        assertEquals(2, after.get("countries/QM").getInt("indicator223.memberOrganisations"));
        assertEquals(0, after.get("municipalities/QM-A2").getInt("indicator223.memberOrganisations"));

        // The annual analysis: the target's row is the sum of both rows before, the duplicate has none.
        JsonPath analysisAfter = analysis();
        assertEquals(java.util.Set.of(other, target), java.util.Set.copyOf(analysisAfter.getList("organisations.organisationId")));
        assertEquals(2, analysisAfter.getList("organisations").size());
        Map<String, Object> t = row(analysisBefore, target);
        Map<String, Object> d = row(analysisBefore, duplicate);
        Map<String, Object> merged = row(analysisAfter, target);
        for (String measure : List.of("sessions", "minutes", "youthWorkerMinutes", "participants", "youthLedSessions",
                "firstTimeParticipants", "unorganisedYouth", "fewerOpportunities")) {
            assertEquals(number(t.get(measure)) + number(d.get(measure)), number(merged.get(measure)), "annual " + measure);
        }
        for (String breakdown : List.of("participantsByAgeBand", "participantsByGender", "sessionsByMethod", "sessionsByTheme")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tb = (Map<String, Object>) t.get(breakdown), db_ = (Map<String, Object>) d.get(breakdown),
                    mb = (Map<String, Object>) merged.get(breakdown);
            for (String code : mb.keySet()) {
                assertEquals(number(tb.get(code)) + number(db_.get(code)), number(mb.get(code)), "annual " + breakdown + " " + code);
            }
        }
        assertEquals(5, number(merged.get("monthsRecorded")), "months 1, 3, 6, 9, 11");
        assertEquals(row(analysisBefore, other), row(analysisAfter, other));
        assertRollupsAgreeWithTheSessions();

        // The rows: sessions, account and the duplicate itself.
        assertEquals(0, count("select count(*) from youth_session where organisation_id = ?", duplicate));
        assertEquals(7, count("select count(*) from youth_session where organisation_id = ?", target), "its 2 and the 5 moved");
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select organisation_id, credentials_changed_at, version from account where id = ?")) {
            ps.setObject(1, UUID.fromString(account));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(target, rs.getString("organisation_id"));
                assertNotNull(rs.getTimestamp("credentials_changed_at"), "its tokens name the old organisation: it signs in again");
                assertEquals(1, rs.getInt("version"));
            }
            try (PreparedStatement o = c.prepareStatement("select deleted_at, merged_into from organisation where id = ?")) {
                o.setObject(1, UUID.fromString(duplicate));
                try (ResultSet rs = o.executeQuery()) {
                    assertTrue(rs.next());
                    assertNotNull(rs.getTimestamp("deleted_at"));
                    assertEquals(target, rs.getString("merged_into"));
                }
            }
        }

        // The history: each moved session says it was moved, by whom; the merge is on both organisations and the account.
        for (String id : moved) {
            JsonPath history = given().get("/api/v1/sessions/{id}/history", id).then().statusCode(200).extract().jsonPath();
            int last = history.getList("items").size() - 1;
            assertEquals("UPDATE", history.getString("items[" + last + "].action"), id);
            assertEquals(Api.ADMIN, history.getString("items[" + last + "].actor.name"));
            assertEquals(duplicate, history.getString("items[" + last + "].before.organisationId"));
            assertEquals(target, history.getString("items[" + last + "].after.organisationId"));
            assertTrue(history.getString("items[" + last + "].note").contains("merged into 'Mladinski center Alfa'"),
                    history.getString("items[" + last + "].note"));
        }
        given().get("/api/v1/sessions/{id}", moved.get(0)).then().statusCode(200)
                .body("organisationId", equalTo(target)).body("municipalityCode", equalTo("QM-A2")).header("ETag", "\"1\"");
        assertEquals("DELETE:Merged into 'Mladinski center Alfa' (" + target + "): 5 sessions and 1 accounts moved",
                lastAudit("ORGANISATION", duplicate));
        assertTrue(lastAudit("ORGANISATION", target).startsWith("UPDATE:Took over the 5 sessions and 1 accounts"));
        assertTrue(lastAudit("ACCOUNT", account).startsWith("UPDATE:Moved from organisation 'MC Alfa (made twice)'"));

        // A merged organisation is merged into nothing more, and nothing is merged into it.
        given().contentType(ContentType.JSON).body(Map.of("into", target)).post("/api/v1/organisations/{id}/merge", duplicate)
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("into", duplicate)).post("/api/v1/organisations/{id}/merge", other)
                .then().statusCode(400).body("violations[0].field", equalTo("into"))
                .body("violations[0].message", containsString("merged into " + target));
    }

    @Test
    void shouldRefuseMergesThatCannotBe() {
        String a = Api.createOrganisation("Centre one", "SI-133", false);
        String b = Api.createOrganisation("Centre two", "SI-133", false);
        String bulgarian = Api.createOrganisation("Център три", "BG-VRC10", false);

        given().contentType(ContentType.JSON).body(Map.of("into", a)).post("/api/v1/organisations/{id}/merge", a).then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("into"));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/organisations/{id}/merge", a).then()
                .statusCode(400).body("violations.field", hasItem("into"));
        given().contentType(ContentType.JSON).body(Map.of("into", "not-a-uuid")).post("/api/v1/organisations/{id}/merge", a).then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("into", UUID.randomUUID().toString())).post("/api/v1/organisations/{id}/merge", a)
                .then().statusCode(400).body("violations.field", hasItem("into"));
        given().contentType(ContentType.JSON).body(Map.of("into", b)).post("/api/v1/organisations/{id}/merge", UUID.randomUUID())
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("into", bulgarian)).post("/api/v1/organisations/{id}/merge", a).then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("one country"));
        given().get("/api/v1/organisations/{id}", a).then().statusCode(200);
    }

    @Test
    void shouldRefuseToMergeSessionsOfAClosedPeriodUntilItIsReopened() throws SQLException {
        TestAreas.create(db, "QC");
        String target = Api.createOrganisation("Closed target", "QC-A1", true);
        String duplicate = Api.createOrganisation("Closed duplicate", "QC-A1", true);
        log(duplicate, "QC-A1", 4, 60, 1, 3, false);
        given().contentType(ContentType.JSON).body(Map.of("country", "QC", "year", YEAR)).post("/api/v1/periods/closed")
                .then().statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("into", target)).post("/api/v1/organisations/{id}/merge", duplicate).then()
                .statusCode(409).body("detail", containsString(String.valueOf(YEAR)))
                .body("detail", containsString("/api/v1/periods/closed/QC/" + YEAR));
        assertEquals(1, count("select count(*) from youth_session where organisation_id = ?", duplicate));
        given().get("/api/v1/organisations/{id}", duplicate).then().statusCode(200);

        given().delete("/api/v1/periods/closed/QC/{year}", YEAR).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("into", target)).post("/api/v1/organisations/{id}/merge", duplicate).then()
                .statusCode(200).body("sessionsMoved", equalTo(1));
    }

    /** A merge holds the duplicate's row: a session logged for it meanwhile waits, then finds it gone, and is not stored. */
    @Test
    void shouldRefuseASessionLoggedWhileTheDuplicateIsBeingMerged() throws Exception {
        String target = Api.createOrganisation("Target while logging", "SI-133", false);
        String duplicate = Api.createOrganisation("Duplicate while logging", "SI-133", false);
        try (Connection merge = db.getConnection()) {
            merge.setAutoCommit(false);
            execute(merge, "select id from organisation where id = ? for update", duplicate);
            CompletableFuture<Integer> logging = CompletableFuture.supplyAsync(
                    () -> Api.post(Api.session(duplicate)).extract().statusCode());
            Thread.sleep(1500);
            assertFalse(logging.isDone(), "the session waits for the merge");
            execute(merge, "update organisation set deleted_at = now(), merged_into = '" + target + "' where id = ?", duplicate);
            merge.commit();
            assertEquals(400, logging.get(30, TimeUnit.SECONDS));
        }
        assertEquals(0, count("select count(*) from youth_session where organisation_id = ?", duplicate));
    }

    /** The same for an import: its batch locks the organisations it logs for, and refuses the line of one merged meanwhile. */
    @Test
    void shouldRefuseAnImportedLineForADuplicateMergedMeanwhile() throws Exception {
        String target = Api.createOrganisation("Target while importing", "SI-133", false);
        String duplicate = Api.createOrganisation("Duplicate while importing", "SI-133", false);
        String line = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Api.session(duplicate)) + "\n";
        try (Connection merge = db.getConnection()) {
            merge.setAutoCommit(false);
            execute(merge, "select id from organisation where id = ? for update", duplicate);
            CompletableFuture<JsonPath> importing = CompletableFuture.supplyAsync(() -> given()
                    .contentType("application/x-ndjson").body(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/v1/sessions/import").then().statusCode(200).extract().jsonPath());
            Thread.sleep(1500);
            assertFalse(importing.isDone(), "the import waits for the merge");
            execute(merge, "update organisation set deleted_at = now(), merged_into = '" + target + "' where id = ?", duplicate);
            merge.commit();
            JsonPath answer = importing.get(30, TimeUnit.SECONDS);
            assertEquals(0, answer.getInt("accepted"));
            assertEquals("organisationId", answer.getString("errors[0].problems[0].field"));
        }
        assertEquals(0, count("select count(*) from youth_session where organisation_id = ?", duplicate));
    }

    /** A session being logged holds the row the merge needs: the merge waits for it, then moves it too. */
    @Test
    void shouldMoveASessionLoggedWhileTheMergeBegins() throws Exception {
        String target = Api.createOrganisation("Target while merging", "SI-133", false);
        String duplicate = Api.createOrganisation("Duplicate while merging", "SI-133", false);
        String session = UUID.randomUUID().toString();
        CompletableFuture<JsonPath> merging;
        try (Connection logging = db.getConnection()) {
            logging.setAutoCommit(false);
            execute(logging, "select id from organisation where id = ? for key share", duplicate);
            execute(logging, "insert into youth_session (id, organisation_id, municipality_code, held_on, duration_minutes,"
                    + " title, methods, themes, setting, age15_19_female, youth_workers, created_at, updated_at)"
                    + " values ('" + session + "', ?, 'SI-133', current_date - 3, 60, 'Logged at the same moment', 1, 1,"
                    + " 'OTHER', 4, 1, now(), now())", duplicate);
            merging = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON).body(Map.of("into", target))
                    .post("/api/v1/organisations/{id}/merge", duplicate).then().statusCode(200).extract().jsonPath());
            Thread.sleep(1500);
            assertFalse(merging.isDone(), "the merge waits for the session being logged");
            logging.commit();
        }
        assertEquals(1, merging.get(30, TimeUnit.SECONDS).getInt("sessionsMoved"));
        assertEquals(1, count("select count(*) from youth_session where organisation_id = ? and id = '" + session + "'", target));
    }

    private String log(String organisation, String municipality, int month, int minutes, int workers, int girls, boolean youthLed) {
        Map<String, Object> body = Api.session(organisation);
        body.put("municipalityCode", municipality);
        body.put("date", LocalDate.of(YEAR, month, 10 + month).toString());
        body.put("durationMinutes", minutes);
        body.put("youthWorkers", workers);
        body.put("participants", List.of(Api.participant("15-19", "FEMALE", girls), Api.participant("20-24", "MALE", 2)));
        body.put("firstTimeParticipants", 1);
        body.put("unorganisedYouth", 2);
        body.put("fewerOpportunities", 1);
        body.put("youthLed", youthLed);
        body.put("youngLeaders", youthLed ? 2 : 0);
        if (month % 2 == 0) {
            body.put("methods", List.of("OPEN"));
            body.put("themes", List.of("CULTURE", "HEALTH"));
        }
        return Api.createSession(body);
    }

    private Map<String, JsonPath> overviews() {
        Map<String, JsonPath> found = new LinkedHashMap<>();
        for (String area : AREAS) {
            for (String[] period : List.of(new String[] {YEAR + "-01-01", YEAR + "-12-31"}, new String[] {YEAR + "-03-05", YEAR + "-09-25"})) {
                found.put(area + (period[1].endsWith("12-31") ? "" : " part"), given().queryParam("from", period[0]).queryParam("to", period[1])
                        .get("/api/v1/overviews/" + area).then().statusCode(200).extract().jsonPath());
            }
        }
        return found;
    }

    private static JsonPath analysis() {
        return given().queryParam("country", "QM").queryParam("year", YEAR).get("/api/v1/reports/annual-analysis")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath analysis, String id) {
        List<Map<String, Object>> rows = analysis.getList("organisations");
        return rows.stream().filter(r -> id.equals(r.get("organisationId"))).findFirst().orElseThrow();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static long sumOf(List<Map<String, Object>> rows, String measure, String... ids) {
        List<String> wanted = List.of(ids);
        return rows.stream().filter(r -> wanted.contains(r.get("organisationId"))).mapToLong(r -> number(r.get(measure))).sum();
    }

    /** Every rollup row of QM equals a plain query over its sessions; rows a merge emptied are all zeros. */
    private void assertRollupsAgreeWithTheSessions() throws SQLException {
        String[] checks = {
                """
                select s.organisation_id, s.municipality_code, cast(date_trunc('month', s.held_on) as date),
                       count(*), sum(s.duration_minutes), sum(s.participants_total)
                from youth_session s where s.deleted_at is null and s.municipality_code like 'QM-%' group by 1, 2, 3
                """,
                """
                select organisation_id, municipality_code, month, sessions, minutes, participants from rollup_organisation_month
                where municipality_code like 'QM-%' and not (sessions = 0 and minutes = 0 and participants = 0)
                """,
                """
                select s.organisation_id, cast(date_trunc('month', s.held_on) as date), count(*), sum(s.duration_minutes),
                       sum(s.duration_minutes * s.youth_workers), sum(s.participants_total), sum(s.first_time_participants),
                       sum(s.unorganised_youth), sum(s.fewer_opportunities), count(*) filter (where s.youth_led),
                       count(*) filter (where s.methods & 8 <> 0), count(*) filter (where s.themes & 128 <> 0)
                from youth_session s where s.deleted_at is null and s.municipality_code like 'QM-%' group by 1, 2
                """,
                """
                select organisation_id, month, sessions, minutes, worker_minutes, participants, first_time, unorganised,
                       fewer_opportunities, youth_led_sessions, method_open_sessions, theme_culture_sessions
                from rollup_organisation_country_month
                where country_code = 'QM' and not (sessions = 0 and minutes = 0 and worker_minutes = 0 and participants = 0
                    and first_time = 0 and unorganised = 0 and fewer_opportunities = 0 and youth_led_sessions = 0
                    and method_open_sessions = 0 and theme_culture_sessions = 0)
                """,
                """
                select s.organisation_id, s.municipality_code, cast(extract(year from s.held_on) as integer), count(*),
                       sum(s.duration_minutes), sum(s.participants_total),
                       count(*) filter (where extract(month from s.held_on) = 3), count(*) filter (where extract(month from s.held_on) = 9)
                from youth_session s where s.deleted_at is null and s.municipality_code like 'QM-%' group by 1, 2, 3
                """,
                """
                select organisation_id, municipality_code, year, sessions, minutes, participants, m03, m09 from rollup_organisation_year
                where municipality_code like 'QM-%' and not (sessions = 0 and minutes = 0 and participants = 0 and m03 = 0 and m09 = 0)
                """,
                """
                select s.municipality_code, cast(date_trunc('month', s.held_on) as date), count(*), sum(s.duration_minutes),
                       sum(s.participants_total), sum(s.first_time_participants)
                from youth_session s where s.deleted_at is null and s.municipality_code like 'QM-%' group by 1, 2
                """,
                """
                select municipality_code, month, sessions, minutes, participants, first_time from rollup_municipality_month
                where municipality_code like 'QM-%' and not (sessions = 0 and minutes = 0 and participants = 0 and first_time = 0)
                """};
        for (int i = 0; i < checks.length; i += 2) {
            String sessions = checks[i];
            String rollup = checks[i + 1];
            long differences = count("select count(*) from ((" + sessions + " except " + rollup + ") union all ("
                    + rollup + " except " + sessions + ")) d", null);
            assertEquals(0, differences, "rollup and sessions differ:\n" + rollup);
            assertTrue(count("select count(*) from (" + sessions + ") s", null) > 0);
        }
    }

    private long count(String sql, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setObject(1, UUID.fromString(id));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String lastAudit(String type, String id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select action || ':' || coalesce(note, '') from audit_entry"
                     + " where entity_type = ? and entity_id = ? order by id desc limit 1")) {
            ps.setString(1, type);
            ps.setObject(2, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "an audit entry for " + type + " " + id);
                return rs.getString(1);
            }
        }
    }

    private static void execute(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(id));
            ps.execute();
        }
    }
}
