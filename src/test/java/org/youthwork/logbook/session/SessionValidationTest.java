package org.youthwork.logbook.session;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.youthwork.logbook.Api;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.youthwork.logbook.Api.participant;

/** Every kind of bad input, one by one: a 400 problem naming the field, and nothing stored. */
@QuarkusTest
class SessionValidationTest {

    private static String organisation;

    @Inject
    AgroalDataSource db;

    private long sessionsBefore;

    @BeforeAll
    static void logFailures() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void countSessions() {
        if (organisation == null) {
            organisation = Api.createOrganisation("Validation centre", "SI-133", true);
        }
        sessionsBefore = sessions();
    }

    static Stream<Arguments> badSessions() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Ljubljana")).plusDays(1);
        return Stream.of(
                bad("an unknown property", s -> s.put("colour", "blue"), "colour"),
                bad("a count given as text", s -> s.put("durationMinutes", "120"), "durationMinutes"),
                bad("a boolean given as text", s -> s.put("youthLed", "yes"), "youthLed"),
                bad("a boolean given as a number", s -> s.put("participantsEstimated", 1), "participantsEstimated"),
                bad("a title given as a number", s -> s.put("title", 42), "title"),
                bad("methods given as a string", s -> s.put("methods", "STREET"), "methods"),
                bad("a fraction for a whole number", s -> s.put("durationMinutes", 2.5), "durationMinutes"),
                bad("a number too large for an int", s -> s.put("durationMinutes", 3_000_000_000L), "durationMinutes"),
                bad("a number too large for a long", s -> s.put("participants",
                        List.of(participant("15-19", "FEMALE", new BigInteger("99999999999999999999999")))), "participants[0].count"),
                bad("a duration of zero", s -> s.put("durationMinutes", 0), "durationMinutes"),
                bad("a duration over a day", s -> s.put("durationMinutes", 1441), "durationMinutes"),
                bad("a missing duration", s -> s.remove("durationMinutes"), "durationMinutes"),
                bad("a count over 10000", s -> s.put("participants", List.of(participant("15-19", "FEMALE", 10001))), "participants[0].count"),
                bad("a negative count", s -> s.put("participants", List.of(participant("15-19", "FEMALE", -1))), "participants[0].count"),
                bad("a missing count", s -> s.put("participants", List.of(participant("15-19", "FEMALE", null))), "participants[0].count"),
                bad("an unknown method", s -> s.put("methods", List.of("STREET", "FLYING")), "methods[1]"),
                bad("an unknown theme", s -> s.put("themes", List.of("FISHING")), "themes[0]"),
                bad("an unknown setting", s -> s.put("setting", "BEACH"), "setting"),
                bad("an unknown age band", s -> s.put("participants", List.of(participant("30-34", "FEMALE", 1))), "participants[0].ageBand"),
                bad("an unknown gender", s -> s.put("participants", List.of(participant("15-19", "X", 1))), "participants[0].gender"),
                bad("an unknown municipality", s -> s.put("municipalityCode", "SI-999"), "municipalityCode"),
                bad("a malformed municipality code", s -> s.put("municipalityCode", "Velenje"), "municipalityCode"),
                bad("an unknown organisation", s -> s.put("organisationId", UUID.randomUUID().toString()), "organisationId"),
                bad("a malformed organisation id", s -> s.put("organisationId", "mc-velenje"), "organisationId"),
                bad("a malformed session id", s -> s.put("id", "abc"), "id"),
                bad("more first-timers than participants", s -> s.put("firstTimeParticipants", 12), "firstTimeParticipants"),
                bad("more unorganised youth than participants", s -> s.put("unorganisedYouth", 12), "unorganisedYouth"),
                bad("more with fewer opportunities than participants", s -> s.put("fewerOpportunities", 12), "fewerOpportunities"),
                bad("a negative sub-count", s -> s.put("fewerOpportunities", -1), "fewerOpportunities"),
                bad("a duplicate (age band, gender) pair", s -> s.put("participants", List.of(
                        participant("15-19", "FEMALE", 4), participant("15-19", "FEMALE", 2))), "participants[1]"),
                bad("a duplicate method", s -> s.put("methods", List.of("STREET", "STREET")), "methods[1]"),
                bad("a duplicate theme", s -> s.put("themes", List.of("HEALTH", "CULTURE", "HEALTH")), "themes[2]"),
                bad("no methods", s -> s.put("methods", List.of()), "methods"),
                bad("no themes", s -> s.put("themes", List.of()), "themes"),
                bad("no participants", s -> s.put("participants", List.of()), "participants"),
                bad("a null participant", s -> s.put("participants", Arrays.asList((Object) null)), "participants[0]"),
                bad("a date in the future", s -> s.put("date", tomorrow.toString()), "date"),
                bad("a date before 2000", s -> s.put("date", "1999-12-31"), "date"),
                bad("an impossible date", s -> s.put("date", "2026-02-30"), "date"),
                bad("a missing date", s -> s.remove("date"), "date"),
                bad("an empty title", s -> s.put("title", ""), "title"),
                bad("a blank title", s -> s.put("title", "   "), "title"),
                bad("a setting with a space after it", s -> s.put("setting", "ONLINE "), "setting"),
                bad("a method with a NUL after it", s -> s.put("methods", List.of("STREET\u0000")), "methods[0]"),
                bad("a title of control characters only", s -> s.put("title", "\u0019\t"), "title"),
                bad("a title over 200 characters", s -> s.put("title", "x".repeat(201)), "title"),
                bad("no youth workers", s -> s.put("youthWorkers", 0), "youthWorkers"),
                bad("over 1000 youth workers", s -> s.put("youthWorkers", 1001), "youthWorkers"),
                bad("a missing youth workers count", s -> s.remove("youthWorkers"), "youthWorkers"),
                bad("over 1000 volunteers", s -> s.put("volunteers", 1001), "volunteers"),
                bad("negative young leaders", s -> s.put("youngLeaders", -1), "youngLeaders"),
                bad("notes over 4000 characters", s -> s.put("notes", "x".repeat(4001)), "notes"),
                bad("a start time with seconds", s -> s.put("startTime", "17:00:30"), "startTime"),
                bad("an impossible start time", s -> s.put("startTime", "25:00"), "startTime"),
                bad("midnight written as 24:00", s -> s.put("startTime", "24:00"), "startTime"),
                bad("a missing organisation", s -> s.remove("organisationId"), "organisationId"),
                bad("a missing setting", s -> s.remove("setting"), "setting"));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> change, String field) {
        return arguments(what, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSessions")
    void shouldRefuseWithAProblemNamingTheField(String what, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = Api.session(organisation);
        change.accept(body);
        Api.post(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:logbook:problem:invalid-input"))
                .body("title", equalTo("Invalid input"))
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("violations.field", hasItem(field));
        assertNothingStored();
    }

    @Test
    void shouldReportEveryBrokenRuleAtOnce() {
        Map<String, Object> body = Api.session(organisation);
        body.put("durationMinutes", 0);
        body.put("title", "");
        body.put("firstTimeParticipants", 50);
        body.put("methods", new ArrayList<>(List.of("STREET", "STREET")));
        Api.post(body).statusCode(400)
                .body("violations.size()", equalTo(4))
                .body("detail", equalTo("The request has 4 invalid fields."));
        assertNothingStored();
    }

    @Test
    void shouldRefuseMalformedJson() {
        post("{\"title\": ").statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", containsString("malformed JSON"));
        post("{\"title\": \"a\",}").statusCode(400).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void shouldRefuseAnEmptyBody() {
        post("").statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", equalTo("a JSON body is required"));
        assertNothingStored();
    }

    @Test
    void shouldRefuseABodyThatIsNotAnObject() {
        post("[]").statusCode(400).contentType("application/problem+json");
        post("null").statusCode(400).contentType("application/problem+json");
        post("42").statusCode(400).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void shouldRefuseATenMegabyteBodyWith413() {
        String huge = "{\"notes\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        post(huge).statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertNothingStored();
    }

    @Test
    void shouldRefuseAStreamedJsonBodyWith411() throws Exception {
        var url = new java.net.URL(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/sessions");
        var connection = (java.net.HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(1024);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", "Bearer " + Api.adminToken());
        try (var out = connection.getOutputStream()) {
            out.write(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(Api.session(organisation)));
        }
        assertEquals(411, connection.getResponseCode());
        assertEquals("application/problem+json", connection.getContentType());
        assertNothingStored();
    }

    @Test
    void shouldRefuseAWrongContentTypeWith415() {
        given().contentType(ContentType.TEXT).body("title=Street outreach").post("/api/v1/sessions").then()
                .statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().contentType(ContentType.URLENC).formParam("title", "x").post("/api/v1/sessions").then()
                .statusCode(415).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void shouldNeverAnswerWithAJavaClassName() {
        Map<String, Object> body = Api.session(organisation);
        body.put("durationMinutes", "sixty");
        Api.post(body).statusCode(400).body(not(containsString("java.")));
        post("{\"participants\": [{\"count\": {}}]}").statusCode(400).body(not(containsString("java.")));
    }

    private static io.restassured.response.ValidatableResponse post(String raw) {
        return given().contentType(ContentType.JSON).body(raw).post("/api/v1/sessions").then();
    }

    private void assertNothingStored() {
        assertEquals(sessionsBefore, sessions(), "a refused request stored something");
    }

    private long sessions() {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from youth_session")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
