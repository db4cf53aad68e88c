package org.youthwork.logbook.area;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ReferenceDataTest {

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
    }

    @Test
    void shouldServeBothCountries() {
        given().get("/api/v1/countries").then()
                .statusCode(200).body("total", equalTo(2)).body("items.code", contains("BG", "SI"));
    }

    @Test
    void shouldServeTheTwelveSlovenianRegionsAndTwentyEightBulgarianDistricts() {
        given().queryParam("country", "SI").get("/api/v1/regions").then()
                .statusCode(200).body("total", equalTo(12)).body("items[3].code", equalTo("SI034"))
                .body("items[3].name", equalTo("Savinjska"));
        given().queryParam("country", "BG").get("/api/v1/regions").then().body("total", equalTo(28));
    }

    @Test
    void shouldServeEveryMunicipalityWithItsRegionAndPopulation() {
        given().queryParam("country", "SI").get("/api/v1/municipalities").then().body("total", equalTo(212));
        given().queryParam("country", "BG").get("/api/v1/municipalities").then().body("total", equalTo(265));
        given().queryParam("country", "SI").queryParam("region", "SI034").queryParam("size", 500)
                .get("/api/v1/municipalities").then()
                .statusCode(200)
                .body("items.regionCode", everyItem(equalTo("SI034")))
                .body("items.find { it.code == 'SI-133' }.name", equalTo("Velenje"))
                .body("items.find { it.code == 'SI-133' }.country", equalTo("SI"));
        given().queryParam("country", "SI").queryParam("size", 500).get("/api/v1/municipalities").then()
                .body("items.find { it.code == 'SI-017' }.name", equalTo("Črnomelj"));
        given().queryParam("region", "SI999").get("/api/v1/municipalities").then().statusCode(400);
    }

    @Test
    void shouldLabelTheCodeListsInTheRequestedLanguage() {
        given().header("Accept-Language", "sl").get("/api/v1/code-lists").then()
                .statusCode(200)
                .header("Content-Language", "sl")
                .body("methods.find { it.code == 'STREET' }.label", equalTo("Ulično mladinsko delo"))
                .body("themes", hasSize(9))
                .body("ageBands.code", contains("UNDER_15", "15-19", "20-24", "25-29", "OVER_29"))
                .body("genders.code", contains("FEMALE", "MALE", "OTHER"))
                .body("settings", hasSize(5));
        given().header("Accept-Language", "de-AT, en;q=0.5").get("/api/v1/code-lists").then()
                .header("Content-Language", "en")
                .body("methods.find { it.code == 'STREET' }.label", equalTo("Street youth work"));
        given().get("/api/v1/code-lists").then()
                .body("methods.find { it.code == 'STREET' }.label", equalTo("Street youth work"));
        given().header("Accept-Language", "bg").get("/api/v1/code-lists").then()
                .body("settings.find { it.code == 'ONLINE' }.label", equalTo("Онлайн"));
    }
}
