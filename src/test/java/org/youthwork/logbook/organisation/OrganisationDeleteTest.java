package org.youthwork.logbook.organisation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class OrganisationDeleteTest {

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldDeleteAnOrganisationWithoutSessionsAndFindItNowhere() throws SQLException {
        TestAreas.create(db, "QD");
        String stays = Api.createOrganisation("Staying centre", "QD-A1", true);
        String gone = Api.createOrganisation("Centre made twice", "QD-A1", true);
        int year = LocalDate.now().getYear() - 1;
        given().queryParam("from", year + "-01-01").queryParam("to", year + "-12-31").get("/api/v1/overviews/countries/QD").then()
                .statusCode(200).body("indicator223.memberOrganisations", equalTo(2));
        // a session logged and deleted again counts as none: it is in no figure
        Map<String, Object> body = Api.session(gone);
        body.put("municipalityCode", "QD-A1");
        String deletedSession = Api.createSession(body);
        given().delete("/api/v1/sessions/{id}", deletedSession).then().statusCode(204);

        given().header("If-Match", "\"7\"").delete("/api/v1/organisations/{id}", gone).then()
                .statusCode(412).contentType("application/problem+json");
        given().header("If-Match", "\"0\"").delete("/api/v1/organisations/{id}", gone).then().statusCode(204);

        given().get("/api/v1/organisations/{id}", gone).then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/organisations/{id}", gone).then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("name", "Back again", "type", "YOUTH_CENTRE", "municipalityCode", "QD-A1", "member", true))
                .put("/api/v1/organisations/{id}", gone).then().statusCode(404);
        given().queryParam("country", "QD").get("/api/v1/organisations").then()
                .statusCode(200).body("total", equalTo(1)).body("items.id", not(hasItem(gone)));
        given().queryParam("from", year + "-01-01").queryParam("to", year + "-12-31").get("/api/v1/overviews/countries/QD").then()
                .statusCode(200).body("indicator223.memberOrganisations", equalTo(1));
        given().queryParam("from", year + "-01-01").queryParam("to", year + "-12-31").get("/api/v1/overviews/municipalities/QD-A1").then()
                .statusCode(200).body("indicator223.memberOrganisations", equalTo(1));
        given().queryParam("country", "QD").queryParam("year", year).get("/api/v1/reports/annual-analysis").then()
                .statusCode(200).body("organisations.organisationId", equalTo(java.util.List.of(stays)));
        Api.post(body).statusCode(400).body("violations.field", hasItem("organisationId"));
        given().contentType(ContentType.JSON).body(Map.of("username", "worker-" + UUID.randomUUID().toString().substring(0, 8),
                        "password", "a long enough password", "role", "YOUTH_WORKER", "organisationId", gone))
                .post("/api/v1/users").then().statusCode(400).body("violations.field", hasItem("organisationId"));
        given().contentType(ContentType.JSON).body(Map.of("into", stays)).post("/api/v1/organisations/{id}/merge", gone).then()
                .statusCode(404);
        // what was logged for it keeps its history
        given().get("/api/v1/sessions/{id}/history", deletedSession).then().statusCode(200).body("total", equalTo(2));

        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select deleted_at, merged_into, version from organisation where id = ?")) {
            ps.setObject(1, UUID.fromString(gone));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertNotNull(rs.getTimestamp("deleted_at"), "the row stays, marked deleted");
                assertEquals(null, rs.getObject("merged_into"));
                assertEquals(1, rs.getInt("version"));
            }
        }
        assertEquals("DELETE", lastOrganisationAction(gone));
    }

    @Test
    void shouldRefuseToDeleteAnOrganisationWithSessionsAndPointAtMerging() {
        String org = Api.createOrganisation("Centre with work", "SI-133", false);
        Api.createSession(Api.session(org));

        given().delete("/api/v1/organisations/{id}", org).then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("1 session"))
                .body("detail", containsString("/api/v1/organisations/" + org + "/merge"));
        given().get("/api/v1/organisations/{id}", org).then().statusCode(200);
    }

    @Test
    void shouldRefuseToDeleteAnOrganisationWithAccountsUntilTheyAreDeleted() {
        String org = Api.createOrganisation("Centre with a worker", "SI-133", false);
        String user = Api.createUser("worker-" + UUID.randomUUID().toString().substring(0, 8), "a long enough password",
                "YOUTH_WORKER", "organisationId", org);

        given().delete("/api/v1/organisations/{id}", org).then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("1 account"));
        given().delete("/api/v1/users/{id}", user).then().statusCode(204);
        given().delete("/api/v1/organisations/{id}", org).then().statusCode(204);
    }

    @Test
    void shouldLetOnlyAdministratorsDeleteOrMerge() {
        String own = Api.createOrganisation("Lead's centre", "SI-133", false);
        String other = Api.createOrganisation("Someone else's centre", "SI-133", false);
        String lead = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(lead, "a long enough password", "ORGANISATION_LEAD", "organisationId", own);
        String token = Api.token(lead, "a long enough password");

        given().auth().oauth2(token).delete("/api/v1/organisations/{id}", own).then().statusCode(403);
        given().auth().oauth2(token).delete("/api/v1/organisations/{id}", other).then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("into", other))
                .post("/api/v1/organisations/{id}/merge", own).then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("into", own))
                .post("/api/v1/organisations/{id}/merge", other).then().statusCode(404);
        given().get("/api/v1/organisations/{id}", own).then().statusCode(200);
        given().get("/api/v1/organisations/{id}", other).then().statusCode(200);
    }

    private String lastOrganisationAction(String id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select action from audit_entry where entity_type = 'ORGANISATION'"
                     + " and entity_id = ? order by id desc limit 1")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
