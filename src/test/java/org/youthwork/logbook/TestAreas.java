package org.youthwork.logbook;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A country of the test's own, so that its overviews hold nothing but what the test logged there (other tests log in
 * Slovenia and Bulgaria). Two regions, {@code <CC>1} with {@code <CC>-A1}, {@code <CC>-A2} and {@code <CC>2} with
 * {@code <CC>-B1}, {@code <CC>-B2}.
 */
public final class TestAreas {

    private TestAreas() {
    }

    public static void create(AgroalDataSource db, String country) {
        String c = country;
        try (Connection connection = db.getConnection(); Statement st = connection.createStatement()) {
            st.execute("insert into country (code, name) values ('" + c + "', 'Testland " + c + "') on conflict do nothing");
            st.execute("insert into region (code, country_code, name) values ('" + c + "1', '" + c + "', 'North'),"
                    + " ('" + c + "2', '" + c + "', 'South') on conflict do nothing");
            st.execute("insert into municipality (code, region_code, country_code, name) values"
                    + " ('" + c + "-A1', '" + c + "1', '" + c + "', 'Alpha One'),"
                    + " ('" + c + "-A2', '" + c + "1', '" + c + "', 'Alpha Two'),"
                    + " ('" + c + "-B1', '" + c + "2', '" + c + "', 'Beta One'),"
                    + " ('" + c + "-B2', '" + c + "2', '" + c + "', 'Beta Two') on conflict do nothing");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
