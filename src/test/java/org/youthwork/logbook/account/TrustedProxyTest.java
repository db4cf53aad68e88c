package org.youthwork.logbook.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Behind a reverse proxy: the tests' own requests come from the loopback address, which this profile names as the
 * trusted proxy, so each request says in X-Forwarded-For which client the proxy saw.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindAProxy.class)
class TrustedProxyTest {

    private static final String PASSWORD = "a long enough password";

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logbook.trusted-proxies", "127.0.0.1,::1");
        }
    }

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
    void shouldCountTheClientTheProxyForwardedAndNotTheProxy() {
        for (int i = 0; i < 10; i++) {
            guess("203.0.113.10").statusCode(400).body("error", equalTo("invalid_grant"));
        }
        guess("203.0.113.10").statusCode(429).header("Retry-After", notNullValue());

        // Another client behind the same proxy is not held back by the first one's guessing.
        signIn(user(), "203.0.113.11").statusCode(200);
    }

    @Test
    void shouldNotLetAClientEscapeByWritingAddressesLeftOfTheProxysEntry() {
        for (int i = 0; i < 10; i++) {
            guess("192.0.2." + i + ", 198.51.100.20").statusCode(400);
        }
        signIn(user(), "192.0.2.99, 198.51.100.20").statusCode(429);
    }

    @Test
    void shouldCountAnIpv6ClientByItsSlash64() {
        for (int i = 1; i <= 10; i++) {
            guess("2001:db8:5:6::" + Integer.toHexString(i)).statusCode(400);
        }
        signIn(user(), "2001:db8:5:6:ffff::1").statusCode(429);
        signIn(user(), "2001:db8:5:7::1").statusCode(200);
    }

    @Test
    void shouldCountTheFailuresAnotherInstanceRecordedForAnAddress() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into sign_in_attempt (key_hash)
                select sha256(convert_to('address:203.0.113.77', 'UTF8')) from generate_series(1, 10)""")) {
            ps.executeUpdate();
        }
        String username = user();

        signIn(username, "203.0.113.77").statusCode(429).body("error", equalTo("too_many_attempts"));
        signIn(username, "203.0.113.78").statusCode(200);
    }

    private static ValidatableResponse guess(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).formParam("grant_type", "password")
                .formParam("username", "someone-" + UUID.randomUUID()).formParam("password", "guess")
                .post("/api/v1/auth/token").then();
    }

    private static ValidatableResponse signIn(String username, String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).formParam("grant_type", "password")
                .formParam("username", username).formParam("password", PASSWORD)
                .post("/api/v1/auth/token").then();
    }

    private static String user() {
        String username = "proxied-" + UUID.randomUUID().toString().substring(0, 12);
        Api.createUser(username, PASSWORD, "NETWORK_COORDINATOR", "country", "SI");
        return username;
    }
}
