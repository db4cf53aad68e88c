package org.youthwork.logbook.overview;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An overview is read from one snapshot: while sessions are being logged, every overview's breakdowns still add up
 * to its totals, though the totals and the breakdowns come from different queries.
 */
@QuarkusTest
class OverviewSnapshotTest {

    private static final int WRITERS = 6;
    private static final int READS = 40;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
    }

    @Test
    void shouldAddUpWhileSessionsAreBeingLogged() throws Exception {
        TestAreas.create(db, "XS");
        List<String> organisations = List.of(
                Api.createOrganisation("Snapshot centre A", "XS-A1", true),
                Api.createOrganisation("Snapshot centre B", "XS-B1", true));
        // Two whole months, which the overview reads from the rollups with separate queries for totals and breakdowns.
        YearMonth first = YearMonth.now().minusMonths(2);
        LocalDate from = first.atDay(1);
        LocalDate to = first.plusMonths(1).atEndOfMonth();

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                int written = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (writing.get()) {
                    Map<String, Object> session = Api.session(organisations.get(random.nextInt(organisations.size())));
                    session.put("municipalityCode", random.nextBoolean() ? "XS-A1" : "XS-B1");
                    session.put("date", from.plusDays(random.nextInt(50)).toString());
                    given().header("Authorization", "Bearer " + Api.adminToken()).contentType("application/json")
                            .body(session).post("/api/v1/sessions").then().statusCode(201);
                    written++;
                }
                return written;
            }));
        }
        int reads = 0;
        try {
            while (reads < READS) {
                JsonPath overview = given().queryParam("from", from.toString()).queryParam("to", to.toString())
                        .get("/api/v1/overviews/countries/XS").then().statusCode(200).extract().jsonPath();
                long sessions = overview.getLong("totals.sessions");
                long participants = overview.getLong("totals.participants");
                String at = "read " + reads + " (" + sessions + " sessions)";
                assertEquals(sessions, sum(overview, "byMonth.sessions"), "byMonth, " + at);
                assertEquals(participants, sum(overview, "byMonth.participants"), "byMonth participants, " + at);
                assertEquals(sessions, sum(overview, "byMunicipality.sessions"), "byMunicipality, " + at);
                assertEquals(sessions, sum(overview, "byRegion.sessions"), "byRegion, " + at);
                assertEquals(sessions, sum(overview, "byOrganisation.sessions"), "byOrganisation, " + at);
                assertEquals(sessions, sum(overview, "bySetting.sessions"), "bySetting, " + at);
                reads++;
            }
        } finally {
            writing.set(false);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        int written = 0;
        for (Future<Integer> writer : writers) {
            written += writer.get();
        }
        assertTrue(written >= READS, "sessions were logged while the overviews were read: " + written);
    }

    private static long sum(JsonPath json, String path) {
        List<Number> values = json.getList(path, Number.class);
        return values.stream().mapToLong(Number::longValue).sum();
    }
}
