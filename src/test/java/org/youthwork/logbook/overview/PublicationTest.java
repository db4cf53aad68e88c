package org.youthwork.logbook.overview;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.youthwork.logbook.Api.participant;

/**
 * The published view through the API, on sessions of a test country of its own (QP): Alpha One (QP-A1) has four
 * sessions of 24 young people by three organisations, so that each kind of suppression shows; Beta Two (QP-B2) has
 * 51 organisations, the one with a small count beyond the 50 the region's overview lists.
 */
@QuarkusTest
class PublicationTest {

    private static final String YEAR = "from=2025-01-01&to=2025-12-31";
    private static boolean logged;
    private static String a;
    private static String b;
    private static String c;
    private static String small;
    private static String big00;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void logTheSessions() {
        if (logged) {
            return;
        }
        TestAreas.create(db, "QP");
        a = Api.createOrganisation("Publication A", "QP-A1", true);
        b = Api.createOrganisation("Publication B", "QP-A1", true);
        c = Api.createOrganisation("Publication C", "QP-A1", false);
        log(a, "QP-A1", "2025-03-10", "YOUTH_CENTRE", "OPEN", "CULTURE", 3, 9, 2,
                participant("15-19", "FEMALE", 6), participant("15-19", "MALE", 5));
        log(a, "QP-A1", "2025-03-20", "YOUTH_CENTRE", "OPEN", "CULTURE", 0, 8, 0,
                participant("20-24", "FEMALE", 4), participant("20-24", "MALE", 4));
        log(b, "QP-A1", "2025-04-05", "PUBLIC_SPACE", "STREET", "HEALTH", 1, 2, 1, participant("15-19", "MALE", 2));
        log(c, "QP-A1", "2025-04-15", "ONLINE", "DIGITAL", "HEALTH", 0, 0, 0, participant("25-29", "OTHER", 3));

        // 50 organisations of 10 young people in two sessions each, and one of 3 in one session: listed last.
        for (int i = 0; i < 50; i++) {
            String org = Api.createOrganisation(String.format("Big %02d", i), "QP-B2", false);
            big00 = i == 0 ? org : big00;
            log(org, "QP-B2", "2025-06-02", "YOUTH_CENTRE", "STREET", "CULTURE", 0, 0, 0, participant("15-19", "FEMALE", 5));
            log(org, "QP-B2", "2025-06-03", "YOUTH_CENTRE", "STREET", "CULTURE", 0, 0, 0, participant("15-19", "FEMALE", 5));
        }
        small = Api.createOrganisation("Small", "QP-B2", false);
        log(small, "QP-B2", "2025-06-04", "YOUTH_CENTRE", "STREET", "CULTURE", 0, 0, 0, participant("15-19", "FEMALE", 3));
        logged = true;
    }

    @Test
    void shouldPublishAMunicipalityWithSmallCountsWithheld() {
        given().get("/api/v1/overviews/municipalities/QP-A1?" + YEAR + "&publication=true").then().statusCode(200)
                .body("publication.threshold", equalTo(5))
                // 4 first-time participants, 3 of fewer opportunities: below 5
                .body("totals.sessions", equalTo(4), "totals.minutes", equalTo(480), "totals.participants", equalTo(24),
                        "totals.firstTimeParticipants", equalTo("<5"), "totals.unorganisedYouth", equalTo(19),
                        "totals.fewerOpportunities", equalTo("<5"))
                // 25-29 is 3; with the 13 of 15-19 and the total, 20-24 (8) would give it away: withheld, the smaller
                .body("byAgeBand", equalTo(Map.of("UNDER_15", 0, "15-19", 13, "20-24", "x", "25-29", "<5", "OVER_29", 0)))
                .body("byGender", equalTo(Map.of("FEMALE", "x", "MALE", 11, "OTHER", "<5")))
                // 20-24 × MALE (4) would follow from MALE's 11 and 15-19 × MALE (7), which then follows from 15-19's 13
                .body("byAgeBandAndGender", equalTo(Map.of(
                        "UNDER_15", Map.of("FEMALE", 0, "MALE", 0, "OTHER", 0),
                        "15-19", Map.of("FEMALE", "x", "MALE", "x", "OTHER", 0),
                        "20-24", Map.of("FEMALE", "<5", "MALE", "<5", "OTHER", 0),
                        "25-29", Map.of("FEMALE", 0, "MALE", 0, "OTHER", "<5"),
                        "OVER_29", Map.of("FEMALE", 0, "MALE", 0, "OTHER", 0))))
                // STREET 2 and DIGITAL 3 hide each other: together 5, and neither can be told
                .body("byMethod.participants", contains("<5", "<5", 0, 19, 0, 0, 0))
                .body("byMethod.sessions", contains(1, 1, 0, 2, 0, 0, 0))
                .body("byTheme.participants", contains(0, 0, 0, 0, 0, 0, 5, 19, 0))
                .body("bySetting.participants", contains(19, "<5", "<5", 0, 0))
                .body("byMonth.participants", contains(0, 0, 19, 5, 0, 0, 0, 0, 0, 0, 0, 0))
                .body("byOrganisation.organisationId", contains(a, b, c))
                .body("byOrganisation.participants", contains(19, "<5", "<5"))
                .body("byOrganisation.sessions", contains(2, 1, 1))
                .body("indicator223.memberOrganisations", equalTo(2));
    }

    @Test
    void shouldAnswerTheExactFiguresWithoutPublication() {
        for (String query : List.of(YEAR, YEAR + "&publication=false")) {
            given().get("/api/v1/overviews/municipalities/QP-A1?" + query).then().statusCode(200)
                    .body("$", not(hasKey("publication")))
                    .body("totals.participants", equalTo(24), "totals.firstTimeParticipants", equalTo(4),
                            "totals.unorganisedYouth", equalTo(19), "totals.fewerOpportunities", equalTo(3))
                    .body("byAgeBand", equalTo(Map.of("UNDER_15", 0, "15-19", 13, "20-24", 8, "25-29", 3, "OVER_29", 0)))
                    .body("byGender", equalTo(Map.of("FEMALE", 10, "MALE", 11, "OTHER", 3)))
                    .body("byAgeBandAndGender.'15-19'", equalTo(Map.of("FEMALE", 6, "MALE", 7, "OTHER", 0)))
                    .body("byAgeBandAndGender.'20-24'", equalTo(Map.of("FEMALE", 4, "MALE", 4, "OTHER", 0)))
                    .body("byMethod.participants", contains(2, 3, 0, 19, 0, 0, 0))
                    .body("bySetting.participants", contains(19, 2, 3, 0, 0))
                    .body("byMonth.participants", contains(0, 0, 19, 5, 0, 0, 0, 0, 0, 0, 0, 0))
                    .body("byOrganisation.participants", contains(19, 2, 3));
        }
    }

    @Test
    void shouldPublishAnOrganisationsOwnOverview() {
        given().get("/api/v1/overviews/organisations/" + b + "?" + YEAR + "&publication=true").then().statusCode(200)
                .body("publication.threshold", equalTo(5))
                .body("totals.sessions", equalTo(1), "totals.participants", equalTo("<5"),
                        "totals.firstTimeParticipants", equalTo("<5"), "totals.unorganisedYouth", equalTo("<5"))
                .body("byMunicipality.code", contains("QP-A1"))
                .body("byMunicipality.participants", contains("<5"));
    }

    /**
     * The 3 of "Small" is beyond the 50 organisations the region's overview lists: the overview must still withhold
     * one of the 50 (the first of the smallest, Big 00), or the total would give the 3 away; the paged list withholds
     * the same two.
     */
    @Test
    void shouldWithholdTheSameOrganisationsInTheOverviewAndItsPages() {
        JsonPath overview = given().get("/api/v1/overviews/regions/QP2?" + YEAR + "&publication=true").then().statusCode(200)
                .body("totals.participants", equalTo(503), "organisationsTotal", equalTo(51))
                .body("byMunicipality.participants", contains(0, 503))
                .extract().jsonPath();
        List<Map<String, Object>> listed = overview.getList("byOrganisation");
        assertEquals(50, listed.size());
        assertEquals(big00, listed.get(0).get("organisationId"));
        assertEquals("x", listed.get(0).get("participants"));
        listed.subList(1, 50).forEach(row -> assertEquals(10, row.get("participants"), row.toString()));

        List<Map<String, Object>> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(given().get("/api/v1/overviews/regions/QP2/organisations?" + YEAR + "&publication=true&size=20&page=" + page)
                    .then().statusCode(200).body("publication.threshold", equalTo(5), "total", equalTo(51))
                    .extract().jsonPath().getList("items"));
        }
        assertEquals(listed, paged.subList(0, 50));
        assertEquals(Map.of("organisationId", small, "name", "Small", "sessions", 1, "hours", 2.0f, "minutes", 120,
                "participants", "<5"), paged.get(50));

        given().get("/api/v1/overviews/regions/QP2/organisations?" + YEAR + "&size=20&page=2").then().statusCode(200)
                .body("$", not(hasKey("publication")))
                .body("items.participants", contains(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 3));
        given().get("/api/v1/overviews/countries/QP?" + YEAR + "&publication=true").then().statusCode(200)
                .body("byRegion.participants", contains(24, 503))
                // In the country, B's 2, C's 3 and Small's 3 hide each other: Big 00 is published
                .body("byOrganisation[0].organisationId", equalTo(big00), "byOrganisation[0].participants", equalTo(10));
    }

    @Test
    void shouldRefuseAPublicationParameterThatIsNotTrueOrFalse() {
        given().get("/api/v1/overviews/municipalities/QP-A1?publication=yes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("publication"));
    }

    /** publication=true opens nothing: each caller gets the same status with and without it, 403 outside its scope. */
    @Test
    void shouldKeepEveryCallerToItsScope() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Api.createUser("qp-muni-" + suffix, "a long enough password", "MUNICIPALITY", "municipalityCode", "QP-A1");
        Api.createUser("qp-lead-" + suffix, "a long enough password", "ORGANISATION_LEAD", "organisationId", a);
        Api.createUser("qp-coord-" + suffix, "a long enough password", "NETWORK_COORDINATOR", "country", "SI");
        String municipality = Api.token("qp-muni-" + suffix, "a long enough password");
        String lead = Api.token("qp-lead-" + suffix, "a long enough password");
        String coordinator = Api.token("qp-coord-" + suffix, "a long enough password");

        assertStatus(municipality, "/municipalities/QP-A1", 200);
        assertStatus(municipality, "/municipalities/QP-A2", 403);
        assertStatus(municipality, "/regions/QP1", 403);
        assertStatus(municipality, "/regions/QP1/organisations", 403);
        assertStatus(municipality, "/countries/QP", 403);
        assertStatus(municipality, "/countries/QP/organisations", 403);
        assertStatus(municipality, "/organisations/" + a, 403);
        assertStatus(lead, "/organisations/" + a, 200);
        assertStatus(lead, "/organisations/" + b, 403);
        assertStatus(lead, "/municipalities/QP-A1", 403);
        assertStatus(coordinator, "/countries/QP", 403);
        assertStatus(coordinator, "/regions/QP2/organisations", 403);
        assertStatus(coordinator, "/organisations/" + a, 403);
    }

    private static void assertStatus(String token, String overview, int status) {
        for (String publication : List.of("", "&publication=true")) {
            RequestSpecification request = given().header("Authorization", "Bearer " + token);
            request.get("/api/v1/overviews" + overview + "?" + YEAR + publication).then().statusCode(status);
        }
    }

    @SafeVarargs
    private static void log(String org, String municipality, String date, String setting, String method, String theme,
                            int firstTime, int unorganised, int fewer, Map<String, Object>... participants) {
        Map<String, Object> s = Api.session(org);
        s.put("municipalityCode", municipality);
        s.put("date", date);
        s.put("setting", setting);
        s.put("methods", List.of(method));
        s.put("themes", List.of(theme));
        s.put("participants", List.of(participants));
        s.put("firstTimeParticipants", firstTime);
        s.put("unorganisedYouth", unorganised);
        s.put("fewerOpportunities", fewer);
        Api.createSession(s);
    }
}
