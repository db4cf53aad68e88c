package org.youthwork.logbook.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.Sql;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each year rollup (V013) holds, row for row and column for column, the sums of its month rollup by year, and the
 * organisation's year its months with sessions (V014), after sessions are logged, imported, moved to another year,
 * changed and deleted.
 */
@QuarkusTest
class RollupYearsTest {

    /** Month rollup, year rollup. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"rollup_municipality_month", "rollup_municipality_year"},
            new String[] {"rollup_municipality_month_age_gender", "rollup_municipality_year_age_gender"},
            new String[] {"rollup_organisation_country_month", "rollup_organisation_country_year"});

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
    }

    @Test
    void shouldKeepEveryYearTheSumOfItsMonths() throws Exception {
        String org = Api.createOrganisation("Year rollup centre", "SI-061", true);
        LocalDate today = LocalDate.now();
        String moved = Api.createSession(on(org, today.minusDays(10)));
        String changed = Api.createSession(on(org, today.minusDays(40)));
        String deleted = Api.createSession(on(org, today.minusYears(1)));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> s = on(org, today.minusYears(1).minusDays(31L * i));
            s.put("id", UUID.randomUUID().toString());
            lines.append(json.writeValueAsString(s)).append('\n');
        }
        given().contentType("application/x-ndjson").body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sessions/import").then().statusCode(200).body("accepted", equalTo(5));
        long lastYear = sum("sessions", org, today.getYear() - 1);

        Map<String, Object> body = on(org, today.minusYears(1).minusDays(3));
        put(moved, body);
        body = on(org, today.minusDays(40));
        body.put("durationMinutes", 45);
        body.put("participants", List.of(Api.participant("20-24", "MALE", 12)));
        put(changed, body);
        given().delete("/api/v1/sessions/{id}", deleted).then().statusCode(204);

        assertEquals(lastYear, sum("sessions", org, today.getYear() - 1), "one session moved in, one deleted");
        assertEquals(1, sum("sessions", org, today.getYear()));
        assertEquals(45, sum("minutes", org, today.getYear()));
        for (String[] pair : PAIRS) {
            String months = pair[0];
            String years = pair[1];
            assertEquals(keys(months).replace("month", "year"), keys(years), years + " has other keys than " + months);
            assertEquals(measures(months), measures(years), years + " has other columns than " + months);
            String year = "cast(extract(year from month) as integer)";
            String byYear = "select " + keys(months).replace("month", year) + ", "
                    + measures(months).stream().map(c -> "sum(" + c + ")").collect(java.util.stream.Collectors.joining(", "))
                    + " from " + months + " group by " + keys(months).replace("month", year);
            String stored = "select " + keys(years) + ", " + String.join(", ", measures(years)) + " from " + years;
            assertEquals(0, count("select count(*) from ((" + byYear + ") except all (" + stored + ")) d"),
                    years + " lacks sums of " + months);
            assertEquals(0, count("select count(*) from ((" + stored + ") except all (" + byYear + ")) d"),
                    years + " has rows its months do not sum to");
        }
        String recorded = "select organisation_id, municipality_code, cast(extract(year from month) as integer), bit_or(case"
                + " when sessions > 0 then 1 << (cast(extract(month from month) as integer) - 1) else 0 end)"
                + " from rollup_organisation_month group by 1, 2, 3";
        String masks = "select organisation_id, municipality_code, year, months from rollup_organisation_year";
        assertEquals(0, count("select count(*) from ((" + recorded + ") except all (" + masks + ")) d"),
                "a year's months (V014) are not the months with sessions");
        assertEquals(0, count("select count(*) from ((" + masks + ") except all (" + recorded + ")) d"),
                "a year has months (V014) without sessions");
    }

    private static Map<String, Object> on(String org, LocalDate date) {
        Map<String, Object> s = Api.session(org);
        s.put("municipalityCode", "SI-061");
        s.put("date", date.toString());
        return s;
    }

    private static void put(String id, Map<String, Object> body) {
        String etag = given().get("/api/v1/sessions/{id}", id).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/api/v1/sessions/{id}", id).then().statusCode(200);
    }

    private long sum(String column, String org, int year) throws SQLException {
        return count("select coalesce(sum(" + column + "), 0) from rollup_organisation_country_year where organisation_id = '"
                + org + "' and year = " + year);
    }

    /** The table's columns but its keys, in order. */
    private List<String> measures(String table) throws SQLException {
        List<String> keys = List.of(keys(table).split(", "));
        return strings("select column_name from information_schema.columns where table_name = '" + table
                + "' order by ordinal_position").stream().filter(c -> !keys.contains(c)).toList();
    }

    private String keys(String table) throws SQLException {
        return String.join(", ", strings("select a.attname from pg_index i cross join lateral unnest(i.indkey) with ordinality k (attnum, n)"
                + " join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum"
                + " where i.indrelid = '" + table + "'::regclass and i.indisprimary and k.n <= i.indnkeyatts order by k.n"));
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    private List<String> strings(String sql) throws SQLException {
        return Sql.strings(db, sql);
    }
}
