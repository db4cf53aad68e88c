package org.youthwork.logbook.system;

import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

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

    @Inject
    AgroalDataSource db;

    /**
     * The codes the contract enumerates are the reference data's, all of them: a migration that changes the reference
     * data changes the contract too. Test countries are the tests' own.
     */
    @Test
    void shouldEnumerateTheCountriesAndRegionsOfTheReferenceData() throws Exception {
        JsonNode schemas = new ObjectMapper(new YAMLFactory()).readTree(COMMITTED.toFile()).path("components").path("schemas");
        Set<String> countries = codes(schemas.path("CountryCode").path("enum"));
        assertEquals(codes("select code from country where name not like 'Testland %'"), countries);
        assertEquals(codes("select code from region where country_code in ('" + String.join("', '", countries) + "')"),
                codes(schemas.path("RegionCode").path("enum")));
        assertEquals(codes("select code from municipality where country_code in ('" + String.join("', '", countries) + "')"),
                codes(schemas.path("MunicipalityCode").path("enum")));
    }

    private static Set<String> codes(JsonNode list) {
        Set<String> codes = new TreeSet<>();
        list.forEach(code -> codes.add(code.asText()));
        return codes;
    }

    private Set<String> codes(String query) throws SQLException {
        Set<String> codes = new TreeSet<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    @Test
    void shouldServeTheContractAndSwaggerUi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/sessions/{id}"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
