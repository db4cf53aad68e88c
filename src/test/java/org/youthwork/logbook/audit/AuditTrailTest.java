package org.youthwork.logbook.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every change to a session or an organisation is kept: who, when, before and after; and it cannot be undone. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void noDefaultCredentials() {
        Api.anonymous();
    }

    @Test
    void shouldKeepWhoChangedASessionWhenAndWhatBeforeAndAfter() {
        String org = as(Api.adminToken(), () -> Api.createOrganisation("Audited centre", "SI-133", true));
        String lead = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(lead, "a long enough password", "ORGANISATION_LEAD", "organisationId", org);
        String token = Api.token(lead, "a long enough password");

        Map<String, Object> body = Api.session(org);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("id");
        body.put("durationMinutes", 90);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/sessions/{id}", id).then().statusCode(200);
        given().auth().oauth2(token).delete("/api/v1/sessions/{id}", id).then().statusCode(204);

        given().auth().oauth2(token).get("/api/v1/sessions/{id}/history", id).then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.action", contains("CREATE", "UPDATE", "DELETE"))
                .body("items.actor.name", contains(lead, lead, lead))
                .body("items.actor.role", contains("ORGANISATION_LEAD", "ORGANISATION_LEAD", "ORGANISATION_LEAD"))
                .body("items[0].before", nullValue())
                .body("items[0].after.durationMinutes", equalTo(120))
                .body("items[1].before.durationMinutes", equalTo(120))
                .body("items[1].after.durationMinutes", equalTo(90))
                .body("items[1].after.version", equalTo(1))
                .body("items[2].before.durationMinutes", equalTo(90))
                .body("items[2].after", nullValue());
    }

    @Test
    void shouldShowAnUnchangedSessionAsItWasLoggedWithoutStoringItTwice() throws SQLException {
        String org = as(Api.adminToken(), () -> Api.createOrganisation("Logged once centre", "SI-133", true));
        String id = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(Api.session(org))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        Map<String, Object> stored = given().auth().oauth2(Api.adminToken()).get("/api/v1/sessions/{id}", id)
                .then().statusCode(200).extract().jsonPath().getMap("");

        given().auth().oauth2(Api.adminToken()).get("/api/v1/sessions/{id}/history", id).then()
                .statusCode(200)
                .body("items.action", contains("CREATE"))
                .body("items[0].before", nullValue())
                .body("items[0].after", equalTo(stored));
        // The row is the entry's after-image: the entry holds who and when, not a second copy of the session.
        assertEquals(null, query("select after::text from audit_entry where entity_id = '" + id + "'"));
    }

    @Test
    void shouldKeepTheChangesOfAnOrganisation() throws SQLException {
        String org = as(Api.adminToken(), () -> Api.createOrganisation("Renamed centre", "SI-133", false));
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Renamed centre, now a member", "type", "YOUTH_CENTRE", "municipalityCode", "SI-133", "member", true))
                .put("/api/v1/organisations/{id}", org).then().statusCode(200);
        assertEquals("CREATE,UPDATE", query("select string_agg(action, ',' order by id) from audit_entry where entity_id = '" + org + "'"));
        assertEquals("true", query("select after ->> 'member' from audit_entry where entity_id = '" + org + "' and action = 'UPDATE'"));
        assertEquals("false", query("select before ->> 'member' from audit_entry where entity_id = '" + org + "' and action = 'UPDATE'"));
    }

    @Test
    void shouldNotLetAnyoneChangeOrDeleteTheTrail() throws SQLException {
        String org = as(Api.adminToken(), () -> Api.createOrganisation("Tamper centre", "SI-133", true));
        assertThrows(SQLException.class, () -> execute("update audit_entry set actor_name = 'someone else' where entity_id = '" + org + "'"));
        assertThrows(SQLException.class, () -> execute("delete from audit_entry where entity_id = '" + org + "'"));
        assertThrows(SQLException.class, () -> execute("truncate audit_entry"));
        assertEquals("1", query("select count(*) from audit_entry where entity_id = '" + org + "'"));
    }

    private static <T> T as(String token, java.util.function.Supplier<T> call) {
        Api.asAdmin();
        try {
            return call.get();
        } finally {
            Api.anonymous();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
