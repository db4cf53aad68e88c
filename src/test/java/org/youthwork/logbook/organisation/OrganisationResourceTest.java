package org.youthwork.logbook.organisation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class OrganisationResourceTest {

    @BeforeAll
    static void logFailures() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldCreateAndReadAnOrganisationWithItsCountryAndETag() {
        String location = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Младежки център Враца", "type", "YOUTH_CENTRE", "municipalityCode", "BG-VRC10", "member", true))
                .post("/api/v1/organisations").then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Младежки център Враца"))
                .body("country", equalTo("BG"))
                .body("member", equalTo(true))
                .extract().header("Location");

        given().get(location).then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("municipalityCode", equalTo("BG-VRC10"))
                .body("type", equalTo("YOUTH_CENTRE"));
    }

    @Test
    void shouldReplaceWithIfMatchOnly() {
        String id = Api.createOrganisation("Mladinski center Brežice", "SI-009", false);
        Map<String, Object> changed = Map.of("name", "Mladinski center Brežice", "type", "YOUTH_CENTRE",
                "municipalityCode", "SI-009", "member", true);

        given().contentType(ContentType.JSON).body(changed).put("/api/v1/organisations/{id}", id).then()
                .statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(changed).put("/api/v1/organisations/{id}", id).then()
                .statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed).put("/api/v1/organisations/{id}", id).then()
                .statusCode(200).header("ETag", "\"1\"").body("member", equalTo(true)).body("version", equalTo(1));
        given().get("/api/v1/organisations/{id}", id).then().body("member", equalTo(true));
    }

    @Test
    void shouldRefuseAnInvalidOrganisation() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "", "type", "CLUB", "municipalityCode", "SI-133", "member", true))
                .post("/api/v1/organisations").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("type"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Nowhere centre", "type", "OTHER", "municipalityCode", "SI-999", "member", true))
                .post("/api/v1/organisations").then()
                .statusCode(400).body("violations.field", hasItem("municipalityCode"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "No member flag", "type", "OTHER", "municipalityCode", "SI-133"))
                .post("/api/v1/organisations").then()
                .statusCode(400).body("violations.field", hasItem("member"));
        given().get("/api/v1/organisations/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldFilterByCountryMunicipalityAndMembership() {
        String member = Api.createOrganisation("Mladinski center Zagorje ob Savi", "SI-142", true);
        String other = Api.createOrganisation("Kulturno društvo Zagorje", "SI-142", false);
        Api.createOrganisation("Младежки център Перник", "BG-PER32", true);

        given().queryParam("municipalityCode", "SI-142").queryParam("member", "true").get("/api/v1/organisations").then()
                .statusCode(200).body("items.id", hasItem(member)).body("items.id", not(hasItem(other)));
        given().queryParam("country", "BG").queryParam("size", 500).get("/api/v1/organisations").then()
                .statusCode(200).body("items.country", everyItem(equalTo("BG")));
        given().queryParam("member", "maybe").get("/api/v1/organisations").then()
                .statusCode(400).body("violations[0].field", equalTo("member"));
        given().queryParam("country", "XX").get("/api/v1/organisations").then()
                .statusCode(400).body("violations[0].field", equalTo("country"));
    }
}
