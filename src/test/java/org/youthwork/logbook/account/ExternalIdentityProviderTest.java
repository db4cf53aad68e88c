package org.youthwork.logbook.account;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * An installation that trusts its own OpenID Connect issuer (here a Keycloak-like one, with roles in
 * realm_access/roles) by configuration alone: its tokens open the API with the same roles and scopes, and the
 * service's own token endpoint steps aside.
 */
@QuarkusTest
@TestProfile(ExternalIdentityProviderTest.Keycloak.class)
class ExternalIdentityProviderTest {

    private static final String ISSUER = "https://idp.example.org/realms/youth";
    /**
     * The identity provider's key pair, read from a test resource: the profile and the test are loaded by different
     * class loaders, so a key made at random would differ between the two.
     */
    static final KeyPair IDP_KEYS = idpKeys();

    public static class Keycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.jwt.verify.publickey", "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder().encodeToString(IDP_KEYS.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n",
                    "mp.jwt.verify.issuer", ISSUER,
                    "smallrye.jwt.path.groups", "realm_access/roles");
        }
    }

    @BeforeAll
    static void noDefaultCredentials() {
        Api.anonymous();
    }

    @Test
    void shouldTrustTheIssuersTokensWithTheirRolesAndScopes() {
        String coordinator = Jwt.issuer(ISSUER).subject("f:3b1c:ana").upn("ana@youth.example")
                .claim("realm_access", Map.of("roles", List.of("NETWORK_COORDINATOR", "offline_access")))
                .claim("country", "SI").expiresIn(300).sign(IDP_KEYS.getPrivate());
        given().auth().oauth2(coordinator).get("/api/v1/overviews/countries/SI").then().statusCode(200);
        given().auth().oauth2(coordinator).get("/api/v1/overviews/countries/BG").then().statusCode(403);
        given().auth().oauth2(coordinator).get("/api/v1/sessions").then().statusCode(200);
        // the provider's people have no account of ours to read, change or disable
        given().auth().oauth2(coordinator).get("/api/v1/users/me").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldTreatAMalformedOrMissingScopeClaimAsNoScope() {
        String admin = Jwt.issuer(ISSUER).subject("f:3b1c:admin").upn("admin@youth.example")
                .claim("realm_access", Map.of("roles", List.of("ADMIN"))).expiresIn(300).sign(IDP_KEYS.getPrivate());
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "Centre of the issuer's world", "type", "YOUTH_CENTRE", "municipalityCode", "SI-133", "member", true))
                .post("/api/v1/organisations").then().statusCode(201);
        String coordinatorWithoutCountry = Jwt.issuer(ISSUER).subject("f:3b1c:cene").upn("cene@youth.example")
                .claim("realm_access", Map.of("roles", List.of("NETWORK_COORDINATOR"))).expiresIn(300).sign(IDP_KEYS.getPrivate());
        given().auth().oauth2(coordinatorWithoutCountry).get("/api/v1/organisations").then().statusCode(200).body("total", equalTo(0));
        String worker = Jwt.issuer(ISSUER).subject("f:3b1c:bor").upn("bor@youth.example")
                .claim("realm_access", Map.of("roles", List.of("YOUTH_WORKER")))
                .claim("organisationId", "not-a-uuid").expiresIn(300).sign(IDP_KEYS.getPrivate());
        given().auth().oauth2(worker).get("/api/v1/sessions").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(worker).get("/api/v1/organisations").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRefuseTokensOfAnyOtherIssuerOrKey() throws NoSuchAlgorithmException {
        String otherKey = Jwt.issuer(ISSUER).subject("x").claim("realm_access", Map.of("roles", List.of("ADMIN")))
                .expiresIn(300).sign(keys().getPrivate());
        given().auth().oauth2(otherKey).get("/api/v1/countries").then().statusCode(401);
        String otherIssuer = Jwt.issuer("https://elsewhere.example").subject("x")
                .claim("realm_access", Map.of("roles", List.of("ADMIN"))).expiresIn(300).sign(IDP_KEYS.getPrivate());
        given().auth().oauth2(otherIssuer).get("/api/v1/countries").then().statusCode(401);
    }

    @Test
    void shouldLeaveIssuingTokensToTheIdentityProvider() {
        given().formParam("grant_type", "password").formParam("username", "admin").formParam("password", "test-admin-password")
                .post("/api/v1/auth/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    private static KeyPair idpKeys() {
        try (var in = ExternalIdentityProviderTest.class.getResourceAsStream("/external-idp-test-key.pem")) {
            String pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            var key = (java.security.interfaces.RSAPrivateCrtKey) JwtKeys.parse(pem);
            var publicKey = java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new KeyPair(publicKey, key);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
