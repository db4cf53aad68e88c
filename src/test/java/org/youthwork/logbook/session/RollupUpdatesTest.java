package org.youthwork.logbook.session;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.Sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** An update that changes no counted figure leaves every rollup row as it was; one that does moves the figures. */
@QuarkusTest
class RollupUpdatesTest {

    private static final List<String> ROLLUPS = List.of("rollup_organisation_month", "rollup_organisation_country_month",
            "rollup_organisation_year");

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
    }

    @Test
    void shouldNotRewriteTheRollupsForAChangeNoFigureCounts() throws SQLException {
        String org = Api.createOrganisation("Notes only centre", "SI-133", true);
        String id = Api.createSession(Api.session(org));
        List<String> before = rowVersions(org);

        Map<String, Object> body = Api.session(org);
        body.put("notes", "Written up the next morning.");
        body.put("title", "Street outreach, second round");
        body.put("startTime", "18:30");
        body.put("volunteers", 3);
        body.put("participantsEstimated", true);
        put(id, "\"0\"", body);

        assertEquals(before, rowVersions(org), "the rollup rows were rewritten for a change no figure counts");
        assertEquals(120, sum("minutes", org));

        body.put("durationMinutes", 90);
        put(id, "\"1\"", body);

        assertNotEquals(before, rowVersions(org));
        assertEquals(90, sum("minutes", org));
        assertEquals(1, sum("sessions", org));
    }

    private static void put(String id, String version, Map<String, Object> body) {
        given().contentType(ContentType.JSON).header("If-Match", version).body(body)
                .put("/api/v1/sessions/{id}", id).then().statusCode(200);
    }

    /** Each rollup row's xmin: the transaction that last wrote it. */
    private List<String> rowVersions(String org) throws SQLException {
        List<String> versions = new ArrayList<>();
        for (String rollup : ROLLUPS) {
            versions.addAll(strings("select xmin::text from " + rollup + " where organisation_id = '" + org + "'"));
        }
        versions.addAll(strings("select xmin::text from rollup_municipality_month where municipality_code = 'SI-133'"));
        assertNotEquals(List.of(), versions);
        return versions;
    }

    private long sum(String column, String org) throws SQLException {
        return Long.parseLong(strings("select sum(" + column + ") from rollup_organisation_month where organisation_id = '"
                + org + "'").get(0));
    }

    private List<String> strings(String sql) throws SQLException {
        return Sql.strings(db, sql);
    }
}
