package org.youthwork.logbook.overview;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.youthwork.logbook.Api.participant;

/**
 * An organisation's own overview, in a test country (XW): in 2023, centre A (member, XW-A1) logs S1 and S2 in
 * February, S2 held in XW-B1, and S3 in May; centre B (member, XW-A2) logs S4 in XW-A1. Who may see it, and indicator
 * 2.2.3 for a period that reaches past today.
 */
@QuarkusTest
class OrganisationOverviewTest {

    private static final String PASSWORD = "a long enough password";
    private static boolean logged;
    private static String a;
    private static String b;

    @Inject
    AgroalDataSource db;

    @Inject
    Clock clock;

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
        TestAreas.create(db, "XW");
        a = Api.createOrganisation("Centre A", "XW-A1", true);
        b = Api.createOrganisation("Centre B", "XW-A2", true);
        log(a, "XW-A1", "2023-02-10", 90, 2, "PUBLIC_SPACE", List.of(participant("15-19", "FEMALE", 4), participant("20-24", "MALE", 6)));
        log(a, "XW-B1", "2023-02-20", 60, 1, "ONLINE", List.of(participant("UNDER_15", "OTHER", 3)));
        log(a, "XW-A1", "2023-05-05", 30, 3, "PUBLIC_SPACE", List.of(participant("25-29", "FEMALE", 2)));
        log(b, "XW-A1", "2023-05-06", 45, 1, "SCHOOL", List.of(participant("15-19", "MALE", 7)));
        logged = true;
    }

    @Test
    void shouldSumAnOrganisationsSessionsWhereverTheyWereHeld() {
        overview(a, "2023-01-01", "2023-12-31")
                .body("area.level", equalTo("ORGANISATION"))
                .body("area.code", equalTo(a))
                .body("area.name", equalTo("Centre A"))
                .body("totals.sessions", equalTo(3))
                .body("totals.minutes", equalTo(180))
                .body("totals.youthWorkerMinutes", equalTo(330))
                .body("totals.participants", equalTo(15))
                .body("byAgeBand", equalTo(Map.of("UNDER_15", 3, "15-19", 4, "20-24", 6, "25-29", 2, "OVER_29", 0)))
                .body("byGender", equalTo(Map.of("FEMALE", 6, "MALE", 6, "OTHER", 3)))
                .body("bySetting.sessions", contains(0, 2, 1, 0, 0))
                .body("byMonth", hasSize(12))
                .body("byMonth.sessions", contains(0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0))
                .body("byMunicipality.code", contains("XW-A1", "XW-B1"))
                .body("byMunicipality.name", contains("Alpha One", "Beta One"))
                .body("byMunicipality.sessions", contains(2, 1))
                .body("byMunicipality.minutes", contains(120, 60))
                .body("byOrganisation", nullValue())
                .body("organisationsTotal", nullValue())
                .body("byRegion", nullValue())
                .body("indicator223.monthsRecorded", equalTo(2))
                .body("indicator223.monthsCounted", equalTo(12))
                .body("indicator223.regularMonthsRequired", equalTo(9))
                .body("indicator223.regular", equalTo(false))
                .body("indicator223.asOf", equalTo("2023-12-31"))
                .body("indicator223.memberOrganisations", nullValue())
                .body("indicator223.notRegular", nullValue());
        overview(a, "2023-02-01", "2023-05-31")
                .body("totals.sessions", equalTo(3))
                .body("indicator223.monthsRecorded", equalTo(2))
                .body("indicator223.regularMonthsRequired", equalTo(3))
                .body("indicator223.regular", equalTo(false));
        overview(a, "2023-02-01", "2023-03-31")
                .body("indicator223.regularMonthsRequired", equalTo(2))
                .body("indicator223.regular", equalTo(false));
        overview(a, "2023-02-01", "2023-02-28")
                .body("totals.sessions", equalTo(2))
                .body("indicator223.regular", equalTo(true));
    }

    @Test
    void shouldShowACentreItsOwnWorkAndNoOneOutsideItsScope() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String worker = token("worker-" + suffix, "YOUTH_WORKER", "organisationId", a);
        String lead = token("lead-" + suffix, "ORGANISATION_LEAD", "organisationId", a);
        String otherWorker = token("other-worker-" + suffix, "YOUTH_WORKER", "organisationId", b);
        String otherLead = token("other-lead-" + suffix, "ORGANISATION_LEAD", "organisationId", b);
        String coordinator = token("coordinator-" + suffix, "NETWORK_COORDINATOR", "country", "XW");
        String foreignCoordinator = token("si-coordinator-" + suffix, "NETWORK_COORDINATOR", "country", "SI");
        String municipality = token("municipality-" + suffix, "MUNICIPALITY", "municipalityCode", "XW-A1");

        for (String allowed : List.of(worker, lead, coordinator, Api.adminToken())) {
            given().auth().oauth2(allowed).queryParam("from", "2023-01-01").queryParam("to", "2023-12-31")
                    .get("/api/v1/overviews/organisations/{id}", a).then()
                    .statusCode(200).body("totals.sessions", equalTo(3));
        }
        for (String refused : List.of(otherWorker, otherLead, foreignCoordinator, municipality)) {
            given().auth().oauth2(refused).get("/api/v1/overviews/organisations/{id}", a).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(worker).get("/api/v1/overviews/organisations/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/overviews/organisations/{id}", "not-an-id").then().statusCode(404);
        given().queryParam("from", "2023-13-01").get("/api/v1/overviews/organisations/{id}", a).then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        given().header("Authorization", "Bearer nonsense").get("/api/v1/overviews/organisations/{id}", a).then().statusCode(401);
        // a youth worker sees no other organisation: not the area, nor its list of organisations
        given().auth().oauth2(worker).get("/api/v1/overviews/municipalities/XW-A1").then().statusCode(403);
        given().auth().oauth2(worker).get("/api/v1/overviews/regions/XW1/organisations").then().statusCode(403);
    }

    @Test
    void shouldCountOnlyTheMonthsUpToTodayWhenThePeriodReachesPastIt() {
        LocalDate today = LocalDate.now(clock);
        LocalDate twoMonthsAgo = today.withDayOfMonth(1).minusMonths(2);
        LocalDate to = LocalDate.of(today.getYear() + 1, 12, 31);
        String every = Api.createOrganisation("Every month", "XW-B2", true);
        String two = Api.createOrganisation("Two months", "XW-B2", true);
        String silent = Api.createOrganisation("Silent", "XW-B2", true);
        for (LocalDate day : List.of(twoMonthsAgo, twoMonthsAgo.plusMonths(1), today)) {
            log(every, "XW-B2", day.toString(), 60, 1, "OTHER", List.of(participant("15-19", "FEMALE", 1)));
        }
        log(two, "XW-B2", twoMonthsAgo.plusDays(3).toString(), 60, 1, "OTHER", List.of(participant("15-19", "MALE", 1)));
        log(two, "XW-B2", twoMonthsAgo.plusMonths(1).toString(), 60, 1, "OTHER", List.of(participant("15-19", "MALE", 1)));
        int months = (to.getYear() - twoMonthsAgo.getYear()) * 12 + to.getMonthValue() - twoMonthsAgo.getMonthValue() + 1;

        overview(every, twoMonthsAgo.toString(), to.toString())
                .body("byMonth", hasSize(months))
                .body("totals.sessions", equalTo(3))
                .body("indicator223.asOf", equalTo(today.toString()))
                .body("indicator223.monthsCounted", equalTo(3))
                .body("indicator223.regularMonthsRequired", equalTo(3))
                .body("indicator223.monthsRecorded", equalTo(3))
                .body("indicator223.regular", equalTo(true));
        overview(two, twoMonthsAgo.toString(), to.toString())
                .body("indicator223.monthsRecorded", equalTo(2))
                .body("indicator223.regular", equalTo(false));
        given().queryParam("from", twoMonthsAgo.toString()).queryParam("to", to.toString())
                .get("/api/v1/overviews/municipalities/XW-B2").then().statusCode(200)
                .body("byMonth", hasSize(months))
                .body("totals.sessions", equalTo(5))
                .body("indicator223.asOf", equalTo(today.toString()))
                .body("indicator223.monthsCounted", equalTo(3))
                .body("indicator223.regularMonthsRequired", equalTo(3))
                .body("indicator223.memberOrganisations", equalTo(3))
                .body("indicator223.regularlyRecordingOrganisations", equalTo(1))
                .body("indicator223.value", equalTo(1.0f / 3))
                .body("indicator223.notRegular.organisationId", contains(silent, two))
                .body("indicator223.notRegular.name", contains("Silent", "Two months"))
                .body("indicator223.notRegular.monthsRecorded", contains(0, 2));

        // a period that has not begun counts nothing: nobody records regularly in it
        LocalDate nextMonth = today.withDayOfMonth(1).plusMonths(1);
        given().queryParam("from", nextMonth.toString()).queryParam("to", to.toString())
                .get("/api/v1/overviews/municipalities/XW-B2").then().statusCode(200)
                .body("totals.sessions", equalTo(0))
                .body("indicator223.monthsCounted", equalTo(0))
                .body("indicator223.regularMonthsRequired", equalTo(0))
                .body("indicator223.regularlyRecordingOrganisations", equalTo(0))
                .body("indicator223.value", equalTo(0.0f))
                .body("indicator223.notRegular", hasSize(3));
        overview(every, nextMonth.toString(), to.toString())
                .body("indicator223.monthsCounted", equalTo(0))
                .body("indicator223.monthsRecorded", equalTo(0))
                .body("indicator223.regular", equalTo(false));
    }

    @Test
    void shouldListNoMemberToFollowUpWhenAllRecordRegularly() {
        given().queryParam("from", "2023-02-01").queryParam("to", "2023-02-28")
                .get("/api/v1/overviews/municipalities/XW-A1").then().statusCode(200)
                .body("indicator223.memberOrganisations", equalTo(1))
                .body("indicator223.regularlyRecordingOrganisations", equalTo(1))
                .body("indicator223.notRegular", empty());
    }

    private static String token(String username, String role, String scopeField, String scope) {
        Api.createUser(username, PASSWORD, role, scopeField, scope);
        return Api.token(username, PASSWORD);
    }

    private static ValidatableResponse overview(String organisation, String from, String to) {
        return given().queryParam("from", from).queryParam("to", to)
                .get("/api/v1/overviews/organisations/{id}", organisation).then().statusCode(200);
    }

    private static void log(String org, String municipality, String date, int minutes, int workers, String setting,
                            List<Map<String, Object>> participants) {
        Map<String, Object> s = Api.session(org);
        s.put("municipalityCode", municipality);
        s.put("date", date);
        s.put("durationMinutes", minutes);
        s.put("youthWorkers", workers);
        s.put("setting", setting);
        s.put("participants", participants);
        s.put("firstTimeParticipants", 0);
        s.put("unorganisedYouth", 0);
        s.put("fewerOpportunities", 0);
        Api.createSession(s);
    }
}
