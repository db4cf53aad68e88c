package org.youthwork.logbook.account;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.youthwork.logbook.system.LogbookConfig;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Limits guessing at the token endpoint. Every attempt reserves one of the attempts its keys (the login, the client
 * address) may make in a minute before its password is checked; once a key holds the limit, further attempts are
 * refused until its oldest one is a minute old. A failed check keeps its reservation; a success releases it and the
 * login's failures. Counted in PostgreSQL (table sign_in_attempt), so every instance of the service enforces the same
 * limit, and with the database's clock, so instances whose clocks differ still agree.
 */
@ApplicationScoped
class LoginGuard {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** The advisory locks of sign-in keys, apart from any other lock taken with a single 64-bit key (Flyway's). */
    private static final int LOCK_SPACE = 0x51_67_6e_49;

    /** A reservation: the rows to release on success; or a refusal, with the seconds until the keys may try again. */
    record Attempt(long[] rows, long retryAfter) {
        boolean refused() {
            return retryAfter > 0;
        }
    }

    private record Key(String text, byte[] hash) {
        int lock() {
            return ByteBuffer.wrap(hash).getInt();
        }
    }

    private final AgroalDataSource db;
    private final int limit;
    private final AtomicLong nextPrune = new AtomicLong(System.nanoTime());

    LoginGuard(AgroalDataSource db, LogbookConfig config) {
        this.db = db;
        this.limit = config.auth().maxFailuresPerMinute();
    }

    /**
     * Reserves an attempt for every key, or refuses when any key already holds the limit. A short transaction of its
     * own, which never stays open during the password check: the locks serialise the reservations of a key across
     * threads and instances, so that 50 parallel guesses cost at most the limit in password checks.
     */
    Attempt reserve(String... keys) {
        List<Key> sorted = new ArrayList<>();
        for (String key : keys) {
            sorted.add(new Key(key, hash(key)));
        }
        // The same order of locks in every transaction: two attempts sharing both keys never deadlock.
        sorted.sort(Comparator.comparingInt(Key::lock));
        Attempt attempt;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                attempt = reserve(c, sorted);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count sign-in attempts", e);
        }
        pruneNowAndThen();
        return attempt;
    }

    /** Releases the attempt's reservation and forgets the login's failures. */
    void succeeded(Attempt attempt, String loginKey) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from sign_in_attempt where id = any(?) or key_hash = ?")) {
            Array rows = c.createArrayOf("bigint", Arrays.stream(attempt.rows()).boxed().toArray());
            ps.setArray(1, rows);
            ps.setBytes(2, hash(loginKey));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot release a sign-in attempt", e);
        }
    }

    /** Deletes the attempts that no longer count, of every key. */
    void prune() {
        execute("delete from sign_in_attempt where at <= now() - ? * interval '1 second'", WINDOW.toSeconds());
    }

    /** Forgets every attempt; for tests that must not leave their guessing behind. */
    void forgetAll() {
        execute("delete from sign_in_attempt");
    }

    /** SHA-256 of the key, which is what the table holds: the key itself may be a password typed in the wrong field. */
    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Attempt reserve(Connection c, List<Key> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            for (Key key : keys) {
                ps.setInt(1, LOCK_SPACE);
                ps.setInt(2, key.lock());
                ps.execute();
            }
        }
        // The limit-th newest attempt of a key within the window: while there is one, the key is refused, until it
        // leaves the window.
        long wait = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                select ceil(extract(epoch from at + ? * interval '1 second' - now()))::bigint
                from sign_in_attempt where key_hash = ? and at > now() - ? * interval '1 second'
                order by at desc offset ? limit 1""")) {
            for (Key key : keys) {
                ps.setLong(1, WINDOW.toSeconds());
                ps.setBytes(2, key.hash());
                ps.setLong(3, WINDOW.toSeconds());
                ps.setInt(4, limit - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        wait = Math.max(wait, Math.max(1, rs.getLong(1)));
                    }
                }
            }
        }
        if (wait > 0) {
            return new Attempt(new long[0], wait);
        }
        long[] rows = new long[keys.size()];
        try (PreparedStatement ps = c.prepareStatement("insert into sign_in_attempt (key_hash) values (?) returning id")) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setBytes(1, keys.get(i).hash());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows[i] = rs.getLong(1);
                }
            }
        }
        return new Attempt(rows, 0);
    }

    /** Once a window on each instance, outside the reservation's transaction: keys never tried again leave no rows. */
    private void pruneNowAndThen() {
        long now = System.nanoTime();
        long due = nextPrune.get();
        if (now - due >= 0 && nextPrune.compareAndSet(due, now + WINDOW.toNanos())) {
            prune();
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prune sign-in attempts", e);
        }
    }
}
