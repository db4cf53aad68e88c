package org.youthwork.logbook.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DELETE /users/{id} and /clients/{id}: each path deletes only its kind of account, nobody deletes their own, and the
 * last active administrator stays, even when two administrators delete each other at the same moment.
 */
@QuarkusTest
class AccountDeletionTest {

    private static final String PASSWORD = "a long enough password";

    record Login(String id, String token) {
    }

    @Inject
    AgroalDataSource db;

    @Inject
    AccountService accounts;

    @BeforeAll
    static void noDefaultCredentials() {
        Api.anonymous();
    }

    @Test
    void shouldDeleteOnlyAPersonThroughUsersAndOnlyAMachineThroughClients() {
        Login person = person("NETWORK_COORDINATOR", "country", "SI");
        Login machine = machine(Api.adminToken(), "MUNICIPALITY", "municipalityCode", "SI-133");

        as(Api.adminToken()).delete("/api/v1/users/{id}", machine.id()).then()
                .statusCode(404).contentType("application/problem+json");
        as(Api.adminToken()).delete("/api/v1/clients/{id}", person.id()).then()
                .statusCode(404).contentType("application/problem+json");
        as(person.token()).get("/api/v1/countries").then().statusCode(200);
        as(machine.token()).get("/api/v1/countries").then().statusCode(200);

        as(Api.adminToken()).delete("/api/v1/users/{id}", person.id()).then().statusCode(204);
        as(Api.adminToken()).delete("/api/v1/clients/{id}", machine.id()).then().statusCode(204);
        as(person.token()).get("/api/v1/countries").then().statusCode(401);
        as(machine.token()).get("/api/v1/countries").then().statusCode(401);
    }

    @Test
    void shouldLetAnOrganisationLeadDeleteItsOrganisationsMachineOnlyThroughClients() {
        String organisation = organisation();
        Login lead = person("ORGANISATION_LEAD", "organisationId", organisation);
        Login app = machine(lead.token(), "YOUTH_WORKER", "organisationId", organisation);

        as(lead.token()).delete("/api/v1/users/{id}", app.id()).then().statusCode(404);
        as(app.token()).get("/api/v1/sessions").then().statusCode(200);
        as(lead.token()).delete("/api/v1/clients/{id}", app.id()).then().statusCode(204);
        as(app.token()).get("/api/v1/sessions").then().statusCode(401);
    }

    @Test
    void shouldRefuseToDeleteOnesOwnAccount() {
        String adminId = subject(Api.adminToken());
        as(Api.adminToken()).delete("/api/v1/users/{id}", adminId).then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("own account"));
        as(Api.adminToken()).get("/api/v1/countries").then().statusCode(200);

        String organisation = organisation();
        Login lead = person("ORGANISATION_LEAD", "organisationId", organisation);
        as(lead.token()).delete("/api/v1/users/{id}", lead.id()).then().statusCode(403);
        as(lead.token()).get("/api/v1/sessions").then().statusCode(200);

        Login leadsApp = machine(Api.adminToken(), "ORGANISATION_LEAD", "organisationId", organisation);
        as(leadsApp.token()).delete("/api/v1/clients/{id}", leadsApp.id()).then().statusCode(403);
        as(leadsApp.token()).get("/api/v1/sessions").then().statusCode(200);
    }

    /**
     * Ten pairs of administrators, each pair the only active ones while its two members delete each other at the same
     * moment: one delete wins, the other answers 409, and one administrator is left. The other administrators are set
     * aside in the database meanwhile, and put back after.
     */
    @Test
    void shouldKeepTheLastActiveAdministratorWhenTwoDeleteEachOtherAtOnce() throws Exception {
        AdministratorRace.run(() -> {
            Login admin = person("ADMIN", null, null);
            return new AdministratorRace.Admin(admin.id(), admin.token());
        }, this::activeAdministrators, this::onlyActiveAdministrators,
                (x, y) -> as(x.token()).delete("/api/v1/users/{id}", y.id()).then().extract(), 204);
    }

    @Test
    void shouldAnswerWhetherAnAccountMayStopBeingAnActiveAdministrator() throws SQLException {
        Login only = person("ADMIN", null, null);
        Login worker = person("NETWORK_COORDINATOR", "country", "SI");
        assertTrue(mayStopBeingActiveAdministrator(only.id()), "one of several administrators");
        List<String> administrators = activeAdministrators();
        try {
            onlyActiveAdministrators(List.of(only.id()));
            assertFalse(mayStopBeingActiveAdministrator(only.id()), "the only active administrator");
            assertTrue(mayStopBeingActiveAdministrator(worker.id()), "an account that is no administrator");
        } finally {
            onlyActiveAdministrators(administrators);
        }
    }

    private boolean mayStopBeingActiveAdministrator(String id) {
        return QuarkusTransaction.requiringNew().call(() -> accounts.mayStopBeingActiveAdministrator(UUID.fromString(id)));
    }

    private List<String> activeAdministrators() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from account where role = 'ADMIN' and deleted_at is null");
             ResultSet rs = ps.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    /** Exactly these administrators active: the others are set aside (deleted) until a later call puts them back. */
    private void onlyActiveAdministrators(List<String> ids) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update account set deleted_at = case when id = any(?::uuid[]) then null else coalesce(deleted_at, now()) end
                where role = 'ADMIN'""")) {
            ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static Login person(String role, String scopeField, String scope) {
        String username = "deletion-" + UUID.randomUUID().toString().substring(0, 12);
        String id = Api.createUser(username, PASSWORD, role, scopeField, scope);
        return new Login(id, Api.token(username, PASSWORD));
    }

    private static Login machine(String creatorToken, String role, String scopeField, String scope) {
        var created = as(creatorToken).contentType(ContentType.JSON)
                .body(Map.of("name", "A reporting tool", "role", role, scopeField, scope))
                .post("/api/v1/clients").then().statusCode(201).extract();
        String token = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", created.<String>path("clientId")).formParam("client_secret", created.<String>path("clientSecret"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        return new Login(created.path("id"), token);
    }

    private static String organisation() {
        return as(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Centre of deletions", "type", "YOUTH_CENTRE", "municipalityCode", "SI-133", "member", false))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
    }

    private static String subject(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        int at = payload.indexOf("\"sub\":\"") + 7;
        return payload.substring(at, payload.indexOf('"', at));
    }
}
