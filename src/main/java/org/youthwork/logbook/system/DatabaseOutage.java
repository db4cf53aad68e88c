package org.youthwork.logbook.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure of the database as a service (down, refusing connections, restarting, out of connections) from a
 * failure of one statement. The first is the client's to retry (503 with Retry-After), the second is ours (500).
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** SQLSTATEs of a database that is not there: admin or crash shutdown, cannot connect now, too many connections. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof ConnectException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && outage(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean outage(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // the pool's own refusal: no connection could be had in time
            return e.getMessage() != null && e.getMessage().contains("Acquisition timeout");
        }
        boolean closed = state.equals("55000") && e.getMessage() != null && e.getMessage().contains("accepting connections");
        return state.startsWith("08") || STATES.contains(state) || closed;
    }
}
