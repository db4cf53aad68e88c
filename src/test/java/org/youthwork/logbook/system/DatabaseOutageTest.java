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

    @Test
    void shouldAnswerAnImportCutOffByAnOutageWithWhatItStored() throws Exception {
        String database = currentDatabase();
        assumeTrue(canAdminister(), "needs to be allowed to close the test database to connections");
        String organisation = Api.createOrganisation("Mladinski center Outage Import", "SI-133", true);
        StringBuilder first = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            Map<String, Object> session = Api.session(organisation);
            session.put("id", java.util.UUID.randomUUID().toString());
            // 20 lines beyond the batch go first as well: buffers on both sides hold back a few kilobytes.
            (i < 2020 ? first : rest).append(new io.vertx.core.json.JsonObject(session).encode()).append('\n');
        }
        // The first batch of 2,000 lines is committed; then the database goes away before the rest arrives.
        java.io.InputStream body = new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(first.toString().getBytes(StandardCharsets.UTF_8)),
                new java.io.InputStream() {
                    private java.io.InputStream then;

                    @Override
                    public int read() throws java.io.IOException {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws java.io.IOException {
                        if (then == null) {
                            try {
                                awaitSessions(organisation, 2000);
                                setConnections(database, false);
                            } catch (SQLException | InterruptedException e) {
                                throw new java.io.IOException(e);
                            }
                            then = new java.io.ByteArrayInputStream(rest.toString().getBytes(StandardCharsets.UTF_8));
                        }
                        return then.read(b, off, len);
                    }
                });
        Response answer;
        try {
            answer = given().contentType("application/x-ndjson").body(body).post("/api/v1/sessions/import");
        } finally {
            setConnections(database, true);
        }
        assertEquals(503, answer.statusCode(), answer.asString());
        assertNotNull(answer.header("Retry-After"), "Retry-After");
        assertEquals(2001, (int) answer.path("line"));
        assertEquals(2000, (int) answer.path("report.accepted"));
        assertEquals(0, (int) answer.path("report.rejected"), "no line is reported refused for the outage");
        assertEquals(2000, countWithoutThePool(organisation), "the first batch stays, the rest is not stored");
    }

    private void awaitSessions(String organisation, long expected) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (countWithoutThePool(organisation) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Counts on a connection of its own: the service's pool is what the outage takes away. */
    private long countWithoutThePool(String organisation) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("LOGBOOK_TEST_DB_USERNAME", "postgres"),
                System.getenv().getOrDefault("LOGBOOK_TEST_DB_PASSWORD", ""));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from youth_session where organisation_id = '" + organisation + "'")) {
            rs.next();
            return rs.getLong(1);
        }
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
