package org.youthwork.logbook.session;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.youthwork.logbook.Api.participant;

@QuarkusTest
class SessionResourceTest {

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void logFailures() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldStoreEveryFieldAndAnswer201WithLocationAndETag() {
        String org = Api.createOrganisation("Mladinski center Velenje", "SI-133", true);
        Map<String, Object> body = Api.session(org);

        var response = Api.post(body)
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", "\"0\"")
                .body("organisationId", equalTo(org))
                .body("municipalityCode", equalTo("SI-133"))
                .body("date", equalTo(body.get("date")))
                .body("startTime", equalTo("17:00"))
                .body("durationMinutes", equalTo(120))
                .body("title", equalTo("Street outreach at the bus station"))
                .body("methods", contains("STREET", "INFORMAL_GROUP"))
                .body("themes", contains("EMPLOYMENT", "FEWER_OPPORTUNITIES"))
                .body("setting", equalTo("PUBLIC_SPACE"))
                .body("participants", hasSize(3))
                .body("participants[1].ageBand", equalTo("15-19"))
                .body("participants[1].gender", equalTo("MALE"))
                .body("participants[1].count", equalTo(6))
                .body("participantsTotal", equalTo(11))
                .body("participantsEstimated", equalTo(false))
                .body("firstTimeParticipants", equalTo(3))
                .body("unorganisedYouth", equalTo(9))
                .body("fewerOpportunities", equalTo(2))
                .body("youthWorkers", equalTo(2))
                .body("volunteers", equalTo(1))
                .body("youthLed", equalTo(false))
                .body("youngLeaders", equalTo(0))
                .body("notes", equalTo("Two of the group asked about the summer job fair."))
                .body("version", equalTo(0))
                .body("createdAt", endsWith("Z"))
                .extract();
        String id = response.path("id");
        assertEquals(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/sessions/" + id, response.header("Location"));

        given().get("/api/v1/sessions/{id}", id).then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("participantsTotal", equalTo(11))
                .body("createdAt", equalTo(response.path("createdAt")));
        assertEquals(11, intColumn(id, "participants_total"));
        assertEquals(6, intColumn(id, "age15_19_male"));
    }

    @Test
    void shouldFillDefaultsForOptionalFields() {
        String org = Api.createOrganisation("Mladinski center Trbovlje", "SI-129", true);
        Map<String, Object> body = Api.session(org);
        for (String optional : List.of("municipalityCode", "startTime", "notes", "firstTimeParticipants", "unorganisedYouth",
                "fewerOpportunities", "volunteers", "youngLeaders", "youthLed", "participantsEstimated")) {
            body.remove(optional);
        }
        Api.post(body).statusCode(201)
                .body("municipalityCode", equalTo("SI-129"))
                .body("startTime", nullValue())
                .body("notes", nullValue())
                .body("firstTimeParticipants", equalTo(0))
                .body("volunteers", equalTo(0))
                .body("youngLeaders", equalTo(0))
                .body("youthLed", equalTo(false))
                .body("participantsEstimated", equalTo(false));
    }

    @Test
    void shouldStoreASessionHeldInAnotherMunicipalityThanTheOrganisations() {
        String org = Api.createOrganisation("Mladinski center Litija", "SI-060", true);
        Map<String, Object> body = Api.session(org);
        body.put("municipalityCode", "SI-061");
        Api.post(body).statusCode(201).body("municipalityCode", equalTo("SI-061"));
    }

    @Test
    void shouldAnswer200WithTheStoredSessionWhenTheSameIdAndContentArePostedAgain() {
        String org = Api.createOrganisation("Retry centre", "SI-133", true);
        Map<String, Object> body = Api.session(org);
        String id = UUID.randomUUID().toString();
        body.put("id", id);

        String created = Api.post(body).statusCode(201).extract().path("createdAt");
        Api.post(body).statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("createdAt", equalTo(created));

        assertEquals(1, count("select count(*) from youth_session where id = '" + id + "'"));
    }

    @Test
    void shouldTreatAnOmittedDefaultAsTheSameContentOnRetry() {
        String org = Api.createOrganisation("Retry defaults centre", "SI-133", true);
        Map<String, Object> body = Api.session(org);
        body.put("id", UUID.randomUUID().toString());
        body.put("volunteers", 0);
        Api.post(body).statusCode(201);
        body.remove("volunteers");
        body.put("methods", List.of("INFORMAL_GROUP", "STREET"));
        Api.post(body).statusCode(200);
    }

    @Test
    void shouldStoreOnceWhenIdenticalRetriesArriveAtTheSameMoment() throws Exception {
        String org = Api.createOrganisation("Concurrent retry centre", "SI-133", true);
        Map<String, Object> body = Api.session(org);
        String id = UUID.randomUUID().toString();
        body.put("id", id);
        int copies = 8;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return given().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(copies - 1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, count("select count(*) from youth_session where id = '" + id + "'"));
    }

    @Test
    void shouldAnswer409WhenTheSameIdComesWithOtherContent() {
        String org = Api.createOrganisation("Conflict centre", "SI-133", true);
        Map<String, Object> body = Api.session(org);
        String id = UUID.randomUUID().toString();
        body.put("id", id);
        Api.post(body).statusCode(201);

        body.put("durationMinutes", 90);
        Api.post(body).statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("other content"));
        given().get("/api/v1/sessions/{id}", id).then().body("durationMinutes", equalTo(120));
    }

    @Test
    void shouldReplaceASessionWithTheCurrentIfMatchAndRaiseItsVersion() {
        String org = Api.createOrganisation("Put centre", "SI-133", true);
        String id = Api.createSession(Api.session(org));
        Map<String, Object> body = Api.session(org);
        body.put("participants", List.of(participant("15-19", "FEMALE", 5)));
        body.put("firstTimeParticipants", 1);
        body.put("unorganisedYouth", 5);
        body.put("fewerOpportunities", 0);

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/sessions/{id}", id).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("participantsTotal", equalTo(5))
                .body("participants", hasSize(1));
        assertEquals(5, intColumn(id, "participants_total"));
        assertEquals(0, count("select count(*) from youth_session where id = '" + id + "' and age15_19_male is not null"));
    }

    @Test
    void shouldAnswer412ForAStaleIfMatchAnd428WithoutOne() {
        String org = Api.createOrganisation("Stale centre", "SI-133", true);
        String id = Api.createSession(Api.session(org));
        Map<String, Object> body = Api.session(org);
        body.put("title", "Changed");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/sessions/{id}", id).then().statusCode(200);

        body.put("title", "Changed again from an old copy");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/sessions/{id}", id).then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("\"1\""));
        given().contentType(ContentType.JSON).body(body)
                .put("/api/v1/sessions/{id}", id).then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().get("/api/v1/sessions/{id}", id).then().body("title", equalTo("Changed"));
    }

    @Test
    void shouldKeepTheVersionWhenAPutChangesNothing() {
        String org = Api.createOrganisation("Unchanged centre", "SI-133", true);
        Map<String, Object> body = Api.session(org);
        String id = Api.createSession(body);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/sessions/{id}", id).then()
                .statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
    }

    @Test
    void shouldNotMatchAWeakETag() {
        String org = Api.createOrganisation("Weak tag centre", "SI-133", true);
        Map<String, Object> body = Api.session(org);
        String id = Api.createSession(body);
        body.put("title", "Changed");
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(body)
                .put("/api/v1/sessions/{id}", id).then().statusCode(412);
    }

    @Test
    void shouldRefuseAPutWhoseBodyNamesAnotherId() {
        String org = Api.createOrganisation("Other id centre", "SI-133", true);
        String id = Api.createSession(Api.session(org));
        Map<String, Object> body = Api.session(org);
        body.put("id", UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/sessions/{id}", id).then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void shouldHideADeletedSessionButKeepItsRow() {
        String org = Api.createOrganisation("Delete centre", "SI-133", true);
        String id = Api.createSession(Api.session(org));

        given().delete("/api/v1/sessions/{id}", id).then().statusCode(204);

        given().get("/api/v1/sessions/{id}", id).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("organisationId", org).get("/api/v1/sessions").then()
                .statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        given().delete("/api/v1/sessions/{id}", id).then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "*").body(Api.session(org))
                .put("/api/v1/sessions/{id}", id).then().statusCode(404);
        assertEquals(1, count("select count(*) from youth_session where id = '" + id + "' and deleted_at is not null"));
    }

    @Test
    void shouldRefuseToReuseTheIdOfADeletedSession() {
        String org = Api.createOrganisation("Reuse centre", "SI-133", true);
        Map<String, Object> body = Api.session(org);
        String id = UUID.randomUUID().toString();
        body.put("id", id);
        Api.post(body).statusCode(201);
        given().delete("/api/v1/sessions/{id}", id).then().statusCode(204);
        Api.post(body).statusCode(409);
    }

    @Test
    void shouldAnswer412WhenADeleteNamesAStaleVersion() {
        String org = Api.createOrganisation("Delete stale centre", "SI-133", true);
        String id = Api.createSession(Api.session(org));
        given().header("If-Match", "\"7\"").delete("/api/v1/sessions/{id}", id).then().statusCode(412);
        given().get("/api/v1/sessions/{id}", id).then().statusCode(200);
    }

    @Test
    void shouldAnswer404ForAnUnknownOrMalformedId() {
        given().get("/api/v1/sessions/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/v1/sessions/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldListNewestFirstWithFiltersAndPages() {
        String org = Api.createOrganisation("List centre", "SI-085", true);
        LocalDate today = LocalDate.now();
        String oldest = Api.createSession(dated(org, today.minusDays(30), "10:00", List.of("OPEN")));
        String middle = Api.createSession(dated(org, today.minusDays(20), "10:00", List.of("STREET")));
        String laterSameDay = Api.createSession(dated(org, today.minusDays(20), "18:00", List.of("DIGITAL", "STREET")));
        Map<String, Object> elsewhere = dated(org, today.minusDays(5), "09:00", List.of("OPEN"));
        elsewhere.put("municipalityCode", "SI-086");
        String newest = Api.createSession(elsewhere);

        given().queryParam("organisationId", org).get("/api/v1/sessions").then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("items.id", contains(newest, laterSameDay, middle, oldest));
        given().queryParam("organisationId", org).queryParam("method", "STREET").get("/api/v1/sessions").then()
                .body("items.id", contains(laterSameDay, middle));
        given().queryParam("organisationId", org).queryParam("municipalityCode", "SI-086").get("/api/v1/sessions").then()
                .body("items.id", contains(newest));
        given().queryParam("organisationId", org)
                .queryParam("from", today.minusDays(20).toString()).queryParam("to", today.minusDays(6).toString())
                .get("/api/v1/sessions").then()
                .body("items.id", contains(laterSameDay, middle));
        given().queryParam("organisationId", org).queryParam("size", 3).queryParam("page", 1).get("/api/v1/sessions").then()
                .body("total", equalTo(4)).body("page", equalTo(1)).body("size", equalTo(3))
                .body("items.id", contains(oldest));
    }

    @Test
    void shouldPageByCursorThroughTheSameOrderWithoutSkippingOrRepeating() {
        String org = Api.createOrganisation("Cursor centre", "SI-085", true);
        LocalDate day = LocalDate.now().minusDays(3);
        // Ties on every key but the last: the same day with and without a start time, the same start time twice.
        for (String start : new String[]{"18:00", null, "10:00", "18:00", null, "10:00", "18:00"}) {
            Api.createSession(dated(org, day, start, List.of("OPEN")));
        }
        Api.createSession(dated(org, day.minusDays(1), null, List.of("OPEN")));
        Api.createSession(dated(org, day.plusDays(1), "09:00", List.of("OPEN")));
        List<String> all = given().queryParam("organisationId", org).get("/api/v1/sessions").then()
                .statusCode(200).body("total", equalTo(9)).extract().path("items.id");

        List<String> walked = new ArrayList<>();
        var first = given().queryParam("organisationId", org).queryParam("size", 2).get("/api/v1/sessions").then()
                .statusCode(200).body("page", equalTo(0)).body("total", equalTo(9)).extract();
        walked.addAll(first.path("items.id"));
        String next = first.path("next");
        // A session logged meanwhile, newest of all: an offset would shift by one, a cursor does not.
        Api.createSession(dated(org, day.plusDays(2), "09:00", List.of("OPEN")));
        int pages = 1;
        while (next != null) {
            var page = given().queryParam("organisationId", org).queryParam("size", 2).queryParam("after", next)
                    .get("/api/v1/sessions").then()
                    .statusCode(200).body("page", nullValue()).body("total", nullValue()).body("size", equalTo(2)).extract();
            walked.addAll(page.path("items.id"));
            next = page.path("next");
            pages++;
        }
        assertEquals(all, walked);
        assertEquals(5, pages, "nine sessions in pages of two; the last one has no next");
    }

    @Test
    void shouldRefuseACursorThatIsNotOneAndACursorWithAPage() {
        String farFuture = java.util.Base64.getUrlEncoder().encodeToString(
                ("2026-01-01~~+1000000-01-01T00:00:00Z~" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String bad : new String[]{"nope", "bm9wZQ", "MjAyNi0wMS0wMX5-bm90LWFuLWluc3RhbnR-eA", farFuture}) {
            given().queryParam("after", bad).get("/api/v1/sessions").then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("after"));
        }
        String org = Api.createOrganisation("Cursor refusal centre", "SI-085", true);
        Api.createSession(Api.session(org));
        Api.createSession(Api.session(org));
        String next = given().queryParam("organisationId", org).queryParam("size", 1).get("/api/v1/sessions").then()
                .statusCode(200).extract().path("next");
        given().queryParam("after", next).queryParam("page", 1).get("/api/v1/sessions").then()
                .statusCode(400).body("violations[0].field", equalTo("after"));
    }

    @Test
    void shouldRefuseMalformedListParametersNamingThem() {
        for (var bad : List.of(Map.of("size", "0"), Map.of("size", "501"), Map.of("size", "ten"), Map.of("page", "-1"),
                Map.of("from", "2026-13-01"), Map.of("organisationId", "nope"), Map.of("method", "FLYING"),
                Map.of("municipalityCode", "SI-999"))) {
            String name = bad.keySet().iterator().next();
            given().queryParams(bad).get("/api/v1/sessions").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo(name));
        }
        given().queryParam("from", "2026-03-01").queryParam("to", "2026-02-01").get("/api/v1/sessions").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
    }

    private static Map<String, Object> dated(String org, LocalDate date, String start, List<String> methods) {
        Map<String, Object> body = Api.session(org);
        body.put("municipalityCode", "SI-085");
        body.put("date", date.toString());
        body.put("startTime", start);
        body.put("methods", methods);
        return body;
    }

    private int intColumn(String id, String column) {
        return count("select " + column + " from youth_session where id = '" + id + "'");
    }

    private int count(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
