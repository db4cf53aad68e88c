package org.youthwork.logbook.system;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.youthwork.logbook.Api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What the address and its query carry is checked before any operation runs, and every refusal is a problem. */
@QuarkusTest
class RequestParametersTest {

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldRefuseAQueryParameterTheOperationDoesNotKnow() {
        given().queryParam("organisationID", "0b9f3f0e-2c4e-4d1e-9d6c-4c1f6a2d9b10").get("/api/v1/sessions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("organisationID"))
                .body("violations[0].message", containsString("organisationId"));
    }

    @Test
    void shouldRefuseAQueryParameterGivenTwice() {
        given().urlEncodingEnabled(false).get("/api/v1/countries?page=0&page=1").then()
                .statusCode(400).body("violations[0].field", equalTo("page"));
    }

    @Test
    void shouldAnswerARequestWithoutHostWithAProblem() throws java.io.IOException {
        // Sent as raw bytes: HTTP clients always send Host.
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET /api/v1/countries HTTP/1.1\r\nAuthorization: Bearer " + Api.adminToken()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"status\":400") && answer.contains("Host"), answer);
        }
    }

    @Test
    void shouldRefuseAnEmptyQueryParameter() {
        given().urlEncodingEnabled(false).get("/api/v1/overviews/countries/SI?to=").then()
                .statusCode(400).body("violations[0].field", equalTo("to"))
                .body("violations[0].message", containsString("leave the parameter out"));
    }

    @Test
    void shouldAskForIfMatchBeforeLookingTheSessionUp() {
        given().contentType("application/json").body("{}").put("/api/v1/organisations/0b9f3f0e-2c4e-4d1e-9d6c-4c1f6a2d9b10")
                .then().statusCode(400);
        given().contentType("application/json")
                .body(java.util.Map.of("name", "Nowhere", "type", "OTHER", "municipalityCode", "SI-133", "member", false))
                .put("/api/v1/organisations/0b9f3f0e-2c4e-4d1e-9d6c-4c1f6a2d9b10")
                .then().statusCode(428).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-4713-01-01", "-999999999-01-01", "+10000-01-01", "10000-01-01", "2026-02-30", "26-01-01"})
    void shouldRefuseDatesOutsideTheFormAsFilters(String date) {
        given().queryParam("from", date).get("/api/v1/sessions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
        given().queryParam("from", date).get("/api/v1/overviews/countries/SI").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100001", "75891557977", "-1", "\u0663", "+1", "1.0"})
    void shouldRefusePagesOutsideTheRangeOrNotWrittenInDigits(String page) {
        given().queryParam("page", page).get("/api/v1/countries").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void shouldAnswerTheDeepestPageAllowed() {
        given().queryParam("page", "100000").queryParam("size", "500").get("/api/v1/countries").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("page", equalTo(100000));
    }

    @Test
    void shouldNameTheMethodsAnAddressAllowsWhenRefusingOne() {
        given().patch("/api/v1/sessions").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().request("TRACE", "/api/v1/sessions/0b9f3f0e-2c4e-4d1e-9d6c-4c1f6a2d9b10").then().statusCode(405)
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PUT"));
        given().post("/api/v1/countries").then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void shouldNameTheBodyAsAWholeWithAnEmptyField() {
        given().contentType("application/json").body("[1]").post("/api/v1/organisations").then()
                .statusCode(400).body("violations[0].field", equalTo(""));
    }
}
