package org.youthwork.logbook.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.youthwork.logbook.Api;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token endpoint (RFC 6749) and what the service does with good and bad tokens. */
@QuarkusTest
class TokenTest {

    private static final String PASSWORD = "a long enough password";

    @Inject
    LoginGuard guard;

    @BeforeAll
    static void noDefaultCredentials() {
        Api.anonymous();
    }

    @AfterEach
    void forgetFailures() {
        guard.forgetAll();
    }

    @Test
    void shouldIssueABearerTokenForAUserThatOpensTheApi() {
        String username = user();
        String token = password(username, PASSWORD).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("access_token", notNullValue())
                .extract().path("access_token");
        assertEquals(3, token.split("\\.").length);
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("RS256"), header);
        given().auth().oauth2(token).get("/api/v1/sessions").then().statusCode(200);
    }

    @Test
    void shouldAnswerAnUnknownUserExactlyAsAWrongPassword() {
        String username = user();
        String wrongPassword = password(username, "not the password").statusCode(400)
                .contentType(ContentType.JSON).body("error", equalTo("invalid_grant")).extract().asString();
        String unknownUser = password("nobody-" + UUID.randomUUID(), "not the password").statusCode(400)
                .extract().asString();
        assertEquals(wrongPassword, unknownUser);

        long wrong = medianMillis(() -> password(username, "not the password"));
        long unknown = medianMillis(() -> password("nobody-" + UUID.randomUUID(), "not the password"));
        // Both pay for one bcrypt check; without the decoy, an unknown user would answer in a fraction of the time.
        assertTrue(unknown * 3 > wrong && wrong * 3 > unknown, "wrong password " + wrong + " ms, unknown user " + unknown + " ms");
    }

    @Test
    void shouldIssueATokenForAMachineWithItsSecretOnce() {
        var client = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Velenje council reporting", "role", "MUNICIPALITY", "municipalityCode", "SI-133"))
                .post("/api/v1/clients").then().statusCode(201)
                .body("clientSecret", notNullValue()).extract();
        String clientId = client.path("clientId");
        String secret = client.path("clientSecret");

        String token = given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post("/api/v1/auth/token").then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(token).get("/api/v1/overviews/municipalities/SI-133").then().statusCode(200);
        given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token").then().statusCode(200);
        given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", "wrong").post("/api/v1/auth/token").then()
                .statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void shouldRefuseMalformedTokenRequests() {
        given().formParam("username", "x").post("/api/v1/auth/token").then()
                .statusCode(400).body("error", equalTo("invalid_request"));
        given().formParam("grant_type", "authorization_code").post("/api/v1/auth/token").then()
                .statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().formParam("grant_type", "password").formParam("username", "x").post("/api/v1/auth/token").then()
                .statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/token").then().statusCode(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "grant_type=password&username=%00&password=x",
            "grant_type=password&username=%zz&password=x", "grant_type=password&grant_type=client_credentials&username=a&password=b",
            "%00=1&grant_type=password&username=a&password=b"})
    void shouldRefuseFormsItCannotReadOrStoreAsAnInvalidRequest(String form) {
        given().contentType("application/x-www-form-urlencoded").body(form).post("/api/v1/auth/token").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("invalid_request"))
                .body("status", equalTo(400));
    }

    @Test
    void shouldRefuseBasicCredentialsItCannotStore() {
        String basic = java.util.Base64.getEncoder().encodeToString("client-\u0000:secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic).formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token").then()
                .statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void shouldRefuseGuessingAUsernameWith429AndRetryAfter() {
        String username = user();
        for (int i = 0; i < 10; i++) {
            password(username, "guess " + i).statusCode(400);
        }
        password(username, PASSWORD).statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error", equalTo("too_many_attempts"));
    }

    @Test
    void shouldRefuseGuessingManyUsernamesFromOneAddress() {
        for (int i = 0; i < 10; i++) {
            password("someone-" + i + "-" + UUID.randomUUID(), "guess").statusCode(400);
        }
        password(user(), PASSWORD).statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void shouldAnswer401ProblemWithoutOrWithABadToken() {
        given().get("/api/v1/sessions").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-token").get("/api/v1/sessions").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic YWRtaW46dGVzdA==").get("/api/v1/sessions").then().statusCode(401);
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        String expired = Jwt.issuer("urn:logbook").subject(adminId()).upn("admin").groups(Set.of("ADMIN"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        given().auth().oauth2(expired).get("/api/v1/countries").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer("urn:logbook").subject(adminId()).upn("admin").groups(Set.of("ADMIN"))
                .expiresIn(600).sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).get("/api/v1/countries").then().statusCode(401);
    }

    @Test
    void shouldRefuseATokenWithAlgNone() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"urn:logbook\",\"sub\":\"" + adminId() + "\",\"upn\":\"admin\","
                + "\"groups\":[\"ADMIN\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(header + "." + payload + ".").get("/api/v1/countries").then().statusCode(401);
    }

    @Test
    void shouldRefuseATokenOfAnotherIssuer() {
        String other = Jwt.issuer("https://elsewhere.example").subject(adminId()).upn("admin").groups(Set.of("ADMIN"))
                .expiresIn(600).sign();
        given().auth().oauth2(other).get("/api/v1/countries").then().statusCode(401);
    }

    @Test
    void shouldEndTheTokensOfADeletedAccountAtOnce() {
        String username = user();
        String token = password(username, PASSWORD).statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(200);
        String accountId = subject(token);

        given().auth().oauth2(Api.adminToken()).delete("/api/v1/users/{id}", accountId).then().statusCode(204);

        given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(401).contentType("application/problem+json");
        password(username, PASSWORD).statusCode(400).body("error", equalTo("invalid_grant"));
    }

    private static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        int at = payload.indexOf("\"sub\":\"") + 7;
        return payload.substring(at, payload.indexOf('"', at));
    }

    private static String adminId() {
        return subject(Api.adminToken());
    }

    private static String user() {
        String username = "token-" + UUID.randomUUID().toString().substring(0, 12);
        Api.createUser(username, PASSWORD, "NETWORK_COORDINATOR", "country", "SI");
        return username;
    }

    private static ValidatableResponse password(String username, String password) {
        return given().formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .post("/api/v1/auth/token").then();
    }

    private static long medianMillis(Runnable call) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            call.run();
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(times);
        return times[2];
    }
}
