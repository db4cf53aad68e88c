package org.youthwork.logbook.system;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed contract, openapi/openapi.yaml, is what the build produces: regenerate it with ./mvnw package. */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");
    private static final Path GENERATED = Path.of("target/openapi/openapi.yaml");

    @Test
    void shouldMatchTheCommittedContract() throws IOException {
        assertTrue(Files.exists(GENERATED), "the build wrote no " + GENERATED);
        assertEquals(Files.readString(GENERATED), Files.readString(COMMITTED),
                "openapi/openapi.yaml is stale: run ./mvnw package -DskipTests and commit it");
    }

    @Test
    void shouldServeTheContractAndSwaggerUi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/sessions/{id}"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
