package org.youthwork.logbook;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.youthwork.logbook.system.LocalPostgres;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * The tests' database, never H2 and never a mock. In this order: {@code LOGBOOK_TEST_DB_URL} from the environment; a
 * fresh database on the PostgreSQL at localhost:5432, dropped after the run; an embedded PostgreSQL in a temporary
 * directory.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private String throwAway;
    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("LOGBOOK_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return config(new LocalPostgres.Database(url, env("LOGBOOK_TEST_DB_USERNAME", "postgres"),
                    env("LOGBOOK_TEST_DB_PASSWORD", "")));
        }
        if (LocalPostgres.answers(LocalPostgres.LOCAL_HOST, LocalPostgres.LOCAL_PORT)) {
            throwAway = "logbook_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return config(LocalPostgres.ensureDatabase(LocalPostgres.LOCAL_HOST, LocalPostgres.LOCAL_PORT, throwAway));
        }
        embedded = LocalPostgres.startEmbedded(null, 0);
        return config(LocalPostgres.ensureDatabase(LocalPostgres.LOCAL_HOST, embedded.getPort(), "logbook"));
    }

    @Override
    public void stop() {
        if (throwAway != null) {
            LocalPostgres.dropDatabase(LocalPostgres.LOCAL_HOST, LocalPostgres.LOCAL_PORT, throwAway);
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, String> config(LocalPostgres.Database db) {
        return Map.of("quarkus.datasource.jdbc.url", db.url(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
