package org.youthwork.logbook.overview;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The months each member organisation recorded in, for indicator 2.2.3's grid, in a test country of its own (QT) in
 * 2025, a whole past year: Alpha (QT-A1) logged in January and March at home and in May in Velenje (Slovenia), and
 * once in July, deleted; Beta (QT-B1) only in 2024; Gamma (QT-A2) in nine months, regularly; Delta, not a member,
 * in January.
 */
@QuarkusTest
class MonthsRecordedTest {

    private static final String PASSWORD = "a long enough password";
    private static String alpha;
    private static String beta;
    private static String gamma;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void logFailures() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void logTheFixtures() {
        if (alpha != null) {
            return;
        }
        TestAreas.create(db, "QT");
        alpha = Api.createOrganisation("Alpha centre", "QT-A1", true);
        beta = Api.createOrganisation("Beta centre", "QT-B1", true);
        gamma = Api.createOrganisation("Gamma centre", "QT-A2", true);
        String delta = Api.createOrganisation("Delta club", "QT-A1", false);
        log(alpha, "QT-A1", "2025-01-31");
        log(alpha, "QT-A1", "2025-01-01");
        log(alpha, "QT-A2", "2025-03-15");
        log(alpha, "SI-133", "2025-05-20");
        given().delete("/api/v1/sessions/{id}", log(alpha, "QT-A1", "2025-07-07")).then().statusCode(204);
        log(beta, "QT-B1", "2024-12-31");
        log(beta, "QT-B1", "2026-01-01");
        for (int month = 1; month <= 9; month++) {
            log(gamma, "QT-A2", String.format("2025-%02d-10", month));
        }
        log(delta, "QT-A1", "2025-01-10");
    }

    @Test
    void shouldAnswerEachMemberWithTheMonthsItRecordedInWhereverHeld() {
        JsonPath answer = given().queryParam("country", "QT").queryParam("year", "2025")
                .get("/api/v1/reports/months-recorded").then().statusCode(200)
                .body("country", equalTo("QT")).body("year", equalTo(2025))
                .body("from", equalTo("2025-01-01")).body("to", equalTo("2025-12-31"))
                .extract().jsonPath();
        assertEquals(List.of(
                row(alpha, "Alpha centre", "QT-A1", "Alpha One", List.of("2025-01", "2025-03", "2025-05")),
                row(beta, "Beta centre", "QT-B1", "Beta One", List.of()),
                row(gamma, "Gamma centre", "QT-A2", "Alpha Two", List.of("2025-01", "2025-02", "2025-03", "2025-04",
                        "2025-05", "2025-06", "2025-07", "2025-08", "2025-09"))),
                answer.getList("organisations"), "members by name, the non-member left out, the deleted session not counted");
    }

    @Test
    void shouldCountTheMonthsAsIndicator223AndTheAnnualAnalysisDo() {
        List<Map<String, Object>> rows = given().queryParam("country", "QT").queryParam("year", "2025")
                .get("/api/v1/reports/months-recorded").then().statusCode(200).extract().jsonPath().getList("organisations");
        JsonPath overview = given().queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                .get("/api/v1/overviews/countries/QT").then().statusCode(200).extract().jsonPath();
        assertEquals(rows.size(), overview.getInt("indicator223.memberOrganisations"));
        assertEquals(1, overview.getInt("indicator223.regularlyRecordingOrganisations"), "Gamma");

        Map<String, Integer> notRegular = new HashMap<>();
        overview.<Map<String, Object>>getList("indicator223.notRegular")
                .forEach(r -> notRegular.put((String) r.get("organisationId"), (Integer) r.get("monthsRecorded")));
        assertEquals(Map.of(alpha, 3, beta, 0), notRegular);
        for (Map<String, Object> row : rows) {
            if (notRegular.containsKey(row.get("organisationId"))) {
                assertEquals(notRegular.get(row.get("organisationId")), row.get("monthsRecorded"), row.toString());
            }
        }
        for (Map<String, Object> month : overview.<Map<String, Object>>getList("indicator223.completeness")) {
            long recording = rows.stream().filter(r -> ((List<?>) r.get("months")).contains(month.get("month"))).count();
            assertEquals(((Number) month.get("recordingOrganisations")).longValue(), recording, month.toString());
        }

        Map<String, Integer> annual = new HashMap<>();
        given().queryParam("country", "QT").queryParam("year", "2025").get("/api/v1/reports/annual-analysis")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("organisations")
                .forEach(r -> annual.put((String) r.get("organisationId"), (Integer) r.get("monthsRecorded")));
        assertEquals(Map.of(alpha, 3, beta, 0, gamma, 9), annual);
    }

    @Test
    void shouldAnswerOnlyTheCountrysCoordinatorAndAdministrators() {
        given().auth().oauth2(token("NETWORK_COORDINATOR", "country", "QT")).queryParam("country", "QT")
                .queryParam("year", "2025").get("/api/v1/reports/months-recorded").then().statusCode(200)
                .body("organisations.size()", equalTo(3));
        for (String[] other : List.of(new String[] {"NETWORK_COORDINATOR", "country", "SI"},
                new String[] {"MUNICIPALITY", "municipalityCode", "QT-A1"},
                new String[] {"ORGANISATION_LEAD", "organisationId", alpha})) {
            given().auth().oauth2(token(other[0], other[1], other[2])).queryParam("country", "QT")
                    .get("/api/v1/reports/months-recorded").then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", "Bearer not-a-token").queryParam("country", "QT")
                .get("/api/v1/reports/months-recorded").then().statusCode(401);
    }

    @Test
    void shouldRejectBadParametersAsProblems() {
        for (Map<String, String> params : List.<Map<String, String>>of(Map.of(), Map.of("country", ""), Map.of("country", "ZZ"),
                Map.of("country", "QT", "year", "abc"), Map.of("country", "QT", "year", "1999"),
                Map.of("country", "QT", "year", "10000"))) {
            given().queryParams(params).get("/api/v1/reports/months-recorded").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400));
        }
    }

    private static Map<String, Object> row(String id, String name, String municipalityCode, String municipality,
                                           List<String> months) {
        return Map.of("organisationId", id, "name", name, "municipalityCode", municipalityCode, "municipality", municipality,
                "months", months, "monthsRecorded", months.size());
    }

    private static String log(String organisation, String municipality, String date) {
        Map<String, Object> s = Api.session(organisation);
        s.put("municipalityCode", municipality);
        s.put("date", date);
        return Api.createSession(s);
    }

    private static String token(String role, String scope, String value) {
        String username = role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(username, PASSWORD, role, scope, value);
        return Api.token(username, PASSWORD);
    }
}
