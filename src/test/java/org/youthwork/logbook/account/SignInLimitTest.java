package org.youthwork.logbook.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in limit as guessers meet it: counted before the password check, in PostgreSQL (so that what another
 * instance of the service counted counts here), per username and per client address, never by what a client says
 * its address is. Password checks are read from the counter operators see in /q/metrics.
 */
@QuarkusTest
class SignInLimitTest {

    private static final String PASSWORD = "a long enough password";

    @Inject
    LoginGuard guard;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void noDefaultCredentials() {
        Api.anonymous();
    }

    @BeforeEach
    @AfterEach
    void forgetAttempts() {
        guard.forgetAll();
    }

    @Test
    void shouldCheckAtMostTheLimitOfPasswordsWhenFiftyGuessesArriveAtOnce() throws Exception {
        String username = user();
        password(username, PASSWORD).statusCode(200);
        openConnections(20);
        double checksBefore = passwordChecks();

        List<ExtractableResponse<Response>> answers = inParallel(50, i -> password(username, "guess " + i).extract());

        assertEquals(10, passwordChecks() - checksBefore, "password checks for 50 parallel guesses");
        List<ExtractableResponse<Response>> wrong = answers.stream().filter(a -> a.statusCode() == 400).toList();
        List<ExtractableResponse<Response>> limited = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertEquals(10, wrong.size(), "answers 400");
        assertEquals(40, limited.size(), "answers 429");
        wrong.forEach(a -> assertEquals("invalid_grant", a.path("error")));
        for (var answer : limited) {
            assertEquals("too_many_attempts", answer.path("error"));
            assertEquals("no-store", answer.header("Cache-Control"));
            long retryAfter = Long.parseLong(answer.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        }
        assertEquals(10, attempts("USER:" + username), "failures kept");
    }

    @Test
    void shouldCountTheFailuresAnotherInstanceRecorded() throws SQLException {
        String username = user();
        // As a second instance behind the same balancer writes them: ten failures for the username, 50 s ago.
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into sign_in_attempt (key_hash, at)
                select sha256(convert_to('USER:' || lower(?), 'UTF8')), now() - interval '50 seconds'
                from generate_series(1, 10)""")) {
            ps.setString(1, username.toUpperCase());
            ps.executeUpdate();
        }
        double checksBefore = passwordChecks();

        String retryAfter = password(username, PASSWORD).statusCode(429)
                .body("error", equalTo("too_many_attempts"))
                .extract().header("Retry-After");

        assertEquals(checksBefore, passwordChecks(), "no password check once the limit is reached");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 9 && seconds <= 11, "the oldest failure leaves the minute in about 10 s, not " + seconds);
    }

    @Test
    void shouldLetAUserInOnceTheFailuresAreAMinuteOld() throws SQLException {
        String username = user();
        insertAttempts("USER:" + username, 10, "61 seconds");

        password(username, PASSWORD).statusCode(200);
    }

    @Test
    void shouldReleaseTheAttemptOfASuccessAndForgetTheUsernamesFailures() {
        String username = user();
        for (int i = 0; i < 3; i++) {
            password(username, "guess " + i).statusCode(400);
        }
        assertEquals(3, attempts("USER:" + username));

        password(username, PASSWORD).statusCode(200);

        assertEquals(0, attempts("USER:" + username));
    }

    @Test
    void shouldPruneTheAttemptsThatNoLongerCount() throws SQLException {
        String gone = "USER:gone-" + UUID.randomUUID();
        String recent = "USER:recent-" + UUID.randomUUID();
        insertAttempts(gone, 5, "2 minutes");
        insertAttempts(recent, 2, "10 seconds");

        guard.prune();

        assertEquals(0, rows(gone));
        assertEquals(2, rows(recent));
    }

    @Test
    void shouldNotLetSpoofedForwardedHeadersEscapeTheLimitOfAnAddress() {
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i).header("Forwarded", "for=198.51.100." + i)
                    .formParam("grant_type", "password").formParam("username", "someone-" + UUID.randomUUID())
                    .formParam("password", "guess").post("/api/v1/auth/token").then().statusCode(400);
        }
        given().header("X-Forwarded-For", "198.51.100.99").header("Forwarded", "for=198.51.100.99")
                .formParam("grant_type", "password").formParam("username", user()).formParam("password", PASSWORD)
                .post("/api/v1/auth/token").then().statusCode(429).header("Retry-After", notNullValue());
    }

    interface Call {
        ExtractableResponse<Response> call(int i);
    }

    /** Starts every call at the same moment, from as many threads. */
    static List<ExtractableResponse<Response>> inParallel(int calls, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call(n);
                }));
            }
            start.countDown();
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (var future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Fills the connection pool, so that the guesses do not queue behind connections being opened: that would
     * serialise them, and a limit without its lock could seem to hold.
     */
    private void openConnections(int count) throws SQLException {
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                open.add(db.getConnection());
            }
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    /** The password checks made so far, as /q/metrics shows them. */
    static double passwordChecks() {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("logbook_sign_in_checks_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private void insertAttempts(String key, int count, String age) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into sign_in_attempt (key_hash, at)
                select sha256(convert_to(?, 'UTF8')), now() - ?::interval from generate_series(1, ?)""")) {
            ps.setString(1, key);
            ps.setString(2, age);
            ps.setInt(3, count);
            ps.executeUpdate();
        }
    }

    private long attempts(String key) {
        try {
            return rows(key);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long rows(String key) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from sign_in_attempt where key_hash = sha256(convert_to(?, 'UTF8'))")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String user() {
        String username = "limit-" + UUID.randomUUID().toString().substring(0, 12);
        Api.createUser(username, PASSWORD, "NETWORK_COORDINATOR", "country", "SI");
        return username;
    }

    private static ValidatableResponse password(String username, String password) {
        return given().formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .post("/api/v1/auth/token").then();
    }
}
