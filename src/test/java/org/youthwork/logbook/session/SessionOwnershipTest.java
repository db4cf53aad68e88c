package org.youthwork.logbook.session;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sessions know who logged them: a youth worker corrects their own; an account of one organisation logs for it. */
@QuarkusTest
class SessionOwnershipTest {

    private static final String PASSWORD = "a long enough password";

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void logFailures() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A person of the organisation: their username, account id and token. */
    private record Person(String username, String id, String token) {
        RequestSpecification request() {
            return given().header("Authorization", "Bearer " + token);
        }
    }

    private static Person person(String role, String scopeField, String scope) {
        String username = role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Api.createUser(username, PASSWORD, role, scopeField, scope);
        return new Person(username, id, Api.token(username, PASSWORD));
    }

    @Test
    void shouldLetAYouthWorkerCorrectAndDeleteASessionTheyLoggedAndSayWhoInTheHistory() {
        String org = Api.createOrganisation("Own typo centre", "SI-133", true);
        Person worker = person("YOUTH_WORKER", "organisationId", org);
        String id = worker.request().contentType(ContentType.JSON).body(Api.session(org)).post("/api/v1/sessions").then()
                .statusCode(201).body("loggedBy", equalTo(worker.id())).extract().path("id");
        assertEquals(worker.id(), text("select logged_by from youth_session where id = ?", id));

        Map<String, Object> fixed = Api.session(org);
        fixed.put("title", "Street outreach at the railway station");
        worker.request().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(fixed)
                .put("/api/v1/sessions/{id}", id).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("Street outreach at the railway station"))
                .body("loggedBy", equalTo(worker.id()));
        assertEquals("Street outreach at the railway station", text("select title from youth_session where id = ?", id));

        worker.request().delete("/api/v1/sessions/{id}", id).then().statusCode(204);
        assertEquals("1", text("select count(*) from youth_session where id = ? and deleted_at is not null", id));

        given().get("/api/v1/sessions/{id}/history", id).then().statusCode(200)
                .body("items.action", contains("CREATE", "UPDATE", "DELETE"))
                .body("items.actor.name", contains(worker.username(), worker.username(), worker.username()))
                .body("items.actor.id", contains(worker.id(), worker.id(), worker.id()))
                .body("items[1].before.title", equalTo("Street outreach at the bus station"))
                .body("items[1].after.title", equalTo("Street outreach at the railway station"));
    }

    @Test
    void shouldAnswer403WhenAYouthWorkerCorrectsOrDeletesAnotherWorkersSessionTheyMaySee() {
        String org = Api.createOrganisation("Two workers centre", "SI-133", true);
        Person author = person("YOUTH_WORKER", "organisationId", org);
        Person colleague = person("YOUTH_WORKER", "organisationId", org);
        String id = author.request().contentType(ContentType.JSON).body(Api.session(org)).post("/api/v1/sessions").then()
                .statusCode(201).extract().path("id");
        String byAdmin = Api.createSession(Api.session(org));

        colleague.request().get("/api/v1/sessions/{id}", id).then().statusCode(200).body("loggedBy", equalTo(author.id()));
        Map<String, Object> changed = Api.session(org);
        changed.put("title", "Not my session");
        for (String session : new String[] {id, byAdmin}) {
            colleague.request().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                    .put("/api/v1/sessions/{id}", session).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:logbook:problem:forbidden"))
                    .body("detail", containsString("only the sessions they logged themselves"));
            colleague.request().delete("/api/v1/sessions/{id}", session).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        // The author may not delete a session the administrator logged either.
        author.request().delete("/api/v1/sessions/{id}", byAdmin).then().statusCode(403);
        assertEquals("2", text("select count(*) from youth_session where organisation_id = cast(? as uuid)"
                + " and deleted_at is null and version = 0", org));
    }

    @Test
    void shouldLetTheLeadCorrectAndDeleteAWorkersSession() {
        String org = Api.createOrganisation("Lead corrects centre", "SI-133", true);
        Person worker = person("YOUTH_WORKER", "organisationId", org);
        Person lead = person("ORGANISATION_LEAD", "organisationId", org);
        String id = worker.request().contentType(ContentType.JSON).body(Api.session(org)).post("/api/v1/sessions").then()
                .statusCode(201).extract().path("id");
        Map<String, Object> changed = Api.session(org);
        changed.put("durationMinutes", 90);
        lead.request().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .put("/api/v1/sessions/{id}", id).then()
                .statusCode(200).body("durationMinutes", equalTo(90)).body("loggedBy", equalTo(worker.id()));
        given().get("/api/v1/sessions/{id}/history", id).then().body("items[1].actor.name", equalTo(lead.username()));
        lead.request().delete("/api/v1/sessions/{id}", id).then().statusCode(204);
        // Who logged a session stays who logged it, whoever corrects it.
        assertEquals(worker.id(), text("select logged_by from youth_session where id = ?", id));
    }

    @Test
    void shouldRefuseAYouthWorkersCorrectionOfTheirOwnSessionInAClosedPeriod() {
        String org = Api.createOrganisation("Closed year centre", "SI-133", true);
        Person worker = person("YOUTH_WORKER", "organisationId", org);
        Map<String, Object> body = Api.session(org);
        body.put("date", "2007-06-01");
        String id = worker.request().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").then()
                .statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("country", "SI", "year", 2007)).post("/api/v1/periods/closed")
                .then().statusCode(201);
        try {
            body.put("title", "Corrected too late");
            worker.request().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                    .put("/api/v1/sessions/{id}", id).then().statusCode(409).contentType("application/problem+json");
            worker.request().delete("/api/v1/sessions/{id}", id).then().statusCode(409);
        } finally {
            given().delete("/api/v1/periods/closed/SI/2007").then().statusCode(204);
        }
        assertEquals("Street outreach at the bus station", text("select title from youth_session where id = ?", id));
    }

    @Test
    void shouldLogForTheAccountsOwnOrganisationWhenTheRequestNamesNone() {
        String org = Api.createOrganisation("Implicit organisation centre", "SI-061", true);
        Person worker = person("YOUTH_WORKER", "organisationId", org);
        Map<String, Object> body = Api.session(org);
        body.remove("organisationId");
        body.remove("municipalityCode");
        String id = UUID.randomUUID().toString();
        body.put("id", id);

        worker.request().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").then()
                .statusCode(201).body("organisationId", equalTo(org)).body("municipalityCode", equalTo("SI-061"));
        assertEquals(org, text("select organisation_id from youth_session where id = ?", id));

        // A retry is the same content whether it names the organisation or leaves it out.
        worker.request().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").then()
                .statusCode(200).body("id", equalTo(id)).body("version", equalTo(0));
        body.put("organisationId", org);
        worker.request().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").then().statusCode(200);
        body.remove("organisationId");
        body.put("durationMinutes", 45);
        worker.request().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").then().statusCode(409);

        // A PUT that leaves it out keeps the account's organisation too.
        body.remove("id");
        Person lead = person("ORGANISATION_LEAD", "organisationId", org);
        lead.request().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/sessions/{id}", id).then()
                .statusCode(200).body("organisationId", equalTo(org)).body("durationMinutes", equalTo(45));
        assertEquals("1", text("select count(*) from youth_session where organisation_id = cast(? as uuid)", org));
    }

    @Test
    void shouldAnswer400AtOrganisationIdWhenAnAccountOfNoOrganisationNamesNone() {
        String org = Api.createOrganisation("Named organisation centre", "SI-133", true);
        Person coordinator = person("NETWORK_COORDINATOR", "country", "SI");
        Map<String, Object> body = Api.session(org);
        body.remove("organisationId");
        String title = "Logged by nobody " + UUID.randomUUID();
        body.put("title", title);

        Api.post(body).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("organisationId"))
                .body("violations[0].message", containsString("belongs to no organisation"));
        coordinator.request().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").then()
                .statusCode(400).body("violations[0].field", equalTo("organisationId"));
        String id = Api.createSession(Api.session(org));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/v1/sessions/{id}", id).then()
                .statusCode(400).body("violations[0].field", equalTo("organisationId"));
        assertEquals("0", text("select count(*) from youth_session where title = ?", title));
    }

    @Test
    void shouldRecordWhoImportedAndTakeTheOrganisationFromTheAccountInAnImport() {
        String org = Api.createOrganisation("Importing worker's centre", "SI-133", true);
        Person worker = person("YOUTH_WORKER", "organisationId", org);
        Map<String, Object> withoutOrganisation = Api.session(org);
        withoutOrganisation.remove("organisationId");
        String date = LocalDate.now().minusDays(2).toString();
        String csv = "organisationId,date,durationMinutes,title,methods,themes,setting,15-19 FEMALE,youthWorkers\r\n"
                + "," + date + ",60,Drop-in without organisation,OPEN,AUTONOMY,YOUTH_CENTRE,5,1\r\n"
                + org + "," + date + ",60,Drop-in with organisation,OPEN,AUTONOMY,YOUTH_CENTRE,5,1\r\n";
        worker.request().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/sessions/import").then()
                .statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(0));
        String ndjson = "{\"date\":\"" + date + "\",\"durationMinutes\":30,\"title\":\"NDJSON without organisation\","
                + "\"methods\":[\"OPEN\"],\"themes\":[\"HEALTH\"],\"setting\":\"YOUTH_CENTRE\","
                + "\"participants\":[{\"ageBand\":\"20-24\",\"gender\":\"MALE\",\"count\":2}],\"youthWorkers\":1}\n";
        worker.request().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sessions/import").then().statusCode(200).body("accepted", equalTo(1));
        assertEquals("3", text("select count(*) from youth_session where organisation_id = cast(? as uuid)"
                + " and logged_by = cast('" + worker.id() + "' as uuid)", org));
        given().queryParam("organisationId", org).get("/api/v1/sessions").then()
                .body("items.loggedBy", contains(worker.id(), worker.id(), worker.id()));

        // The administrator belongs to no organisation: the line is refused at organisationId, the others go on.
        given().contentType("application/x-ndjson").body((ndjson + ndjson.replace("{\"date\"", "{\"organisationId\":\"" + org
                + "\",\"date\"")).getBytes(StandardCharsets.UTF_8)).post("/api/v1/sessions/import").then()
                .statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(1)).body("errors[0].problems[0].field", equalTo("organisationId"));
        String byAdmin = text("select id from youth_session where organisation_id = cast(? as uuid)"
                + " and logged_by <> cast('" + worker.id() + "' as uuid)", org);
        String adminAccount = text("select logged_by from youth_session where id = ?", byAdmin);
        given().get("/api/v1/sessions/{id}/history", byAdmin).then()
                .body("items[0].actor.name", equalTo(Api.ADMIN)).body("items[0].actor.id", equalTo(adminAccount));
    }

    private String text(String sql, String parameter) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("where id = ?")) {
                ps.setObject(1, UUID.fromString(parameter));
            } else {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
