package org.youthwork.logbook.session;

import org.youthwork.logbook.system.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a page of the session list ended: the sort key of its last session (date, start time, when logged, id). The
 * next page is the sessions after it in the list's order, read off the list's index from there, however deep;
 * an offset would read and skip every session before it. Opaque to clients: base64url of the four values.
 */
record SessionCursor(LocalDate date, LocalTime startTime, Instant createdAt, UUID id) {

    private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

    static SessionCursor after(YouthSession s) {
        return new SessionCursor(s.date, s.startTime, s.createdAt, s.id);
    }

    String encode() {
        String key = date + "~" + (startTime == null ? "" : startTime) + "~" + createdAt + "~" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static SessionCursor decode(String cursor) {
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("~", -1);
            if (key.length != 4) {
                throw new IllegalArgumentException("four values");
            }
            SessionCursor parsed = new SessionCursor(LocalDate.parse(key[0]), key[1].isEmpty() ? null : LocalTime.parse(key[1]),
                    Instant.parse(key[2]), UUID.fromString(key[3]));
            if (parsed.date.getYear() < 1 || parsed.date.getYear() > 9999 // what PostgreSQL's date and timestamptz hold
                    || parsed.createdAt.isBefore(EARLIEST) || parsed.createdAt.isAfter(LATEST)) {
                throw new IllegalArgumentException("out of range");
            }
            return parsed;
        } catch (RuntimeException e) {
            throw ProblemException.invalid("after", "must be the next of an earlier page of this list");
        }
    }

    /**
     * The sessions after this one in the order {@link SessionService.Selection#NEWEST_FIRST}, as a condition with a
     * JDBC placeholder for each value. A start time sorts after the sessions of its day that have none (nulls last),
     * which a row comparison alone cannot say; held_on <= ? lets the index start at the cursor's day.
     */
    String condition() {
        return startTime != null
                ? " and held_on <= ? and (held_on < ? or start_time is null or (start_time, created_at, id) < (?, ?, ?))"
                : " and held_on <= ? and (held_on < ? or (start_time is null and (created_at, id) < (?, ?)))";
    }

    List<Object> values() {
        return startTime != null ? List.of(date, date, startTime, createdAt, id) : List.of(date, date, createdAt, id);
    }
}
