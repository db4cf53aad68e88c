package org.youthwork.logbook.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Finds a PostgreSQL for a machine that has nothing configured: the one answering on localhost:5432, or else a real
 * PostgreSQL run from the embedded binaries. Shared by the development start and the tests, which is why it knows
 * nothing of Quarkus.
 */
public final class LocalPostgres {

    public static final String LOCAL_HOST = "localhost";
    public static final int LOCAL_PORT = 5432;
    public static final String USER = "postgres";

    public record Database(String url, String username, String password) {
    }

    private LocalPostgres() {
    }

    /** Whether a PostgreSQL accepts the user {@code postgres} without a password on that port. */
    public static boolean answers(String host, int port) {
        try (Connection ignored = connect(adminUrl(host, port), USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates the database when it is missing and answers how to reach it. */
    public static Database ensureDatabase(String host, int port, String name) {
        try (Connection admin = connect(adminUrl(host, port), USER, "")) {
            boolean exists;
            try (PreparedStatement ps = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement st = admin.createStatement()) {
                    st.execute("create database " + quoteIdentifier(name));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name + " on " + host + ":" + port, e);
        }
        return new Database(url(host, port, name), USER, "");
    }

    public static void dropDatabase(String host, int port, String name) {
        try (Connection admin = connect(adminUrl(host, port), USER, "");
             Statement st = admin.createStatement()) {
            st.execute("drop database if exists " + quoteIdentifier(name) + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the database " + name, e);
        }
    }

    /**
     * Starts PostgreSQL from the embedded binaries. With a data directory the data outlives the process; without one it
     * lives in a temporary directory that is removed when the server stops. As root this needs user namespaces.
     */
    public static EmbeddedPostgres startEmbedded(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
            if (dataDirectory != null) {
                dataDirectory.toFile().mkdirs();
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL", e);
        }
    }

    public static String url(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static String adminUrl(String host, int port) {
        return url(host, port, "postgres");
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "3");
        return DriverManager.getConnection(url, props);
    }

    private static String quoteIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        return name;
    }
}
