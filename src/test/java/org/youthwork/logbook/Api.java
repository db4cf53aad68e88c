package org.youthwork.logbook;

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

    private Api() {
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

    public static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").then();
    }

    public static String createSession(Map<String, Object> body) {
        return post(body).statusCode(201).extract().path("id");
    }
}
