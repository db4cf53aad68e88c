package org.youthwork.logbook.system;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Runs one query of an answer on a second connection that reads the same snapshot as the answer's transaction
 * (PostgreSQL's exported snapshots, as pg_dump's parallel workers use them), while the transaction goes on with the
 * others: on two cores, the national overview waits for its longest query instead of for all of them in turn.
 * <p>
 * Only when no other such query is running: then the cores are busy already, and a lane would add its own cost
 * (measured with 4 clients asking at once: 68 -> 61 national overviews a second when every answer took a lane). The
 * query then runs in the answer's own transaction, as it does when the pool has a single connection, so that a
 * transaction holding a connection never waits for a second one that no one gives back.
 */
@ApplicationScoped
public class SnapshotLane {

    /** What {@code pg_export_snapshot()} answers, e.g. {@code 00000003-0000001B-1}. */
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)+");

    /** A query given a connection in the snapshot. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A query started on a lane, or run already in the transaction. */
    public interface Result<T> {
        T get();
    }

    private final AgroalDataSource db;
    private final boolean enabled;
    /** Queries started here and not done, on a lane or in place. */
    private final AtomicInteger running = new AtomicInteger();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread lane = new Thread(r, "snapshot-lane");
        lane.setDaemon(true);
        return lane;
    });

    SnapshotLane(AgroalDataSource db, @ConfigProperty(name = "quarkus.datasource.jdbc.max-size") int poolSize) {
        this.db = db;
        this.enabled = poolSize > 1;
    }

    /**
     * Starts {@code work} on a lane in the snapshot of {@code em}'s transaction; call after {@link Snapshot#begin},
     * before the transaction's first query, and read the result before the transaction ends.
     */
    public <T> Result<T> start(EntityManager em, Work<T> work) {
        Session session = em.unwrap(Session.class);
        if (running.incrementAndGet() > 1 || !enabled) {
            try {
                T value = session.doReturningWork(work::run);
                return () -> value;
            } finally {
                running.decrementAndGet();
            }
        }
        CompletableFuture<T> future;
        try {
            String snapshot = session.doReturningWork(c -> {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("select pg_export_snapshot()")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
                throw new IllegalStateException("Unexpected snapshot id " + snapshot);
            }
            future = CompletableFuture.supplyAsync(() -> inSnapshot(snapshot, work), thread);
        } catch (RuntimeException e) {
            running.decrementAndGet();
            throw e;
        }
        future.whenComplete((value, failure) -> running.decrementAndGet());
        return () -> {
            try {
                return future.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a query", e);
            }
        };
    }

    private <T> T inSnapshot(String snapshot, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
                s.execute("set transaction snapshot '" + snapshot + "'");
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A query in the answer's snapshot failed", e);
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
