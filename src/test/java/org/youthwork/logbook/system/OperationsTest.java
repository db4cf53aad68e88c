package org.youthwork.logbook.system;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OperationsTest {

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
    }

    @Test
    void shouldBeReadyWhenTheDatabaseAnswers() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void shouldExposeMetricsInPrometheusFormat() {
        given().get("/api/v1/countries").then().statusCode(200);
        given().accept("text/plain").get("/q/metrics").then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE http_server_requests_seconds"))
                .body(containsString("uri=\"/api/v1/countries\""));
    }

    @Test
    void shouldAnswerUnknownPathsAndMethodsWithProblems() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().patch("/api/v1/sessions").then().statusCode(405).contentType("application/problem+json");
        given().accept("application/xml").get("/api/v1/countries").then().statusCode(406).contentType("application/problem+json");
    }
}
