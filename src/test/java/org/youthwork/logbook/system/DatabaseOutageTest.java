package org.youthwork.logbook.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The test database refuses connections for a while, as a database that is down or restarting would: every request
 * answers 503 with Retry-After (never a 500, never "refused lines"), readiness goes down, and the service answers again
 * by itself once the database is back, without a restart.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldAnswer503WhileTheDatabaseIsDownAndRecoverByItself() throws SQLException {
        String database = currentDatabase();
        assumeTrue(canAdminister(), "needs to be allowed to close the test database to connections");
        String organisation = Api.createOrganisation("Mladinski center Outage", "SI-133", true);
        Map<String, Object> session = Api.session(organisation);
        String ndjson = new io.vertx.core.json.JsonObject(session).encode() + "\n";
        Api.adminToken();

        List<Response> answers = new ArrayList<>();
        setConnections(database, false);
        try {
            answers.add(given().get("/api/v1/countries"));
            answers.add(given().contentType("application/json").body(session).post("/api/v1/sessions"));
            answers.add(given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/sessions/import"));
            answers.add(given().get("/api/v1/overviews/municipalities/SI-133"));
            answers.add(given().formParam("grant_type", "password").formParam("username", Api.ADMIN)
                    .formParam("password", Api.ADMIN_PASSWORD).post("/api/v1/auth/token"));
            for (Response answer : answers) {
                assertEquals(503, answer.statusCode(), answer.asString());
                assertEquals("application/problem+json", answer.contentType());
                assertNotNull(answer.header("Retry-After"), "Retry-After");
                assertEquals("urn:logbook:problem:service-unavailable", answer.path("type"));
            }
            assertEquals(503, given().get("/q/health/ready").statusCode(), "readiness while the database is down");
        } finally {
            setConnections(database, true);
        }

        long deadline = System.currentTimeMillis() + 30_000;
        int status;
        do {
            status = given().get("/api/v1/countries").statusCode();
            assertTrue(status == 200 || status == 503, "only 200 or 503 while recovering, was " + status);
        } while (status != 200 && System.currentTimeMillis() < deadline && pause());
        assertEquals(200, status, "the service answers again once the database is back");
        Api.post(session).statusCode(201);
        assertEquals(200, given().get("/q/health/ready").statusCode());
        assertEquals(1, sessionsOf(organisation), "the session refused during the outage was not stored");
    }

    private String currentDatabase() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long sessionsOf(String organisation) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from youth_session where organisation_id = '" + organisation + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean canAdminister() {
        try (Connection admin = admin(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the database to new connections and ends the open ones, or opens it again. */
    private void setConnections(String database, boolean allowed) throws SQLException {
        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            st.execute("alter database \"" + database + "\" allow_connections " + allowed);
            if (!allowed) {
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }

    /** The same server as the service's database, as its superuser, in its maintenance database. */
    private Connection admin() throws SQLException {
        String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        return DriverManager.getConnection(server, System.getenv().getOrDefault("LOGBOOK_TEST_DB_USERNAME", "postgres"),
                System.getenv().getOrDefault("LOGBOOK_TEST_DB_PASSWORD", ""));
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            fail(e);
            return false;
        }
    }
}
