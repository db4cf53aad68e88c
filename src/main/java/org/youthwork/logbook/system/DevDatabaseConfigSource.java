package org.youthwork.logbook.system;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The development start's database, so that it runs on a machine with Java and nothing else. In this order: the
 * JDBC URL from the environment ({@code LOGBOOK_DB_URL}); the PostgreSQL answering on localhost:5432, where it creates
 * the database {@code logbook}; a real PostgreSQL from the embedded binaries, whose data stays in {@code .data/}.
 * Only active where {@code logbook.database.discover} is true (the dev profile).
 */
public class DevDatabaseConfigSource implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(DevDatabaseConfigSource.class);
    /** Between application.properties (250) and the environment (300). */
    private static final int ORDINAL = 275;
    private static final String DATABASE = "logbook";

    /** The embedded server outlives a dev-mode reload: the next reload finds it answering on its port. */
    private static volatile EmbeddedPostgres embedded;
    private static volatile Map<String, String> found;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equals(value(context, "logbook.database.discover", "false"))
                || !value(context, "LOGBOOK_DB_URL", "").isEmpty()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(locate(context), "logbook-dev-database", ORDINAL));
    }

    private static synchronized Map<String, String> locate(ConfigSourceContext context) {
        if (found != null) {
            return found;
        }
        LocalPostgres.Database db;
        int embeddedPort = Integer.parseInt(value(context, "logbook.database.embedded-port", "54329"));
        if (LocalPostgres.answers(LocalPostgres.LOCAL_HOST, LocalPostgres.LOCAL_PORT)) {
            db = LocalPostgres.ensureDatabase(LocalPostgres.LOCAL_HOST, LocalPostgres.LOCAL_PORT, DATABASE);
            LOG.infof("Using the PostgreSQL on localhost:%d, database %s", LocalPostgres.LOCAL_PORT, DATABASE);
        } else if (LocalPostgres.answers(LocalPostgres.LOCAL_HOST, embeddedPort)) {
            db = LocalPostgres.ensureDatabase(LocalPostgres.LOCAL_HOST, embeddedPort, DATABASE);
        } else {
            Path dir = Path.of(value(context, "logbook.database.embedded-directory", ".data/postgres")).toAbsolutePath();
            LOG.infof("No PostgreSQL on localhost:%d: starting an embedded one on port %d, data in %s",
                    LocalPostgres.LOCAL_PORT, embeddedPort, dir);
            embedded = LocalPostgres.startEmbedded(dir, embeddedPort);
            db = LocalPostgres.ensureDatabase(LocalPostgres.LOCAL_HOST, embeddedPort, DATABASE);
        }
        found = Map.of(
                "quarkus.datasource.jdbc.url", db.url(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
        return found;
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
