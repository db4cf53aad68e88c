package org.youthwork.logbook.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts can be managed: listed and read (administrators all, organisation leads their organisation's), disabled
 * and enabled, given a new password or secret, and a person changes their own password; each change is audited and
 * ends the tokens it should at once.
 */
@QuarkusTest
class AccountManagementTest {

    private static final String PASSWORD = "a long enough password";
    private static final String NEW_PASSWORD = "another long password";
    /** Fields that would give away a credential; none may appear in any answer or audit entry. */
    private static final Set<String> SECRET_FIELDS = Set.of("password", "secret", "secretHash", "hash", "clientSecret");

    record Login(String id, String username, String token) {
    }

    @Inject
    AgroalDataSource db;

    @Inject
    LoginGuard guard;

    @BeforeAll
    static void noDefaultCredentials() {
        Api.anonymous();
    }

    // Every test here signs in wrongly now and then, all from one address: the sign-in limit must not mix them up.
    @BeforeEach
    @AfterEach
    void forgetAttempts() {
        guard.forgetAll();
    }

    // ---- lists and reads

    @Test
    void shouldListUsersWithFiltersAndNeverACredential() {
        String organisation = organisation();
        String tag = tag();
        Login worker = person(tag + "-worker", "YOUTH_WORKER", "organisationId", organisation);
        Login lead = person(tag + "-lead", "ORGANISATION_LEAD", "organisationId", organisation);
        Login municipality = person(tag + "-town", "MUNICIPALITY", "municipalityCode", "SI-133");
        Login coordinator = person(tag + "-coord", "NETWORK_COORDINATOR", "country", "BG");

        var all = as(Api.adminToken()).queryParam("q", tag.toUpperCase()).get("/api/v1/users").then()
                .statusCode(200).body("total", equalTo(4)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.username", equalTo(List.of(tag + "-coord", tag + "-lead", tag + "-town", tag + "-worker")))
                .extract();
        assertNoCredentials(all);
        var first = all.jsonPath().getMap("items[3]");
        assertEquals(worker.id(), first.get("id"));
        assertEquals("YOUTH_WORKER", first.get("role"));
        assertEquals(organisation, first.get("organisationId"));
        assertEquals(false, first.get("disabled"));
        assertNull(first.get("disabledAt"));
        assertNotNull(first.get("createdAt"));
        assertEquals(0, first.get("version"));

        as(Api.adminToken()).queryParam("q", tag).queryParam("role", "ORGANISATION_LEAD").get("/api/v1/users").then()
                .statusCode(200).body("items.id", equalTo(List.of(lead.id())));
        as(Api.adminToken()).queryParam("organisationId", organisation).get("/api/v1/users").then()
                .statusCode(200).body("total", equalTo(2)).body("items.id", equalTo(List.of(lead.id(), worker.id())));
        as(Api.adminToken()).queryParam("q", tag).queryParam("municipalityCode", "SI-133").get("/api/v1/users").then()
                .statusCode(200).body("items.id", equalTo(List.of(municipality.id())));
        as(Api.adminToken()).queryParam("q", tag).queryParam("country", "BG").get("/api/v1/users").then()
                .statusCode(200).body("items.id", equalTo(List.of(coordinator.id())));
        as(Api.adminToken()).queryParam("q", tag).queryParam("size", "1").queryParam("page", "1").get("/api/v1/users").then()
                .statusCode(200).body("total", equalTo(4)).body("items.username", equalTo(List.of(tag + "-lead")));

        as(Api.adminToken()).post("/api/v1/users/{id}/disable", municipality.id()).then().statusCode(200);
        as(Api.adminToken()).queryParam("q", tag).queryParam("disabled", "true").get("/api/v1/users").then()
                .statusCode(200).body("items.id", equalTo(List.of(municipality.id())));
        as(Api.adminToken()).queryParam("q", tag).queryParam("disabled", "false").get("/api/v1/users").then()
                .statusCode(200).body("total", equalTo(3)).body("items.id", not(hasItem(municipality.id())));

        as(Api.adminToken()).delete("/api/v1/users/{id}", coordinator.id()).then().statusCode(204);
        as(Api.adminToken()).queryParam("q", tag).get("/api/v1/users").then()
                .statusCode(200).body("total", equalTo(3)).body("items.id", not(hasItem(coordinator.id())));
    }

    @Test
    void shouldRefuseMalformedFiltersWithTheParameterNamed() {
        as(Api.adminToken()).queryParam("role", "KING").get("/api/v1/users").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("role"));
        as(Api.adminToken()).queryParam("disabled", "yes").get("/api/v1/clients").then()
                .statusCode(400).body("violations[0].field", equalTo("disabled"));
        as(Api.adminToken()).queryParam("organisationId", "not-a-uuid").get("/api/v1/users").then()
                .statusCode(400).body("violations[0].field", equalTo("organisationId"));
        as(Api.adminToken()).queryParam("municipalityCode", "XX-999").get("/api/v1/users").then()
                .statusCode(400).body("violations[0].field", equalTo("municipalityCode"));
        as(Api.adminToken()).queryParam("q", "%").get("/api/v1/users").then()
                .statusCode(200).body("total", equalTo(0));
        as(Api.adminToken()).queryParam("q", "a".repeat(101)).get("/api/v1/clients").then()
                .statusCode(400).body("violations[0].field", equalTo("q"));
        as(Api.adminToken()).queryParam("q", "").get("/api/v1/users").then()
                .statusCode(400).body("violations[0].field", equalTo("q"));
        as(Api.adminToken()).queryParam("password", "x").get("/api/v1/users").then()
                .statusCode(400).body("violations[0].field", equalTo("password"));
    }

    @Test
    void shouldShowALeadOnlyTheirOrganisationsAccounts() {
        String ours = organisation();
        String theirs = organisation();
        String tag = tag();
        Login lead = person(tag + "-lead", "ORGANISATION_LEAD", "organisationId", ours);
        Login worker = person(tag + "-worker", "YOUTH_WORKER", "organisationId", ours);
        Login otherWorker = person(tag + "-other", "YOUTH_WORKER", "organisationId", theirs);
        Login machine = machine(lead.token(), "YOUTH_WORKER", "organisationId", ours);
        Login otherMachine = machine(Api.adminToken(), "YOUTH_WORKER", "organisationId", theirs);

        var users = as(lead.token()).get("/api/v1/users").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", equalTo(List.of(lead.id(), worker.id()))).extract();
        assertNoCredentials(users);
        var clients = as(lead.token()).get("/api/v1/clients").then().statusCode(200)
                .body("items.id", equalTo(List.of(machine.id()))).extract();
        assertNoCredentials(clients);
        as(lead.token()).queryParam("organisationId", theirs).get("/api/v1/users").then()
                .statusCode(403).contentType("application/problem+json");
        as(lead.token()).queryParam("organisationId", ours).get("/api/v1/users").then().statusCode(200).body("total", equalTo(2));

        as(lead.token()).get("/api/v1/users/{id}", worker.id()).then().statusCode(200).body("username", equalTo(tag + "-worker"));
        as(lead.token()).get("/api/v1/users/{id}", otherWorker.id()).then().statusCode(404).contentType("application/problem+json");
        as(lead.token()).get("/api/v1/users/{id}", subject(Api.adminToken())).then().statusCode(404);
        as(lead.token()).get("/api/v1/clients/{id}", otherMachine.id()).then().statusCode(404);
        as(lead.token()).get("/api/v1/clients/{id}", worker.id()).then().statusCode(404);

        as(worker.token()).get("/api/v1/users").then().statusCode(403).contentType("application/problem+json");
        as(worker.token()).get("/api/v1/clients").then().statusCode(403);
        as(worker.token()).get("/api/v1/users/{id}", lead.id()).then().statusCode(404);
        as(worker.token()).get("/api/v1/users/{id}", worker.id()).then().statusCode(200);
        given().get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void shouldReadAClientWithItsVersionAndNoSecret() {
        Login machine = machine(Api.adminToken(), "MUNICIPALITY", "municipalityCode", "SI-133");
        var read = as(Api.adminToken()).get("/api/v1/clients/{id}", machine.id()).then().statusCode(200)
                .header("ETag", "\"0\"").body("id", equalTo(machine.id())).body("clientId", equalTo(machine.username()))
                .body("name", equalTo("A reporting tool")).body("role", equalTo("MUNICIPALITY"))
                .body("municipalityCode", equalTo("SI-133")).body("disabled", equalTo(false)).body("version", equalTo(0))
                .extract();
        assertNoCredentials(read);
        var listed = as(Api.adminToken()).queryParam("q", machine.username()).get("/api/v1/clients").then()
                .statusCode(200).body("items.id", equalTo(List.of(machine.id()))).extract();
        assertNoCredentials(listed);
        as(Api.adminToken()).get("/api/v1/clients/{id}", UUID.randomUUID()).then().statusCode(404);
        as(Api.adminToken()).get("/api/v1/users/{id}", machine.id()).then().statusCode(404);
    }

    @Test
    void shouldAnswerOnesOwnAccountAtMe() {
        String organisation = organisation();
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation);
        var me = as(worker.token()).get("/api/v1/users/me").then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(worker.id())).body("username", equalTo(worker.username()))
                .body("role", equalTo("YOUTH_WORKER")).body("organisationId", equalTo(organisation))
                .body("disabled", equalTo(false)).extract();
        assertNoCredentials(me);
        as(Api.adminToken()).get("/api/v1/users/me").then().statusCode(200).body("role", equalTo("ADMIN"))
                .body("organisationId", nullValue());

        Login machine = machine(Api.adminToken(), "NETWORK_COORDINATOR", "country", "SI");
        as(machine.token()).get("/api/v1/users/me").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/users/me").then().statusCode(401);
    }

    // ---- disabling and enabling

    @Test
    void shouldStopADisabledPersonAtOnceAndLetThemInAgainWhenEnabled() throws SQLException {
        String organisation = organisation();
        Login lead = person(tag(), "ORGANISATION_LEAD", "organisationId", organisation);
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation);
        as(worker.token()).get("/api/v1/sessions").then().statusCode(200);

        var disabled = as(lead.token()).post("/api/v1/users/{id}/disable", worker.id()).then().statusCode(200)
                .header("ETag", "\"1\"").body("disabled", equalTo(true)).body("disabledAt", notNullValue())
                .body("version", equalTo(1)).extract();
        assertNoCredentials(disabled);
        assertNotNull(column(worker.id(), "disabled_at"));
        as(worker.token()).get("/api/v1/sessions").then().statusCode(401).contentType("application/problem+json");
        signIn(worker.username(), PASSWORD).statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("the username or the password is wrong"));

        as(lead.token()).post("/api/v1/users/{id}/disable", worker.id()).then().statusCode(200)
                .body("disabled", equalTo(true)).body("version", equalTo(1));

        as(lead.token()).post("/api/v1/users/{id}/enable", worker.id()).then().statusCode(200)
                .header("ETag", "\"2\"").body("disabled", equalTo(false)).body("disabledAt", nullValue());
        assertNull(column(worker.id(), "disabled_at"));
        signIn(worker.username(), PASSWORD).statusCode(200);
        as(worker.token()).get("/api/v1/sessions").then().statusCode(200);

        var history = as(lead.token()).get("/api/v1/users/{id}/history", worker.id()).then().statusCode(200)
                .body("total", equalTo(3)).body("items.action", equalTo(List.of("CREATE", "UPDATE", "UPDATE")))
                .body("items[1].actor.id", equalTo(lead.id())).body("items[1].actor.name", equalTo(lead.username()))
                .body("items[1].before.disabled", equalTo(false)).body("items[1].after.disabled", equalTo(true))
                .body("items[2].before.disabled", equalTo(true)).body("items[2].after.disabled", equalTo(false))
                .extract();
        assertFalse(history.asString().contains("$2a$"), "a bcrypt hash in the history: " + history.asString());
        assertAuditHasNoHash(worker.id(), 3);
    }

    @Test
    void shouldStopADisabledMachine() {
        String organisation = organisation();
        Login lead = person(tag(), "ORGANISATION_LEAD", "organisationId", organisation);
        var created = as(lead.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "The centre's tablet", "role", "YOUTH_WORKER", "organisationId", organisation))
                .post("/api/v1/clients").then().statusCode(201).extract();
        String id = created.path("id");
        String token = clientToken(created.path("clientId"), created.path("clientSecret")).statusCode(200).extract().path("access_token");

        as(lead.token()).post("/api/v1/clients/{id}/disable", id).then().statusCode(200).body("disabled", equalTo(true));
        as(token).get("/api/v1/sessions").then().statusCode(401);
        clientToken(created.path("clientId"), created.path("clientSecret")).statusCode(401).body("error", equalTo("invalid_client"));
        as(lead.token()).post("/api/v1/users/{id}/enable", id).then().statusCode(404);

        as(lead.token()).post("/api/v1/clients/{id}/enable", id).then().statusCode(200).body("disabled", equalTo(false));
        clientToken(created.path("clientId"), created.path("clientSecret")).statusCode(200);
    }

    @Test
    void shouldAnswerMethodNotAllowedForAChangeOfMe() {
        as(Api.adminToken()).delete("/api/v1/users/me").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", equalTo("GET, HEAD, OPTIONS"));
        as(Api.adminToken()).get("/api/v1/users/me").then().statusCode(200);
    }

    @Test
    void shouldRefuseToDisableOnesOwnAccountOrAnotherOrganisationsOrWithAStaleVersion() {
        String organisation = organisation();
        Login lead = person(tag(), "ORGANISATION_LEAD", "organisationId", organisation);
        Login other = person(tag(), "YOUTH_WORKER", "organisationId", organisation());
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation);

        as(lead.token()).post("/api/v1/users/{id}/disable", lead.id()).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("own account"));
        as(Api.adminToken()).post("/api/v1/users/{id}/disable", subject(Api.adminToken())).then().statusCode(403);
        as(lead.token()).post("/api/v1/users/{id}/disable", other.id()).then().statusCode(404);
        as(worker.token()).post("/api/v1/users/{id}/disable", lead.id()).then().statusCode(403);
        as(lead.token()).header("If-Match", "\"7\"").post("/api/v1/users/{id}/disable", worker.id()).then().statusCode(412);
        as(lead.token()).header("If-Match", "").post("/api/v1/users/{id}/disable", worker.id()).then().statusCode(400)
                .body("violations[0].field", equalTo("If-Match"));
        as(lead.token()).header("If-Match", "\"0\"").post("/api/v1/users/{id}/disable", worker.id()).then().statusCode(200);
        as(lead.token()).get("/api/v1/sessions").then().statusCode(200);
        as(other.token()).get("/api/v1/sessions").then().statusCode(200);
    }

    @Test
    void shouldKeepTheLastActiveAdministratorEnabled() throws SQLException {
        Login only = person(tag(), "ADMIN", null, null);
        Login colleague = person(tag(), "ADMIN", null, null);
        List<String> administrators = activeAdministrators();
        try {
            onlyActiveAdministrators(List.of(only.id(), colleague.id()));
            as(only.token()).post("/api/v1/users/{id}/disable", colleague.id()).then().statusCode(200);
            as(colleague.token()).get("/api/v1/users/me").then().statusCode(401);
            assertEquals(List.of(only.id()), activeAdministrators());
            // the only active one left: nobody may disable it, and a disabled administrator does not count
            as(only.token()).post("/api/v1/users/{id}/disable", only.id()).then().statusCode(403);
            as(only.token()).post("/api/v1/users/{id}/enable", colleague.id()).then().statusCode(200);
            as(colleague.token()).post("/api/v1/users/{id}/disable", only.id()).then().statusCode(200);
            as(colleague.token()).delete("/api/v1/users/{id}", only.id()).then().statusCode(204);
            assertEquals(List.of(colleague.id()), activeAdministrators());
        } finally {
            onlyActiveAdministrators(administrators);
        }
    }

    /**
     * The last active administrator is only reachable by a race: an administrator's own token proves it active, and
     * nobody disables their own account. Ten pairs, each the only active administrators, disable each other at once:
     * one wins, the other answers 409 (or 401, when it came after), and one active administrator is left.
     */
    @Test
    void shouldKeepTheLastActiveAdministratorWhenTwoDisableEachOtherAtOnce() throws Exception {
        AdministratorRace.run(() -> {
            Login admin = person(tag(), "ADMIN", null, null);
            return new AdministratorRace.Admin(admin.id(), admin.token());
        }, this::activeAdministrators, this::onlyActiveAdministrators,
                (x, y) -> as(x.token()).post("/api/v1/users/{id}/disable", y.id()).then().extract(), 200);
    }

    // ---- passwords and secrets

    @Test
    void shouldLetALeadResetAPasswordSoThatOnlyTheNewOneWorks() throws Exception {
        String organisation = organisation();
        Login lead = person(tag(), "ORGANISATION_LEAD", "organisationId", organisation);
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation);
        awaitNextSecond(); // the worker's token is then from an earlier second than the reset

        var reset = as(lead.token()).contentType(ContentType.JSON).body(Map.of("password", NEW_PASSWORD))
                .put("/api/v1/users/{id}/password", worker.id()).then().statusCode(200)
                .header("ETag", "\"1\"").body("passwordChangedAt", notNullValue()).body("version", equalTo(1)).extract();
        assertNoCredentials(reset);
        assertNotNull(column(worker.id(), "credentials_changed_at"));
        as(worker.token()).get("/api/v1/sessions").then().statusCode(401);
        signIn(worker.username(), PASSWORD).statusCode(400).body("error", equalTo("invalid_grant"));
        String fresh = signIn(worker.username(), NEW_PASSWORD).statusCode(200).extract().path("access_token");
        as(fresh).get("/api/v1/sessions").then().statusCode(200);
        as(lead.token()).get("/api/v1/sessions").then().statusCode(200);

        as(lead.token()).get("/api/v1/users/{id}/history", worker.id()).then().statusCode(200)
                .body("items[1].action", equalTo("UPDATE")).body("items[1].actor.id", equalTo(lead.id()))
                .body("items[1].before.passwordChangedAt", nullValue())
                .body("items[1].after.passwordChangedAt", notNullValue());
        assertAuditHasNoHash(worker.id(), 2);
    }

    @Test
    void shouldRefuseAPasswordResetOutsideTheCallersScope() {
        String organisation = organisation();
        Login lead = person(tag(), "ORGANISATION_LEAD", "organisationId", organisation);
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation);
        Login other = person(tag(), "YOUTH_WORKER", "organisationId", organisation());
        Login coordinator = person(tag(), "NETWORK_COORDINATOR", "country", "SI");

        reset(lead.token(), other.id(), NEW_PASSWORD).statusCode(404);
        reset(lead.token(), coordinator.id(), NEW_PASSWORD).statusCode(404);
        reset(lead.token(), subject(Api.adminToken()), NEW_PASSWORD).statusCode(404);
        reset(lead.token(), lead.id(), NEW_PASSWORD).statusCode(403).body("detail", containsString("/users/me/password"));
        reset(worker.token(), lead.id(), NEW_PASSWORD).statusCode(403);
        reset(coordinator.token(), worker.id(), NEW_PASSWORD).statusCode(403);
        reset(lead.token(), worker.id(), "too short").statusCode(400)
                .body("violations[0].field", equalTo("password"));
        as(lead.token()).contentType(ContentType.JSON).body(Map.of("password", NEW_PASSWORD, "role", "ADMIN"))
                .put("/api/v1/users/{id}/password", worker.id()).then().statusCode(400);
        reset(Api.adminToken(), coordinator.id(), NEW_PASSWORD).statusCode(200);

        signIn(worker.username(), PASSWORD).statusCode(200);
        signIn(other.username(), PASSWORD).statusCode(200);
        signIn(lead.username(), PASSWORD).statusCode(200);
        signIn(coordinator.username(), NEW_PASSWORD).statusCode(200);
    }

    @Test
    void shouldLetAPersonChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation());
        awaitNextSecond();

        change(worker.token(), "not my password", NEW_PASSWORD).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("currentPassword"));
        change(worker.token(), PASSWORD, PASSWORD).statusCode(400).body("violations[0].field", equalTo("newPassword"));
        change(worker.token(), PASSWORD, "short").statusCode(400).body("violations[0].field", equalTo("newPassword"));
        signIn(worker.username(), PASSWORD).statusCode(200);
        as(worker.token()).get("/api/v1/sessions").then().statusCode(200);

        change(worker.token(), PASSWORD, NEW_PASSWORD).statusCode(204);

        as(worker.token()).get("/api/v1/sessions").then().statusCode(401);
        signIn(worker.username(), PASSWORD).statusCode(400).body("error", equalTo("invalid_grant"));
        String fresh = signIn(worker.username(), NEW_PASSWORD).statusCode(200).extract().path("access_token");
        as(fresh).get("/api/v1/users/me").then().statusCode(200).body("passwordChangedAt", notNullValue())
                .body("version", equalTo(1));
        var history = as(Api.adminToken()).get("/api/v1/users/{id}/history", worker.id()).then().statusCode(200)
                .body("total", equalTo(2)).body("items[1].actor.id", equalTo(worker.id())).extract();
        assertFalse(history.asString().contains("$2a$"));
        assertAuditHasNoHash(worker.id(), 2);
        Login machine = machine(Api.adminToken(), "ADMIN", null, null);
        change(machine.token(), "whatever it is", NEW_PASSWORD).statusCode(404);
    }

    /** JWT iat has whole seconds: a sign-in in the same second as the password change, after it, must work. */
    @Test
    void shouldAcceptATokenIssuedInTheSameSecondRightAfterAPasswordChange() throws Exception {
        String password = PASSWORD;
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation());
        String token = worker.token();
        for (int round = 0; round < 5; round++) {
            awaitNextSecond();
            String next = "password of round " + round;
            change(token, password, next).statusCode(204);
            password = next;
            token = signIn(worker.username(), password).statusCode(200).extract().path("access_token");
            Instant changed = ((Timestamp) column(worker.id(), "credentials_changed_at")).toInstant();
            if (issuedAt(token) == changed.getEpochSecond()) {
                as(token).get("/api/v1/users/me").then().statusCode(200);
                return;
            }
            as(token).get("/api/v1/users/me").then().statusCode(200);
        }
        throw new AssertionError("no round signed in within the second of its password change; the case was not tested");
    }

    /** A token of ours carries its milliseconds: one issued in the second of a password change, before it, ends. */
    @Test
    void shouldEndATokenIssuedInTheSameSecondJustBeforeAPasswordChange() throws Exception {
        String password = PASSWORD;
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation());
        for (int round = 0; round < 5; round++) {
            awaitNextSecond();
            String token = signIn(worker.username(), password).statusCode(200).extract().path("access_token");
            String next = "password of round " + round;
            change(token, password, next).statusCode(204);
            password = next;
            Instant changed = ((Timestamp) column(worker.id(), "credentials_changed_at")).toInstant();
            as(token).get("/api/v1/users/me").then().statusCode(401);
            if (issuedAt(token) == changed.getEpochSecond()) {
                return;
            }
        }
        throw new AssertionError("no round changed the password within the second of its sign-in; the case was not tested");
    }

    @Test
    void shouldLimitGuessesOfTheCurrentPasswordLikeSignIns() {
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation());
        for (int i = 0; i < 10; i++) {
            change(worker.token(), "guess " + i, NEW_PASSWORD).statusCode(400);
        }
        var limited = change(worker.token(), PASSWORD, NEW_PASSWORD).statusCode(429)
                .contentType("application/problem+json").body("status", equalTo(429)).extract();
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        signIn(worker.username(), PASSWORD).statusCode(429);
        as(worker.token()).get("/api/v1/users/me").then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void shouldGiveAMachineANewSecretSoThatOnlyTheNewOneWorks() throws Exception {
        String organisation = organisation();
        Login lead = person(tag(), "ORGANISATION_LEAD", "organisationId", organisation);
        var created = as(lead.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "The centre's tablet", "role", "YOUTH_WORKER", "organisationId", organisation))
                .post("/api/v1/clients").then().statusCode(201).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");
        String oldSecret = created.path("clientSecret");
        String oldToken = clientToken(clientId, oldSecret).statusCode(200).extract().path("access_token");
        awaitNextSecond();

        var renewed = as(lead.token()).post("/api/v1/clients/{id}/secret", id).then().statusCode(200)
                .header("Cache-Control", "no-store").body("id", equalTo(id)).body("clientId", equalTo(clientId))
                .body("clientSecret", notNullValue()).extract();
        String newSecret = renewed.path("clientSecret");
        assertNotEquals(oldSecret, newSecret);
        assertTrue(newSecret.length() >= 40, "a secret of 256 bits");

        as(oldToken).get("/api/v1/sessions").then().statusCode(401);
        clientToken(clientId, oldSecret).statusCode(401).body("error", equalTo("invalid_client"));
        String fresh = clientToken(clientId, newSecret).statusCode(200).extract().path("access_token");
        as(fresh).get("/api/v1/sessions").then().statusCode(200);

        var history = as(lead.token()).get("/api/v1/clients/{id}/history", id).then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE", "UPDATE")))
                .body("items[1].before.secretChangedAt", nullValue()).body("items[1].after.secretChangedAt", notNullValue())
                .extract();
        assertFalse(history.asString().contains(newSecret), "the secret in the history");
        assertFalse(history.asString().contains("$2a$"));
        assertAuditHasNoHash(id, 2);

        Login other = person(tag(), "ORGANISATION_LEAD", "organisationId", organisation());
        as(other.token()).post("/api/v1/clients/{id}/secret", id).then().statusCode(404);
        as(other.token()).get("/api/v1/clients/{id}/history", id).then().statusCode(404);
        as(lead.token()).post("/api/v1/users/{id}/secret", id).then().statusCode(404);
        clientToken(clientId, newSecret).statusCode(200);
    }

    @Test
    void shouldShowTheHistoryToAdministratorsAndTheLeadInScopeOnly() {
        String organisation = organisation();
        Login lead = person(tag(), "ORGANISATION_LEAD", "organisationId", organisation);
        Login worker = person(tag(), "YOUTH_WORKER", "organisationId", organisation);
        Login otherLead = person(tag(), "ORGANISATION_LEAD", "organisationId", organisation());

        as(Api.adminToken()).get("/api/v1/users/{id}/history", worker.id()).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].action", equalTo("CREATE")).body("items[0].before", nullValue())
                .body("items[0].after.username", equalTo(worker.username()));
        as(otherLead.token()).get("/api/v1/users/{id}/history", worker.id()).then().statusCode(404);
        as(worker.token()).get("/api/v1/users/{id}/history", worker.id()).then().statusCode(403);
        as(lead.token()).delete("/api/v1/users/{id}", worker.id()).then().statusCode(204);
        as(lead.token()).get("/api/v1/users/{id}/history", worker.id()).then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE", "DELETE"))).body("items[1].after", nullValue());
        as(lead.token()).get("/api/v1/users/{id}", worker.id()).then().statusCode(404);
    }

    // ---- helpers

    private static void assertNoCredentials(ExtractableResponse<Response> answer) {
        String body = answer.asString();
        assertFalse(body.contains("$2a$") || body.contains("$2b$") || body.contains("$2y$"), "a bcrypt hash in " + body);
        Object root = answer.jsonPath().get("$");
        List<Map<String, Object>> objects = new ArrayList<>();
        if (root instanceof Map<?, ?> map && map.containsKey("items")) {
            objects.addAll(answer.jsonPath().getList("items"));
        } else {
            objects.add(answer.jsonPath().getMap("$"));
        }
        for (Map<String, Object> object : objects) {
            for (String field : object.keySet()) {
                assertFalse(SECRET_FIELDS.contains(field), "a credential field " + field + " in " + body);
            }
        }
    }

    private void assertAuditHasNoHash(String accountId, int entries) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select before::text, after::text, (select secret_hash from account where id = ?) from audit_entry "
                        + "where entity_type = 'ACCOUNT' and entity_id = ?")) {
            ps.setObject(1, UUID.fromString(accountId));
            ps.setObject(2, UUID.fromString(accountId));
            int count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    for (int i = 1; i <= 2; i++) {
                        String state = rs.getString(i);
                        if (state != null) {
                            assertFalse(state.contains("$2a$") || state.contains(rs.getString(3)), "a hash in the audit: " + state);
                            for (String field : SECRET_FIELDS) {
                                assertFalse(state.contains("\"" + field + "\""), "a credential field in the audit: " + state);
                            }
                        }
                    }
                }
            }
            assertEquals(entries, count, "audit entries of the account");
        }
    }

    private Object column(String accountId, String column) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + column + " from account where id = ?")) {
            ps.setObject(1, UUID.fromString(accountId));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getObject(1);
            }
        }
    }

    private List<String> activeAdministrators() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from account where role = 'ADMIN' and deleted_at is null and disabled_at is null order by id");
             ResultSet rs = ps.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    /**
     * Exactly these administrators active: the others are set aside (deleted) until a later call puts them back.
     * Leaves disabled_at alone: an administrator disabled by a test stays disabled, and is no longer active.
     */
    private void onlyActiveAdministrators(List<String> ids) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update account set deleted_at = case when id = any(?::uuid[]) then null else coalesce(deleted_at, now()) end,
                disabled_at = case when id = any(?::uuid[]) then null else disabled_at end
                where role = 'ADMIN'""")) {
            ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            ps.setArray(2, c.createArrayOf("varchar", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static io.restassured.response.ValidatableResponse signIn(String username, String password) {
        return given().formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .post("/api/v1/auth/token").then();
    }

    private static io.restassured.response.ValidatableResponse clientToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post("/api/v1/auth/token").then();
    }

    private static io.restassured.response.ValidatableResponse reset(String token, String id, String password) {
        return as(token).contentType(ContentType.JSON).body(Map.of("password", password))
                .put("/api/v1/users/{id}/password", id).then();
    }

    private static io.restassured.response.ValidatableResponse change(String token, String current, String next) {
        return as(token).contentType(ContentType.JSON).body(Map.of("currentPassword", current, "newPassword", next))
                .put("/api/v1/users/me/password").then();
    }

    private static String tag() {
        return "acc-" + UUID.randomUUID().toString().substring(0, 10);
    }

    private static Login person(String username, String role, String scopeField, String scope) {
        String id = Api.createUser(username, PASSWORD, role, scopeField, scope);
        return new Login(id, username, Api.token(username, PASSWORD));
    }

    private static Login machine(String creatorToken, String role, String scopeField, String scope) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "A reporting tool", "role", role));
        if (scopeField != null) {
            body.put(scopeField, scope);
        }
        var created = as(creatorToken).contentType(ContentType.JSON).body(body)
                .post("/api/v1/clients").then().statusCode(201).extract();
        String token = clientToken(created.path("clientId"), created.path("clientSecret")).statusCode(200)
                .extract().path("access_token");
        return new Login(created.path("id"), created.path("clientId"), token);
    }

    private static String organisation() {
        return as(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Centre of accounts", "type", "YOUTH_CENTRE", "municipalityCode", "SI-133", "member", false))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
    }

    /** Sleeps into the next wall-clock second, early in it: tokens issued before are then of an earlier second. */
    private static void awaitNextSecond() throws InterruptedException {
        long now = System.currentTimeMillis();
        Thread.sleep(1000 - now % 1000 + 20);
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static long issuedAt(String token) {
        String payload = payload(token);
        int at = payload.indexOf("\"iat\":") + 6;
        int end = at;
        while (end < payload.length() && Character.isDigit(payload.charAt(end))) {
            end++;
        }
        return Long.parseLong(payload.substring(at, end));
    }

    private static String subject(String token) {
        String payload = payload(token);
        int at = payload.indexOf("\"sub\":\"") + 7;
        return payload.substring(at, payload.indexOf('"', at));
    }
}
