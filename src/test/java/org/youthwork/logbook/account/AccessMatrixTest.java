package org.youthwork.logbook.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.youthwork.logbook.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may do what, as one table: every endpoint, asked by every role, in its scope and out of it, with the exact
 * status. The world: organisation A (member, Velenje SI-133) with session sA; organisation B (SI-061) with sB;
 * organisation C (Bulgaria) with sC. The accounts: a youth worker and a lead of A, the municipality SI-133, the
 * network coordinator of SI, the administrator, and no token at all.
 */
@QuarkusTest
class AccessMatrixTest {

    enum Who { WORKER, LEAD, MUNICIPALITY, COORDINATOR, ADMIN, NOBODY }

    /** What a row does, given the world; it may make what it needs (as the administrator) before it asks. */
    interface Request extends Function<RequestSpecification, Response> {
    }

    record Row(String what, Request request, int worker, int lead, int municipality, int coordinator, int admin, int nobody) {
        int expected(Who who) {
            return switch (who) {
                case WORKER -> worker;
                case LEAD -> lead;
                case MUNICIPALITY -> municipality;
                case COORDINATOR -> coordinator;
                case ADMIN -> admin;
                case NOBODY -> nobody;
            };
        }
    }

    private static final AtomicInteger YEARS = new AtomicInteger(2001);
    private static String orgA;
    private static String orgB;
    private static String orgC;
    private static String sA;
    private static String sB;
    private static String sC;
    private static Map<Who, String> tokens;

    @BeforeAll
    static void noDefaultCredentials() {
        Api.anonymous();
    }

    /** The periods the table closed are reopened, so that no other test finds a year closed. */
    private static void reopenTheYearsItClosed() {
        for (int year = 2001; year < YEARS.get(); year++) {
            for (String country : List.of("SI", "BG")) {
                given().header("Authorization", "Bearer " + Api.adminToken())
                        .delete("/api/v1/periods/closed/" + country + "/" + year)
                        .then().statusCode(org.hamcrest.Matchers.oneOf(204, 404));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointEveryRoleInAndOutOfScope() {
        world();
        List<Row> table = List.of(
                // reference data: any signed-in account
                new Row("GET /countries", s -> s.get("/api/v1/countries"), 200, 200, 200, 200, 200, 401),
                new Row("GET /regions", s -> s.get("/api/v1/regions?country=SI"), 200, 200, 200, 200, 200, 401),
                new Row("GET /municipalities", s -> s.get("/api/v1/municipalities?region=SI034"), 200, 200, 200, 200, 200, 401),
                new Row("GET /code-lists", s -> s.get("/api/v1/code-lists"), 200, 200, 200, 200, 200, 401),
                // sessions
                new Row("GET own session", s -> s.get("/api/v1/sessions/" + sA), 200, 200, 404, 200, 200, 401),
                new Row("GET other organisation's session", s -> s.get("/api/v1/sessions/" + sB), 404, 404, 404, 200, 200, 401),
                new Row("GET other country's session", s -> s.get("/api/v1/sessions/" + sC), 404, 404, 404, 404, 200, 401),
                new Row("GET session list", s -> s.get("/api/v1/sessions"), 200, 200, 403, 200, 200, 401),
                new Row("POST session for own organisation", s -> post(s, "/api/v1/sessions", Api.session(orgA)), 201, 201, 400, 403, 201, 401),
                new Row("POST session for another organisation", s -> post(s, "/api/v1/sessions", Api.session(orgB)), 400, 400, 400, 403, 201, 401),
                new Row("PUT own session", s -> put(s, "/api/v1/sessions/" + freshSession(orgA), changed(orgA)), 403, 200, 404, 403, 200, 401),
                new Row("PUT other organisation's session", s -> put(s, "/api/v1/sessions/" + freshSession(orgB), changed(orgB)), 404, 404, 404, 403, 200, 401),
                new Row("DELETE own session", s -> s.delete("/api/v1/sessions/" + freshSession(orgA)), 403, 204, 404, 403, 204, 401),
                new Row("DELETE other organisation's session", s -> s.delete("/api/v1/sessions/" + freshSession(orgB)), 404, 404, 404, 403, 204, 401),
                new Row("GET own session's history", s -> s.get("/api/v1/sessions/" + sA + "/history"), 200, 200, 404, 200, 200, 401),
                new Row("GET other country's session's history", s -> s.get("/api/v1/sessions/" + sC + "/history"), 404, 404, 404, 404, 200, 401),
                // organisations
                new Row("GET own organisation", s -> s.get("/api/v1/organisations/" + orgA), 200, 200, 404, 200, 200, 401),
                new Row("GET other organisation", s -> s.get("/api/v1/organisations/" + orgB), 404, 404, 404, 200, 200, 401),
                new Row("GET other country's organisation", s -> s.get("/api/v1/organisations/" + orgC), 404, 404, 404, 404, 200, 401),
                new Row("GET organisation list", s -> s.get("/api/v1/organisations"), 200, 200, 403, 200, 200, 401),
                new Row("POST organisation", s -> post(s, "/api/v1/organisations",
                        Map.of("name", "New centre", "type", "OTHER", "municipalityCode", "SI-133", "member", false)), 403, 403, 403, 403, 201, 401),
                new Row("PUT own organisation", s -> s.header("If-Match", "*").contentType(ContentType.JSON)
                        .body(Map.of("name", "Centre A", "type", "YOUTH_CENTRE", "municipalityCode", "SI-133", "member", true))
                        .put("/api/v1/organisations/" + orgA), 403, 403, 404, 403, 200, 401),
                // overviews and the annual analysis
                new Row("GET own municipality's overview", s -> s.get("/api/v1/overviews/municipalities/SI-133"), 403, 403, 200, 200, 200, 401),
                new Row("GET other municipality's overview", s -> s.get("/api/v1/overviews/municipalities/SI-061"), 403, 403, 403, 200, 200, 401),
                new Row("GET own region's overview", s -> s.get("/api/v1/overviews/regions/SI034"), 403, 403, 403, 200, 200, 401),
                new Row("GET own country's overview", s -> s.get("/api/v1/overviews/countries/SI"), 403, 403, 403, 200, 200, 401),
                new Row("GET other country's overview", s -> s.get("/api/v1/overviews/countries/BG"), 403, 403, 403, 403, 200, 401),
                new Row("GET own country's annual analysis", s -> s.get("/api/v1/reports/annual-analysis?country=SI&year=2025"), 403, 403, 403, 200, 200, 401),
                new Row("GET other country's annual analysis", s -> s.get("/api/v1/reports/annual-analysis?country=BG&year=2025"), 403, 403, 403, 403, 200, 401),
                // accounts
                new Row("POST user of own organisation", s -> post(s, "/api/v1/users", user("YOUTH_WORKER", "organisationId", orgA)), 403, 201, 403, 403, 201, 401),
                new Row("POST user of other organisation", s -> post(s, "/api/v1/users", user("YOUTH_WORKER", "organisationId", orgB)), 403, 403, 403, 403, 201, 401),
                new Row("POST municipality user", s -> post(s, "/api/v1/users", user("MUNICIPALITY", "municipalityCode", "SI-133")), 403, 403, 403, 403, 201, 401),
                new Row("POST client of own organisation", s -> post(s, "/api/v1/clients",
                        Map.of("name", "Centre A's app", "role", "YOUTH_WORKER", "organisationId", orgA)), 403, 201, 403, 403, 201, 401),
                new Row("POST municipality client", s -> post(s, "/api/v1/clients",
                        Map.of("name", "Velenje reporting", "role", "MUNICIPALITY", "municipalityCode", "SI-133")), 403, 403, 403, 403, 201, 401),
                new Row("DELETE user of own organisation", s -> s.delete("/api/v1/users/" + freshUser(orgA)), 403, 204, 403, 403, 204, 401),
                new Row("DELETE user of other organisation", s -> s.delete("/api/v1/users/" + freshUser(orgB)), 403, 404, 403, 403, 204, 401),
                new Row("GET user list", s -> s.get("/api/v1/users"), 403, 200, 403, 403, 200, 401),
                new Row("GET other organisation's user list", s -> s.get("/api/v1/users?organisationId=" + orgB), 403, 403, 403, 403, 200, 401),
                new Row("GET client list", s -> s.get("/api/v1/clients"), 403, 200, 403, 403, 200, 401),
                new Row("GET own account", s -> s.get("/api/v1/users/me"), 200, 200, 200, 200, 200, 401),
                new Row("GET user of own organisation", s -> s.get("/api/v1/users/" + freshUser(orgA)), 404, 200, 404, 404, 200, 401),
                new Row("GET user of other organisation", s -> s.get("/api/v1/users/" + freshUser(orgB)), 404, 404, 404, 404, 200, 401),
                new Row("disable user of own organisation", s -> s.post("/api/v1/users/" + freshUser(orgA) + "/disable"), 403, 200, 403, 403, 200, 401),
                new Row("disable user of other organisation", s -> s.post("/api/v1/users/" + freshUser(orgB) + "/disable"), 403, 404, 403, 403, 200, 401),
                new Row("reset password of own organisation's user", s -> s.contentType(ContentType.JSON)
                        .body(Map.of("password", "a new long password")).put("/api/v1/users/" + freshUser(orgA) + "/password"), 403, 200, 403, 403, 200, 401),
                new Row("GET history of own organisation's user", s -> s.get("/api/v1/users/" + freshUser(orgA) + "/history"), 403, 200, 403, 403, 200, 401),
                // closed periods
                new Row("POST closed period of own country", s -> post(s, "/api/v1/periods/closed",
                        Map.of("country", "SI", "year", YEARS.getAndIncrement())), 403, 403, 403, 201, 201, 401),
                new Row("POST closed period of other country", s -> post(s, "/api/v1/periods/closed",
                        Map.of("country", "BG", "year", YEARS.getAndIncrement())), 403, 403, 403, 403, 201, 401),
                new Row("DELETE closed period", s -> s.delete("/api/v1/periods/closed/SI/" + freshClosedYear()), 403, 403, 403, 403, 204, 401));

        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : table) {
            for (Who who : Who.values()) {
                int expected = row.expected(who);
                tests.add(DynamicTest.dynamicTest(row.what() + " as " + who + " → " + expected, () -> {
                    RequestSpecification spec = given();
                    if (who != Who.NOBODY) {
                        spec.header("Authorization", "Bearer " + tokens.get(who));
                    }
                    Response response = row.request().apply(spec);
                    assertEquals(expected, response.statusCode(), response.asString());
                    if (expected >= 400) {
                        assertEquals("application/problem+json", response.contentType().split(";")[0], response.asString());
                    }
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("reopen the years the table closed", AccessMatrixTest::reopenTheYearsItClosed));
        return tests.stream();
    }

    private static synchronized void world() {
        if (tokens != null) {
            return;
        }
        Api.asAdmin();
        orgA = Api.createOrganisation("Centre A", "SI-133", true);
        orgB = Api.createOrganisation("Centre B", "SI-061", true);
        orgC = Api.createOrganisation("Център C", "BG-VRC10", true);
        sA = Api.createSession(Api.session(orgA));
        sB = Api.createSession(Api.session(orgB));
        sC = Api.createSession(Api.session(orgC));
        Api.anonymous();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tokens = Map.of(
                Who.WORKER, account("worker-" + suffix, "YOUTH_WORKER", "organisationId", orgA),
                Who.LEAD, account("lead-" + suffix, "ORGANISATION_LEAD", "organisationId", orgA),
                Who.MUNICIPALITY, account("velenje-" + suffix, "MUNICIPALITY", "municipalityCode", "SI-133"),
                Who.COORDINATOR, account("coordinator-" + suffix, "NETWORK_COORDINATOR", "country", "SI"),
                Who.ADMIN, Api.adminToken());
    }

    private static String account(String username, String role, String scopeField, String scope) {
        Api.createUser(username, "a long enough password", role, scopeField, scope);
        return Api.token(username, "a long enough password");
    }

    private static Response post(RequestSpecification s, String path, Object body) {
        return s.contentType(ContentType.JSON).body(body).post(path);
    }

    private static Response put(RequestSpecification s, String path, Object body) {
        return s.contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put(path);
    }

    private static Map<String, Object> changed(String org) {
        Map<String, Object> body = Api.session(org);
        body.put("title", "Corrected title");
        return body;
    }

    private static Map<String, Object> user(String role, String scopeField, String scope) {
        return Map.of("username", "u-" + UUID.randomUUID().toString().substring(0, 12), "password", "a long enough password",
                "role", role, scopeField, scope);
    }

    private static String freshSession(String org) {
        return given().header("Authorization", "Bearer " + Api.adminToken()).contentType(ContentType.JSON)
                .body(Api.session(org)).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
    }

    private static String freshUser(String org) {
        return Api.createUser("u-" + UUID.randomUUID().toString().substring(0, 12), "a long enough password",
                "YOUTH_WORKER", "organisationId", org);
    }

    private static int freshClosedYear() {
        int year = YEARS.getAndIncrement();
        given().header("Authorization", "Bearer " + Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("country", "SI", "year", year)).post("/api/v1/periods/closed").then().statusCode(201);
        return year;
    }
}
