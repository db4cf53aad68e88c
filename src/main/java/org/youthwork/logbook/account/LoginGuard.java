package org.youthwork.logbook.account;

import jakarta.enterprise.context.ApplicationScoped;
import org.youthwork.logbook.system.LogbookConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits guessing at the token endpoint: after too many failed attempts in a minute for a username, or from a client
 * address, further attempts are refused until the oldest failure is a minute old. Kept in memory: a restart forgets.
 */
@ApplicationScoped
class LoginGuard {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    LoginGuard(LogbookConfig config, Clock clock) {
        this.limit = config.auth().maxFailuresPerMinute();
        this.clock = clock;
    }

    /** Seconds until the keys may try again; 0 when they may now. */
    long retryAfter(String... keys) {
        Instant now = clock.instant();
        long wait = 0;
        for (String key : keys) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                continue;
            }
            synchronized (times) {
                prune(times, now);
                if (times.size() >= limit) {
                    wait = Math.max(wait, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1);
                }
            }
        }
        return wait;
    }

    void failed(String... keys) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    prune(times, now);
                    return times.isEmpty();
                }
            });
        }
        for (String key : keys) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    /** Forgets every failure; for tests that must not leave their guessing behind. */
    void forgetAll() {
        failures.clear();
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
