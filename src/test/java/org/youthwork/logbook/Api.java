package org.youthwork.logbook;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Test data made through the API, the way a client makes it. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static String adminToken;

    private Api() {
    }

    /** Every request of the calling test class goes as the administrator, unless it says otherwise. */
    public static void asAdmin() {
        RestAssured.replaceFiltersWith((request, response, context) -> {
            // Added when the request is sent: the test port is only known then. A request that names its own
            // credentials, and the token endpoint itself, go as they are.
            if (!request.getHeaders().hasHeaderWithName("Authorization") && !request.getURI().contains("/auth/token")) {
                request.header("Authorization", "Bearer " + adminToken());
            }
            return context.next(request, response);
        });
    }

    /** Requests of the calling test class carry only the credentials they name. */
    public static void anonymous() {
        RestAssured.replaceFiltersWith(List.of());
    }

    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = token(ADMIN, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public static String token(String username, String password) {
        return RestAssured.given()
                .formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    /** A person's account, made by the administrator; answers its id. */
    public static String createUser(String username, String password, String role, String scopeField, String scope) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", password, "role", role));
        if (scopeField != null) {
            body.put(scopeField, scope);
        }
        return RestAssured.given()
                .header("Authorization", "Bearer " + adminToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
    }

    public static String createOrganisation(String name, String municipalityCode, boolean member) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "YOUTH_CENTRE", "municipalityCode", municipalityCode, "member", member))
                .post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
    }

    /** A valid session of 11 participants (4 + 6 + 1), as in the contract's example; change what a test needs. */
    public static Map<String, Object> session(String organisationId) {
        Map<String, Object> s = new HashMap<>();
        s.put("organisationId", organisationId);
        s.put("municipalityCode", "SI-133");
        s.put("date", LocalDate.now().minusDays(10).toString());
        s.put("startTime", "17:00");
        s.put("durationMinutes", 120);
        s.put("title", "Street outreach at the bus station");
        s.put("methods", new ArrayList<>(List.of("STREET", "INFORMAL_GROUP")));
        s.put("themes", new ArrayList<>(List.of("EMPLOYMENT", "FEWER_OPPORTUNITIES")));
        s.put("setting", "PUBLIC_SPACE");
        s.put("participants", new ArrayList<>(List.of(
                participant("15-19", "FEMALE", 4),
                participant("15-19", "MALE", 6),
                participant("20-24", "OTHER", 1))));
        s.put("participantsEstimated", false);
        s.put("firstTimeParticipants", 3);
        s.put("unorganisedYouth", 9);
        s.put("fewerOpportunities", 2);
        s.put("youthWorkers", 2);
        s.put("volunteers", 1);
        s.put("youthLed", false);
        s.put("youngLeaders", 0);
        s.put("notes", "Two of the group asked about the summer job fair.");
        return s;
    }

    public static Map<String, Object> participant(String ageBand, String gender, Object count) {
        Map<String, Object> p = new HashMap<>();
        p.put("ageBand", ageBand);
        p.put("gender", gender);
        p.put("count", count);
        return p;
    }

    /**
     * A session of the organisation's as an overview test writes its fixtures out: where, when, how long, with whom and
     * what it counts (youth-led sessions have two young leaders); answers its id.
     */
    public static String logSession(String org, String municipality, String date, int minutes, int workers,
                                    List<String> methods, List<String> themes, String setting,
                                    List<Map<String, Object>> participants, int firstTimers, int unorganised, int fewer,
                                    boolean youthLed) {
        Map<String, Object> s = session(org);
        s.put("municipalityCode", municipality);
        s.put("date", date);
        s.put("durationMinutes", minutes);
        s.put("youthWorkers", workers);
        s.put("methods", methods);
        s.put("themes", themes);
        s.put("setting", setting);
        s.put("participants", participants);
        s.put("firstTimeParticipants", firstTimers);
        s.put("unorganisedYouth", unorganised);
        s.put("fewerOpportunities", fewer);
        s.put("youthLed", youthLed);
        s.put("youngLeaders", youthLed ? 2 : 0);
        return createSession(s);
    }

    public static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").then();
    }

    public static String createSession(Map<String, Object> body) {
        return post(body).statusCode(201).extract().path("id");
    }
}
