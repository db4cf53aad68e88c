package org.youthwork.logbook.session;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schema refuses an impossible session even when a client bug or a script bypasses the service. */
@QuarkusTest
class SchemaRulesTest {

    private static final String COLUMNS = "id, organisation_id, municipality_code, held_on, duration_minutes, title, methods,"
            + " themes, setting, age15_19_female, first_time_participants, unorganised_youth, fewer_opportunities,"
            + " youth_workers, volunteers, young_leaders, created_at, updated_at";

    @Inject
    AgroalDataSource db;

    private String organisation;

    @BeforeEach
    void organisation() throws SQLException {
        organisation = UUID.randomUUID().toString();
        execute("insert into organisation (id, name, type, municipality_code, member, created_at, updated_at)"
                + " values ('" + organisation + "', 'Schema centre', 'YOUTH_CENTRE', 'SI-133', true, now(), now())");
    }

    @Test
    void shouldAcceptAValidRowAndComputeItsTotal() {
        String id = UUID.randomUUID().toString();
        assertDoesNotThrow(() -> execute(insert(id, "'SI-133'", "'2026-01-15'", "60", "'Drop-in'", "1", "1", "'OTHER'",
                "5", "5", "0", "0", "1", "0", "0")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown municipality      | 'SI-999' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "date before 2000          | 'SI-133' | '1999-12-31' | 60   | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "zero duration             | 'SI-133' | '2026-01-15' | 0    | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "duration over a day       | 'SI-133' | '2026-01-15' | 1441 | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "blank title               | 'SI-133' | '2026-01-15' | 60   | '  ' | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "null title                | 'SI-133' | '2026-01-15' | 60   | null | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "no method                 | 'SI-133' | '2026-01-15' | 60   | 'x'  | 0   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "unknown method bit        | 'SI-133' | '2026-01-15' | 60   | 'x'  | 128 | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "unknown theme bit         | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 512 | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "unknown setting           | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'BEACH' | 5     | 0 | 0 | 0 | 1    | 0    | 0",
            "count over 10000          | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | 10001 | 0 | 0 | 0 | 1    | 0    | 0",
            "negative count            | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | -1    | 0 | 0 | 0 | 1    | 0    | 0",
            "no participants at all    | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | null  | 0 | 0 | 0 | 1    | 0    | 0",
            "first-timers over total   | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | 5     | 6 | 0 | 0 | 1    | 0    | 0",
            "unorganised over total    | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 6 | 0 | 1    | 0    | 0",
            "fewer opp. over total     | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 6 | 1    | 0    | 0",
            "no youth worker           | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 0    | 0    | 0",
            "over 1000 youth workers   | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1001 | 0    | 0",
            "over 1000 volunteers      | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 1001 | 0",
            "negative young leaders    | 'SI-133' | '2026-01-15' | 60   | 'x'  | 1   | 1   | 'OTHER' | 5     | 0 | 0 | 0 | 1    | 0    | -1",
    })
    void shouldRefuseAnImpossibleRow(String rule, String municipality, String date, String duration, String title,
                                     String methods, String themes, String setting, String count, String firstTimers,
                                     String unorganised, String fewer, String workers, String volunteers, String leaders) throws SQLException {
        String id = UUID.randomUUID().toString();
        assertThrows(SQLException.class, () -> execute(insert(id, municipality, date, duration, title, methods, themes,
                setting, count, firstTimers, unorganised, fewer, workers, volunteers, leaders)), rule);
        assertEquals(0, count("select count(*) from youth_session where id = '" + id + "'"));
    }

    @Test
    void shouldRefuseASessionOfAnUnknownOrganisation() {
        organisation = UUID.randomUUID().toString();
        assertThrows(SQLException.class, () -> execute(insert(UUID.randomUUID().toString(), "'SI-133'", "'2026-01-15'", "60",
                "'x'", "1", "1", "'OTHER'", "5", "0", "0", "0", "1", "0", "0")));
    }

    @Test
    void shouldRefuseToSetTheParticipantTotalByHand() {
        assertThrows(SQLException.class, () -> execute("update youth_session set participants_total = 99"));
    }

    private String insert(String id, String municipality, String date, String duration, String title, String methods,
                          String themes, String setting, String count, String firstTimers, String unorganised,
                          String fewer, String workers, String volunteers, String leaders) {
        return "insert into youth_session (" + COLUMNS + ") values ('" + id + "', '" + organisation + "', " + municipality
                + ", " + date + ", " + duration + ", " + title + ", " + methods + ", " + themes + ", " + setting + ", "
                + count + ", " + firstTimers + ", " + unorganised + ", " + fewer + ", " + workers + ", " + volunteers
                + ", " + leaders + ", now(), now())";
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
