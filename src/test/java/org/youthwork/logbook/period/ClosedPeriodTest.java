package org.youthwork.logbook.period;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A coordinator closes a year of its country; its sessions are then fixed until an administrator reopens it. */
@QuarkusTest
class ClosedPeriodTest {

    @BeforeAll
    static void noDefaultCredentials() {
        Api.anonymous();
    }

    @Test
    void shouldFreezeTheSessionsOfAClosedYearUntilItIsReopened() {
        Api.asAdmin();
        String org = Api.createOrganisation("Closing centre", "SI-133", true);
        Map<String, Object> in2018 = Api.session(org);
        in2018.put("date", "2018-06-01");
        String before = Api.createSession(in2018);
        Map<String, Object> in2017 = Api.session(org);
        in2017.put("date", "2017-06-01");
        String earlier = Api.createSession(in2017);
        Api.anonymous();
        String coordinator = "coord-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(coordinator, "a long enough password", "NETWORK_COORDINATOR", "country", "SI");
        String token = Api.token(coordinator, "a long enough password");
        String admin = Api.adminToken();

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("country", "SI", "year", 2018))
                .post("/api/v1/periods/closed").then().statusCode(201).body("year", equalTo(2018));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("country", "SI", "year", 2018))
                .post("/api/v1/periods/closed").then().statusCode(409);

        Map<String, Object> another = Api.session(org);
        another.put("date", "2018-07-01");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(another).post("/api/v1/sessions").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("SI 2018"));
        in2018.put("title", "Changed after closing");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(in2018)
                .put("/api/v1/sessions/{id}", before).then().statusCode(409);
        given().auth().oauth2(admin).delete("/api/v1/sessions/{id}", before).then().statusCode(409);
        in2017.put("date", "2018-01-15");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(in2017)
                .put("/api/v1/sessions/{id}", earlier).then().statusCode(409);

        given().auth().oauth2(token).get("/api/v1/overviews/countries/SI?from=2018-01-01&to=2018-12-31").then()
                .statusCode(200).body("closed", equalTo(true));
        given().auth().oauth2(token).get("/api/v1/overviews/countries/SI?from=2017-01-01&to=2018-12-31").then()
                .statusCode(200).body("closed", equalTo(false));

        given().auth().oauth2(token).delete("/api/v1/periods/closed/SI/2018").then().statusCode(403);
        given().auth().oauth2(admin).delete("/api/v1/periods/closed/SI/2018").then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/v1/periods/closed/SI/2018").then().statusCode(404);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(another).post("/api/v1/sessions").then().statusCode(201);
        given().auth().oauth2(admin).delete("/api/v1/sessions/{id}", before).then().statusCode(204);
    }

    @Test
    void shouldRefuseToCloseAnotherCountryOrAFutureYear() {
        String coordinator = "coord-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(coordinator, "a long enough password", "NETWORK_COORDINATOR", "country", "BG");
        String token = Api.token(coordinator, "a long enough password");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("country", "SI", "year", 2016))
                .post("/api/v1/periods/closed").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("country", "BG", "year", 2999))
                .post("/api/v1/periods/closed").then().statusCode(400).body("violations[0].field", equalTo("year"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("country", "BG"))
                .post("/api/v1/periods/closed").then().statusCode(400).body("violations[0].field", equalTo("year"));
    }
}
