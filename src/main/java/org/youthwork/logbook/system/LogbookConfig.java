package org.youthwork.logbook.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** The service's own settings; each can be set from the environment, e.g. {@code LOGBOOK_TIME_ZONE}. */
@ConfigMapping(prefix = "logbook")
public interface LogbookConfig {

    /** The zone that decides what "today" is, for the rule that a session cannot be dated in the future. */
    @WithDefault("Europe/Ljubljana")
    ZoneId timeZone();

    /** Load the sample youth centres and a few hundred sessions into an empty database at start. */
    @WithDefault("false")
    boolean demoData();

    Database database();

    /** How the development start finds its database; read before startup by {@link DevDatabaseConfigSource}. */
    interface Database {

        /** Find or start a PostgreSQL when no JDBC URL is given (on in the dev profile). */
        @WithDefault("false")
        boolean discover();

        /** The port of the embedded PostgreSQL, started when nothing answers on localhost:5432. */
        @WithDefault("54329")
        int embeddedPort();

        /** Where the embedded PostgreSQL keeps its data, so that a restart keeps what was recorded. */
        @WithDefault(".data/postgres")
        String embeddedDirectory();
    }
}
