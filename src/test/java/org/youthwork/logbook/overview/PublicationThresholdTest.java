package org.youthwork.logbook.overview;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.youthwork.logbook.Api.participant;

/**
 * logbook.publication.threshold=10: the same rule with "<10". Two sessions of 7 and 12 young people in a test country
 * of its own (QR), each of a setting, method, theme and month of its own: every 7 is below 10, and each is one cell
 * alone beside the total, so each 12 is withheld too.
 */
@QuarkusTest
@TestProfile(PublicationThresholdTest.ThresholdTen.class)
class PublicationThresholdTest {

    public static class ThresholdTen implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logbook.publication.threshold", "10");
        }
    }

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldWithholdCountsBelowTheConfiguredThreshold() {
        TestAreas.create(db, "QR");
        String org = Api.createOrganisation("Threshold centre " + System.nanoTime(), "QR-A1", true);
        log(org, "2025-02-10", "YOUTH_CENTRE", "STREET", "CULTURE", 7,
                participant("15-19", "FEMALE", 4), participant("15-19", "MALE", 3));
        log(org, "2025-03-10", "ONLINE", "DIGITAL", "HEALTH", 0, participant("20-24", "FEMALE", 12));

        given().get("/api/v1/overviews/organisations/" + org + "?from=2025-01-01&to=2025-12-31&publication=true")
                .then().statusCode(200)
                .body("publication.threshold", equalTo(10))
                .body("totals.participants", equalTo(19), "totals.unorganisedYouth", equalTo("<10"),
                        "totals.firstTimeParticipants", equalTo(0))
                .body("byAgeBand", equalTo(Map.of("UNDER_15", 0, "15-19", "<10", "20-24", "x", "25-29", 0, "OVER_29", 0)))
                .body("byGender", equalTo(Map.of("FEMALE", "x", "MALE", "<10", "OTHER", 0)))
                .body("byMethod.participants", contains("<10", "x", 0, 0, 0, 0, 0))
                .body("bySetting.participants", contains("<10", 0, "x", 0, 0))
                .body("byMonth.participants", contains(0, "<10", "x", 0, 0, 0, 0, 0, 0, 0, 0, 0))
                .body("byMunicipality.participants", contains(19));
        // At the default threshold of 5 nothing of this would be withheld; here the exact figures stay for who may see them.
        given().get("/api/v1/overviews/organisations/" + org + "?from=2025-01-01&to=2025-12-31")
                .then().statusCode(200)
                .body("totals.unorganisedYouth", equalTo(7), "byAgeBand.'15-19'", equalTo(7), "byAgeBand.'20-24'", equalTo(12));
    }

    @SafeVarargs
    private static void log(String org, String date, String setting, String method, String theme, int unorganised,
                            Map<String, Object>... participants) {
        Map<String, Object> s = Api.session(org);
        s.put("municipalityCode", "QR-A1");
        s.put("date", date);
        s.put("setting", setting);
        s.put("methods", List.of(method));
        s.put("themes", List.of(theme));
        s.put("participants", List.of(participants));
        s.put("firstTimeParticipants", 0);
        s.put("unorganisedYouth", unorganised);
        s.put("fewerOpportunities", 0);
        Api.createSession(s);
    }
}
