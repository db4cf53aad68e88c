package org.youthwork.logbook.system;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The service's own settings; each can be set from the environment, e.g. {@code LOGBOOK_TIME_ZONE}. */
@ConfigMapping(prefix = "logbook")
public interface LogbookConfig {

    /** The zone that decides what "today" is, for the rule that a session cannot be dated in the future. */
    @WithDefault("Europe/Ljubljana")
    ZoneId timeZone();

    /** Load the sample youth centres and a few hundred sessions into an empty database at start. */
    @WithDefault("false")
    boolean demoData();

    /** The largest JSON body accepted; imports (POST /api/v1/sessions/import) have limits of their own. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    @WithName("import")
    Import imports();

    /**
     * The reverse proxies in front of the service: IP addresses or CIDR ranges ({@code 10.0.0.0/8}), never host names.
     * Only a request whose TCP peer is one of them has its client address read from {@link #forwardedHeader()}; with
     * none (the default), the peer is the client and forwarded headers are ignored.
     */
    Optional<List<String>> trustedProxies();

    /** The header the trusted proxies write the client's address into: {@code X-Forwarded-For} or {@code Forwarded}. */
    @WithDefault("X-Forwarded-For")
    String forwardedHeader();

    Database database();

    Jwt jwt();

    Auth auth();

    Admin admin();

    Publication publication();

    /** The publication view of overviews (publication=true), which withholds small counts of young people. */
    interface Publication {

        /** Counts of young people from 1 to threshold − 1 are published as "<threshold"; below 3 that hides nothing. */
        @WithDefault("5")
        @jakarta.validation.constraints.Min(3)
        int threshold();
    }

    /** The tokens the service issues at POST /api/v1/auth/token. */
    interface Jwt {

        /** PKCS#8 PEM of the RS256 signing key; required in production, made by the development start and the tests. */
        Optional<String> privateKey();

        /** The public half of the service's own key, set by JwtKeys; verification uses it unless configured otherwise. */
        Optional<String> ownPublicKey();

        /** The {@code iss} of the service's tokens; also what their verification expects. */
        @WithDefault("urn:logbook")
        String issuer();

        /** Seconds a token is valid. */
        @WithDefault("3600")
        int lifespan();
    }

    /** Bulk imports, streamed line by line: these bound what one import may hold and send. */
    interface Import {

        /**
         * The longest line (a CSV record with the line breaks of its quoted fields) an import reads, in bytes; a longer
         * one is refused with its number and the import goes on. A valid session is under 30 KB of JSON, even with
         * every character of its notes escaped.
         */
        @WithDefault("64K")
        MemorySize maxLineSize();

        /**
         * The largest import body, in bytes; a larger one answers 413, up front when it says its length. The default,
         * 4 GB, is some 5.7 million sessions of the benchmark's 745 bytes: a national network's decade of history many
         * times over.
         */
        @WithDefault("4G")
        MemorySize maxBodySize();
    }

    interface Auth {

        /**
         * Sign-in attempts per username and per client address in a minute that may fail (an attempt counts from
         * before its password is checked until it succeeds); then 429 with Retry-After.
         */
        @WithDefault("10")
        int maxFailuresPerMinute();
    }

    /** The first administrator, created at start when there is none. */
    interface Admin {

        Optional<String> username();

        Optional<String> password();
    }

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
