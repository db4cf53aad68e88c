package org.youthwork.logbook.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A query on a lane reads the snapshot of the transaction that started it: a row committed after the transaction's
 * first query is seen neither by the transaction nor by its lanes, though the lane's connection is another one.
 */
@QuarkusTest
class SnapshotLaneTest {

    @Inject
    SnapshotLane lane;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void createProbe() throws SQLException {
        execute("create table if not exists snapshot_lane_probe (n integer)");
        execute("truncate snapshot_lane_probe");
        execute("insert into snapshot_lane_probe values (1)");
    }

    @AfterEach
    void dropProbe() throws SQLException {
        execute("drop table snapshot_lane_probe");
    }

    @Test
    void shouldReadTheTransactionsSnapshotOnEveryLane() throws SQLException {
        List<Long> seen = QuarkusTransaction.requiringNew().call(() -> {
            Snapshot.begin(em);
            long before = ((Number) em.createNativeQuery("select count(*) from snapshot_lane_probe").getSingleResult())
                    .longValue();
            // The first on a lane; the next while it runs, in the transaction itself.
            List<SnapshotLane.Result<Long>> lanes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                lanes.add(lane.start(em, c -> {
                    commitAnotherRow();
                    return count(c);
                }));
            }
            List<Long> counts = new ArrayList<>(List.of(before));
            lanes.forEach(r -> counts.add(r.get()));
            return counts;
        });
        assertEquals(List.of(1L, 1L, 1L), seen, "the transaction, the lane, the transaction again");
        try (Connection c = db.getConnection()) {
            assertEquals(3, count(c), "the rows committed meanwhile");
        }
    }

    /** From a thread outside the transaction, whose connections the transaction would otherwise share. */
    private void commitAnotherRow() {
        CompletableFuture.runAsync(() -> {
            try {
                execute("insert into snapshot_lane_probe values (2)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).join();
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select count(*) from snapshot_lane_probe")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
