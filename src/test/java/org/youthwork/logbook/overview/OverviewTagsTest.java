package org.youthwork.logbook.overview;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Conditional GET of overviews and the annual analysis: an unchanged answer is a 304 with no body, and any change it shows (a session logged
 * or corrected, an organisation, a closed year) gives a new tag in the same moment; a change elsewhere does not. The
 * caller is checked before a 304 as before an answer.
 */
@QuarkusTest
class OverviewTagsTest {

    private static final String OVERVIEW = "/api/v1/overviews/municipalities/XE-A1";
    private static final String YEAR = "?from=2025-01-01&to=2025-12-31";

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldAnswerNotModifiedUntilWhatTheOverviewShowsChanges() {
        TestAreas.create(db, "XE");
        TestAreas.create(db, "XG");
        String org = Api.createOrganisation("Tagged centre", "XE-A1", true);
        String id = log(org, "XE-A1", 120);

        Response first = given().get(OVERVIEW + YEAR).then().statusCode(200)
                .header("Cache-Control", "private, no-cache").header("ETag", startsWith("W/\""))
                .body("totals.sessions", equalTo(1)).extract().response();
        String tag = first.header("ETag");
        given().header("If-None-Match", tag).get(OVERVIEW + YEAR).then().statusCode(304)
                .header("ETag", tag).body(emptyString());
        given().header("If-None-Match", "W/\"other\", " + tag).get(OVERVIEW + YEAR).then().statusCode(304);
        given().header("If-None-Match", "W/\"other\"").get(OVERVIEW + YEAR).then().statusCode(200);

        // Another answer of the same overview has its own tag: the published view, a spreadsheet, another language.
        assertNotEquals(tag, given().get(OVERVIEW + YEAR + "&publication=true").then().statusCode(200).extract().header("ETag"));
        String sheet = given().queryParam("format", "xlsx").get(OVERVIEW + YEAR).then().statusCode(200).extract().header("ETag");
        assertNotEquals(tag, sheet);
        given().header("If-None-Match", sheet).queryParam("format", "xlsx").get(OVERVIEW + YEAR).then().statusCode(304);
        assertNotEquals(tag, given().header("Accept-Language", "sl").get(OVERVIEW + YEAR).then().extract().header("ETag"));

        // Work in another country, and a correction no figure counts, change nothing here.
        log(Api.createOrganisation("Elsewhere", "XG-A1", true), "XG-A1", 60);
        Map<String, Object> notes = session(org, "XE-A1", 120);
        notes.put("notes", "Written up the next morning.");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(notes).put("/api/v1/sessions/{id}", id)
                .then().statusCode(200);
        given().header("If-None-Match", tag).get(OVERVIEW + YEAR).then().statusCode(304);

        // A session logged: the answer is new, with the new figure, under a new tag.
        log(org, "XE-A2", 45);
        String logged = given().header("If-None-Match", tag).get(OVERVIEW + YEAR).then().statusCode(200)
                .body("totals.sessions", equalTo(1)).extract().header("ETag");
        assertNotEquals(tag, logged, "a session in the same country changes the tag of all its overviews");
        String region = given().get("/api/v1/overviews/regions/XE1" + YEAR).then().statusCode(200)
                .body("totals.sessions", equalTo(2)).extract().header("ETag");

        // Corrected, deleted: new answers each time.
        Map<String, Object> longer = session(org, "XE-A1", 150);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(longer).put("/api/v1/sessions/{id}", id)
                .then().statusCode(200);
        String corrected = given().header("If-None-Match", logged).get(OVERVIEW + YEAR).then().statusCode(200)
                .body("totals.minutes", equalTo(150)).extract().header("ETag");
        given().delete("/api/v1/sessions/{id}", id).then().statusCode(204);
        String deleted = given().header("If-None-Match", corrected).get(OVERVIEW + YEAR).then().statusCode(200)
                .body("totals.sessions", equalTo(0)).extract().header("ETag");
        given().header("If-None-Match", region).get("/api/v1/overviews/regions/XE1" + YEAR).then().statusCode(200)
                .body("totals.sessions", equalTo(1));

        // A year closed: the overview says so, under a new tag.
        given().contentType(ContentType.JSON).body(Map.of("country", "XE", "year", 2025)).post("/api/v1/periods/closed")
                .then().statusCode(201);
        try {
            given().header("If-None-Match", deleted).get(OVERVIEW + YEAR).then().statusCode(200).body("closed", equalTo(true));
        } finally {
            given().delete("/api/v1/periods/closed/XE/2025").then().statusCode(204);
        }
    }

    @Test
    void shouldRefuseACallerWhoMayNotSeeTheAreaEvenWithItsTag() {
        TestAreas.create(db, "XE");
        String tag = given().get(OVERVIEW + YEAR).then().statusCode(200).extract().header("ETag");
        String token = municipalityToken("XE-B1");
        given().header("Authorization", "Bearer " + token).header("If-None-Match", tag).get(OVERVIEW + YEAR).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + token).header("If-None-Match", tag).get("/api/v1/overviews/municipalities/XE-Z9" + YEAR)
                .then().statusCode(404);
        assertEquals(304, given().header("If-None-Match", tag).get(OVERVIEW + YEAR).then().extract().statusCode(),
                "the administrator, who may, still gets the 304");
    }

    @Test
    void shouldAnswerTheAnnualAnalysisNotModifiedUntilItsMembersLogMore() {
        TestAreas.create(db, "XH");
        String org = Api.createOrganisation("Annual centre", "XH-B2", true);
        String analysis = "/api/v1/reports/annual-analysis?country=XH&year=2025";
        String tag = given().get(analysis).then().statusCode(200).header("Cache-Control", "private, no-cache")
                .body("organisations[0].sessions", equalTo(0)).extract().header("ETag");
        given().header("If-None-Match", tag).get(analysis).then().statusCode(304).body(emptyString());
        String sheet = given().queryParam("format", "csv").get(analysis).then().statusCode(200).extract().header("ETag");
        assertNotEquals(tag, sheet);
        given().header("If-None-Match", sheet).queryParam("format", "csv").get(analysis).then().statusCode(304);

        log(org, "XH-A1", 60);
        given().header("If-None-Match", tag).get(analysis).then().statusCode(200).body("organisations[0].sessions", equalTo(1));
        given().header("If-None-Match", sheet).queryParam("format", "csv").get(analysis).then().statusCode(200);

        given().header("Authorization", "Bearer " + municipalityToken("XH-B2")).header("If-None-Match", tag)
                .get(analysis).then().statusCode(403);
    }

    @Test
    void shouldAnswerTheMonthsRecordedNotModifiedUntilAMemberRecordsAnotherMonth() {
        TestAreas.create(db, "XM");
        String org = Api.createOrganisation("Grid centre", "XM-B2", true);
        String grid = "/api/v1/reports/months-recorded?country=XM&year=2025";
        String tag = given().get(grid).then().statusCode(200).header("Cache-Control", "private, no-cache")
                .body("organisations[0].months", hasSize(0)).extract().header("ETag");
        given().header("If-None-Match", tag).get(grid).then().statusCode(304).body(emptyString());

        log(org, "XM-A1", 60);
        given().header("If-None-Match", tag).get(grid).then().statusCode(200).body("organisations[0].months", contains("2025-05"));

        given().header("Authorization", "Bearer " + municipalityToken("XM-B2")).header("If-None-Match", tag)
                .get(grid).then().statusCode(403);
    }

    /** A token of a new municipality account: it sees its own municipality's overview, no other area, no report. */
    private static String municipalityToken(String municipality) {
        String username = "tags-" + System.nanoTime();
        Api.createUser(username, "a-long-password-1", "MUNICIPALITY", "municipalityCode", municipality);
        return Api.token(username, "a-long-password-1");
    }

    private static String log(String org, String municipality, int minutes) {
        return Api.createSession(session(org, municipality, minutes));
    }

    private static Map<String, Object> session(String org, String municipality, int minutes) {
        Map<String, Object> s = Api.session(org);
        s.put("municipalityCode", municipality);
        s.put("date", LocalDate.of(2025, 5, 12).toString());
        s.put("durationMinutes", minutes);
        return s;
    }
}
