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

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.youthwork.logbook.Api.logSession;
import static org.youthwork.logbook.Api.participant;

/**
 * Overviews of hand-made sessions in a test country (XF), every figure written out. In 2023, organisation A (member,
 * based in XF-A1) logs S1 on the first day of the year (two methods), S2 in XF-B1 (another municipality and region
 * than its own), S3 on the last day, S4 and S5 one day outside the year, and S7, which it deletes; C (not a member,
 * XF-B2) logs S6 in XF-A1; B (member, XF-A2) logs nothing.
 */
@QuarkusTest
class OverviewFixturesTest {

    private static boolean logged;
    private static String a;
    private static String b;
    private static String c;

    @Inject
    AgroalDataSource db;

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
        TestAreas.create(db, "XF");
        a = Api.createOrganisation("Centre A", "XF-A1", true);
        b = Api.createOrganisation("Centre B", "XF-A2", true);
        c = Api.createOrganisation("Association C", "XF-B2", false);
        // S1: 90 min, 2 workers, 11 participants, two methods
        logSession(a, "XF-A1", "2023-01-01", 90, 2, List.of("STREET", "INFORMAL_GROUP"), List.of("EMPLOYMENT"),
                "PUBLIC_SPACE",
                List.of(participant("15-19", "FEMALE", 4), participant("15-19", "MALE", 6), participant("20-24", "OTHER", 1)),
                3, 9, 2, false);
        // S2: held in XF-B1, youth-led, 60 min, 5 participants
        logSession(a, "XF-B1", "2023-06-15", 60, 1, List.of("OPEN"), List.of("HEALTH"), "YOUTH_CENTRE",
                List.of(participant("UNDER_15", "FEMALE", 2), participant("25-29", "MALE", 3)), 0, 5, 0, true);
        // S3: the last day, 30 min, 3 participants
        logSession(a, "XF-A1", "2023-12-31", 30, 1, List.of("DIGITAL"), List.of("CULTURE"), "ONLINE",
                List.of(participant("OVER_29", "OTHER", 1), participant("15-19", "FEMALE", 2)), 1, 0, 0, false);
        // S4, S5: a day outside the year on either side
        logSession(a, "XF-A1", "2022-12-31", 45, 1, List.of("OPEN"), List.of("AUTONOMY"), "YOUTH_CENTRE",
                List.of(participant("15-19", "MALE", 7)), 0, 0, 0, false);
        logSession(a, "XF-A1", "2024-01-01", 45, 1, List.of("OPEN"), List.of("AUTONOMY"), "YOUTH_CENTRE",
                List.of(participant("15-19", "MALE", 8)), 0, 0, 0, false);
        // S6: by the non-member C, held in XF-A1, 120 min, 3 workers, 10 participants
        logSession(c, "XF-A1", "2023-03-10", 120, 3, List.of("EVENT"), List.of("CULTURE", "PARTICIPATION"), "OTHER",
                List.of(participant("20-24", "FEMALE", 10)), 0, 4, 1, false);
        // S7: deleted
        String s7 = logSession(a, "XF-A1", "2023-03-11", 600, 5, List.of("OPEN"), List.of("AUTONOMY"), "YOUTH_CENTRE",
                List.of(participant("15-19", "FEMALE", 100)), 0, 0, 0, false);
        given().delete("/api/v1/sessions/{id}", s7).then().statusCode(204);
        logged = true;
    }

    @Test
    void shouldSumTheSessionsHeldInAMunicipality() {
        overview("municipalities/XF-A1", "2023-01-01", "2023-12-31")
                .body("area.level", equalTo("MUNICIPALITY"))
                .body("area.name", equalTo("Alpha One"))
                .body("from", equalTo("2023-01-01"))
                .body("to", equalTo("2023-12-31"))
                .body("totals.sessions", equalTo(3))
                .body("totals.minutes", equalTo(240))
                .body("totals.hours", equalTo(4.0f))
                .body("totals.youthWorkerMinutes", equalTo(570))
                .body("totals.youthWorkerHours", equalTo(9.5f))
                .body("totals.participants", equalTo(24))
                .body("totals.firstTimeParticipants", equalTo(4))
                .body("totals.unorganisedYouth", equalTo(13))
                .body("totals.fewerOpportunities", equalTo(3))
                .body("totals.youthLedSessions", equalTo(0))
                .body("byAgeBand", equalTo(Map.of("UNDER_15", 0, "15-19", 12, "20-24", 11, "25-29", 0, "OVER_29", 1)))
                .body("byGender", equalTo(Map.of("FEMALE", 16, "MALE", 6, "OTHER", 2)))
                .body("byAgeBandAndGender", equalTo(Map.of(
                        "UNDER_15", Map.of("FEMALE", 0, "MALE", 0, "OTHER", 0),
                        "15-19", Map.of("FEMALE", 6, "MALE", 6, "OTHER", 0),
                        "20-24", Map.of("FEMALE", 10, "MALE", 0, "OTHER", 1),
                        "25-29", Map.of("FEMALE", 0, "MALE", 0, "OTHER", 0),
                        "OVER_29", Map.of("FEMALE", 0, "MALE", 0, "OTHER", 1))))
                .body("byMethod.method", contains("STREET", "DIGITAL", "INFORMAL_GROUP", "OPEN", "GROUP_PROGRAMME", "EVENT", "COUNSELLING"))
                .body("byMethod.sessions", contains(1, 1, 1, 0, 0, 1, 0))
                .body("byMethod.minutes", contains(90, 30, 90, 0, 0, 120, 0))
                .body("byMethod.participants", contains(11, 3, 11, 0, 0, 10, 0))
                .body("byTheme.find { it.theme == 'CULTURE' }.sessions", equalTo(2))
                .body("byTheme.find { it.theme == 'CULTURE' }.participants", equalTo(13))
                .body("byTheme.find { it.theme == 'EMPLOYMENT' }.sessions", equalTo(1))
                .body("byTheme.find { it.theme == 'PARTICIPATION' }.sessions", equalTo(1))
                .body("byTheme.find { it.theme == 'HEALTH' }.sessions", equalTo(0))
                .body("bySetting.setting", contains("YOUTH_CENTRE", "PUBLIC_SPACE", "ONLINE", "SCHOOL", "OTHER"))
                .body("bySetting.sessions", contains(0, 1, 1, 0, 1))
                .body("byMonth", hasSize(12))
                .body("byMonth.sessions", contains(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1))
                .body("byMonth[0].month", equalTo("2023-01"))
                .body("byMonth[2].minutes", equalTo(120))
                .body("byOrganisation.organisationId", contains(a, c))
                .body("byOrganisation.sessions", contains(2, 1))
                .body("byOrganisation.minutes", contains(120, 120))
                .body("byOrganisation.participants", contains(14, 10))
                .body("byMunicipality", nullValue())
                .body("byRegion", nullValue())
                .body("indicator223.memberOrganisations", equalTo(1))
                .body("indicator223.recordingOrganisations", equalTo(1))
                .body("indicator223.regularlyRecordingOrganisations", equalTo(0))
                .body("indicator223.regularMonthsRequired", equalTo(9))
                .body("indicator223.value", equalTo(0.0f))
                .body("indicator223.municipalitiesCovered", equalTo(1))
                .body("indicator223.completeness.recordingOrganisations", contains(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void shouldCountEveryMunicipalityOfARegionAndItsMemberWithoutSessions() {
        overview("regions/XF1", "2023-01-01", "2023-12-31")
                .body("area.level", equalTo("REGION"))
                .body("totals.sessions", equalTo(3))
                .body("totals.participants", equalTo(24))
                .body("byMunicipality.code", contains("XF-A1", "XF-A2"))
                .body("byMunicipality.sessions", contains(3, 0))
                .body("byMunicipality.minutes", contains(240, 0))
                .body("byRegion", nullValue())
                .body("indicator223.memberOrganisations", equalTo(2))
                .body("indicator223.recordingOrganisations", equalTo(1))
                .body("indicator223.value", equalTo(0.0f))
                .body("indicator223.municipalitiesCovered", equalTo(1));
    }

    @Test
    void shouldCountASessionWhereItWasHeldNotWhereItsOrganisationIs() {
        overview("regions/XF2", "2023-01-01", "2023-12-31")
                .body("totals.sessions", equalTo(1))
                .body("totals.minutes", equalTo(60))
                .body("totals.youthLedSessions", equalTo(1))
                .body("totals.youthLedMinutes", equalTo(60))
                .body("totals.youthLedHours", equalTo(1.0f))
                .body("byOrganisation.organisationId", contains(a))
                .body("byMunicipality.sessions", contains(1, 0))
                .body("indicator223.memberOrganisations", equalTo(0))
                .body("indicator223.value", equalTo(0.0f));
    }

    @Test
    void shouldSumACountryByRegion() {
        overview("countries/XF", "2023-01-01", "2023-12-31")
                .body("area.level", equalTo("COUNTRY"))
                .body("totals.sessions", equalTo(4))
                .body("totals.minutes", equalTo(300))
                .body("totals.hours", equalTo(5.0f))
                .body("totals.participants", equalTo(29))
                .body("byRegion.code", contains("XF1", "XF2"))
                .body("byRegion.sessions", contains(3, 1))
                .body("byMunicipality.sessions", contains(3, 0, 1, 0))
                .body("indicator223.memberOrganisations", equalTo(2))
                .body("indicator223.municipalitiesCovered", equalTo(2));
    }

    @Test
    void shouldMeasureAOneMonthPeriod() {
        overview("countries/XF", "2023-06-01", "2023-06-30")
                .body("totals.sessions", equalTo(1))
                .body("byMonth", hasSize(1))
                .body("indicator223.regularMonthsRequired", equalTo(1))
                .body("indicator223.recordingOrganisations", equalTo(1))
                .body("indicator223.regularlyRecordingOrganisations", equalTo(1))
                .body("indicator223.value", equalTo(0.5f));
    }

    @Test
    void shouldMeasureAThreeYearPeriodIncludingTheDaysAroundTheYear() {
        overview("municipalities/XF-A1", "2022-01-01", "2024-12-31")
                .body("totals.sessions", equalTo(5))
                .body("totals.minutes", equalTo(330))
                .body("totals.participants", equalTo(39))
                .body("byMonth", hasSize(36))
                .body("byMonth[11].sessions", equalTo(1))
                .body("byMonth[24].sessions", equalTo(1))
                .body("indicator223.regularMonthsRequired", equalTo(27));
    }

    @Test
    void shouldCountASessionTheMomentItIsSavedAndForgetItTheMomentItIsDeleted() {
        overview("municipalities/XF-B2", "2021-01-01", "2021-12-31").body("totals.sessions", equalTo(0));
        String id = logSession(b, "XF-B2", "2021-05-05", 50, 1, List.of("COUNSELLING"), List.of("AUTONOMY"), "OTHER",
                List.of(participant("20-24", "MALE", 1)), 0, 0, 0, false);
        overview("municipalities/XF-B2", "2021-01-01", "2021-12-31")
                .body("totals.sessions", equalTo(1))
                .body("totals.minutes", equalTo(50))
                .body("totals.hours", equalTo(0.83f));
        given().delete("/api/v1/sessions/{id}", id).then().statusCode(204);
        overview("municipalities/XF-B2", "2021-01-01", "2021-12-31").body("totals.sessions", equalTo(0));
    }

    @Test
    void shouldListEveryMemberInTheAnnualAnalysisIncludingThoseWithoutSessions() {
        given().queryParam("country", "XF").queryParam("year", 2023).get("/api/v1/reports/annual-analysis").then()
                .statusCode(200)
                .body("year", equalTo(2023))
                .body("organisations.organisationId", contains(a, b))
                .body("organisations[0].sessions", equalTo(3))
                .body("organisations[0].minutes", equalTo(180))
                .body("organisations[0].youthWorkerMinutes", equalTo(270))
                .body("organisations[0].participants", equalTo(19))
                .body("organisations[0].participantsByAgeBand", equalTo(Map.of("UNDER_15", 2, "15-19", 12, "20-24", 1, "25-29", 3, "OVER_29", 1)))
                .body("organisations[0].participantsByGender", equalTo(Map.of("FEMALE", 8, "MALE", 9, "OTHER", 2)))
                .body("organisations[0].sessionsByMethod.STREET", equalTo(1))
                .body("organisations[0].sessionsByMethod.OPEN", equalTo(1))
                .body("organisations[0].sessionsByTheme.CULTURE", equalTo(1))
                .body("organisations[0].youthLedSessions", equalTo(1))
                .body("organisations[0].monthsRecorded", equalTo(3))
                .body("organisations[0].firstTimeParticipants", equalTo(4))
                .body("organisations[0].unorganisedYouth", equalTo(14))
                .body("organisations[0].fewerOpportunities", equalTo(2))
                .body("organisations[1].sessions", equalTo(0))
                .body("organisations[1].monthsRecorded", equalTo(0))
                .body("organisations[1].sessionsByMethod.STREET", equalTo(0));
    }

    @Test
    void shouldWriteTheAnnualAnalysisAsCsvForASpreadsheet() {
        String csv = given().accept("text/csv").queryParam("country", "XF").queryParam("year", 2023)
                .get("/api/v1/reports/annual-analysis").then()
                .statusCode(200)
                .contentType("text/csv")
                .extract().asString();
        String[] lines = csv.split("\r\n", -1);
        // Without Accept-Language: English headings, ',' and a decimal point; the organisation's name first, its id last.
        org.junit.jupiter.api.Assertions.assertTrue(lines[0].startsWith("\uFEFFOrganisation,Municipality,Municipality code,"
                + "Sessions,Hours,Minutes,Youth-worker hours,Youth-worker minutes,Participants,"), lines[0]);
        org.junit.jupiter.api.Assertions.assertTrue(lines[0].endsWith(",Organisation ID"), lines[0]);
        org.junit.jupiter.api.Assertions.assertEquals(4, lines.length, "header, two members, and the final line end");
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].startsWith("Centre A,Alpha One,XF-A1,3,3.00,180,4.50,270,19,"), lines[1]);
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].endsWith("," + a), lines[1]);
        org.junit.jupiter.api.Assertions.assertTrue(lines[2].startsWith("Centre B,Alpha Two,XF-A2,0,0.00,0,0.00,0,0,"), lines[2]);
        org.junit.jupiter.api.Assertions.assertTrue(lines[2].endsWith("," + b), lines[2]);
        org.junit.jupiter.api.Assertions.assertEquals("", lines[3]);
    }

    @Test
    void shouldRefuseBadPeriodsAndUnknownAreas() {
        given().queryParam("from", "2023-05-01").queryParam("to", "2023-04-30").get("/api/v1/overviews/countries/XF").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("to"));
        given().queryParam("from", "2023-13-01").get("/api/v1/overviews/countries/XF").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2010-01-01").queryParam("to", "2020-01-01").get("/api/v1/overviews/countries/XF").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        given().queryParam("from", "2010-01-01").queryParam("to", "2019-12-31").get("/api/v1/overviews/countries/XF").then()
                .statusCode(200).body("byMonth", hasSize(120));
        given().get("/api/v1/overviews/municipalities/XF-Z9").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/overviews/regions/XF9").then().statusCode(404);
        given().get("/api/v1/overviews/countries/XQ").then().statusCode(404);
        given().queryParam("country", "XQ").get("/api/v1/reports/annual-analysis").then().statusCode(400);
        given().get("/api/v1/reports/annual-analysis").then().statusCode(400).body("violations[0].field", equalTo("country"));
        given().queryParam("country", "XF").queryParam("year", "1999").get("/api/v1/reports/annual-analysis").then().statusCode(400);
    }

    private static ValidatableResponse overview(String area, String from, String to) {
        return given().queryParam("from", from).queryParam("to", to).get("/api/v1/overviews/" + area).then().statusCode(200);
    }
}
