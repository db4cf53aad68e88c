package org.youthwork.logbook.account;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ten rounds of two administrators, the only active ones, each ending the other (deleting, disabling) at the same
 * moment: one must stay. The loser answers 409 when both passed authentication at once, 401 when it came after the
 * winner; at least one round must have met the lock.
 */
final class AdministratorRace {

    record Admin(String id, String token) {
    }

    /** Makes only these the active administrators; the others come back after the race. */
    interface OnlyActive {
        void set(List<String> ids) throws SQLException;
    }

    private AdministratorRace() {
    }

    static void run(Supplier<Admin> newAdministrator, Callable<List<String>> active, OnlyActive onlyActive,
                    BiFunction<Admin, Admin, ExtractableResponse<Response>> end, int ended) throws Exception {
        List<Admin[]> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(new Admin[] {newAdministrator.get(), newAdministrator.get()});
        }
        List<String> before = active.call();
        int raced = 0;
        try {
            for (Admin[] pair : pairs) {
                Admin x = pair[0];
                Admin y = pair[1];
                onlyActive.set(List.of(x.id(), y.id()));
                List<ExtractableResponse<Response>> answers = SignInLimitTest.inParallel(2, i -> i == 0 ? end.apply(x, y) : end.apply(y, x));
                List<Integer> statuses = answers.stream().map(ExtractableResponse::statusCode).sorted().toList();
                assertTrue(statuses.equals(List.of(ended, 409)) || statuses.equals(List.of(ended, 401)),
                        "two administrators ending each other: " + statuses);
                for (var refused : answers.stream().filter(a -> a.statusCode() == 409).toList()) {
                    assertEquals("application/problem+json", refused.contentType().split(";")[0]);
                    assertTrue(refused.<String>path("detail").contains("last active administrator"), refused.asString());
                    raced++;
                }
                assertEquals(1, active.call().size(), "active administrators left");
            }
        } finally {
            onlyActive.set(before);
        }
        assertTrue(raced > 0, "no round had both requests pass authentication at once, so none tested the lock");
    }
}
