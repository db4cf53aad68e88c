package org.youthwork.logbook.system;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * An answer assembled from several queries reads one snapshot of the database: a read-only transaction at
 * REPEATABLE READ sees every query as of its first one, so that writes committing meanwhile never make the parts
 * disagree (a month in byMonth that the totals do not hold yet).
 */
public final class Snapshot {

    private Snapshot() {
    }

    /** Call first in a {@code @Transactional} method, before its first query. */
    public static void begin(EntityManager em) {
        em.createNativeQuery("set transaction isolation level repeatable read, read only")
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }
}
