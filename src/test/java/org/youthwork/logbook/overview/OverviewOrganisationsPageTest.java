package org.youthwork.logbook.overview;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * National answers stay small: 53 organisations log in a test country (XN), all in XN-A1; the three named last log
 * twice there, and Centre 53 once more in XN-B1. Regions and countries list the first 50 in byOrganisation and page the rest.
 */
@QuarkusTest
class OverviewOrganisationsPageTest {

    private static final int ORGANISATIONS = 53;
    private static boolean logged;
    private static final List<String> busy = new ArrayList<>();

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void logFailures() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void logTheFixtures() {
        if (logged) {
            return;
        }
        TestAreas.create(db, "XN");
        for (int i = 1; i <= ORGANISATIONS; i++) {
            String id = Api.createOrganisation(String.format("Centre %02d", i), "XN-A1", i % 2 == 0);
            log(id, "XN-A1", "2024-0" + (1 + i % 9) + "-1" + (i % 10));
            if (i > ORGANISATIONS - 3) {
                log(id, "XN-A1", "2024-12-31");
                busy.add(id);
            }
            if (i == ORGANISATIONS) {
                log(id, "XN-B1", "2024-12-30");
            }
        }
        logged = true;
    }

    @Test
    void shouldListTheFirstFiftyOrganisationsOfACountryAndPageThemAll() {
        for (String[] period : List.of(new String[] {"2024-01-01", "2024-12-31"}, new String[] {"2024-01-15", "2024-12-31"})) {
            checkCapAndPages("countries/XN", period[0], period[1], List.of(busy.get(2), busy.get(0), busy.get(1)));
            checkCapAndPages("regions/XN1", period[0], period[1], busy);
        }
    }

    @Test
    void shouldListEveryOrganisationOfAMunicipality() {
        given().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").get("/api/v1/overviews/municipalities/XN-A1")
                .then().statusCode(200)
                .body("byOrganisation", hasSize(ORGANISATIONS))
                .body("organisationsTotal", equalTo(ORGANISATIONS));
        given().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").get("/api/v1/overviews/regions/XN2")
                .then().statusCode(200)
                .body("byOrganisation", hasSize(1))
                .body("organisationsTotal", equalTo(1));
    }

    @Test
    void shouldKeepThePagesToTheOverviewsScope() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String municipality = token("xn-municipality-" + suffix, "MUNICIPALITY", "municipalityCode", "XN-A1");
        String foreign = token("xn-si-coordinator-" + suffix, "NETWORK_COORDINATOR", "country", "SI");
        String coordinator = token("xn-coordinator-" + suffix, "NETWORK_COORDINATOR", "country", "XN");
        for (String refused : List.of(municipality, foreign)) {
            given().auth().oauth2(refused).get("/api/v1/overviews/regions/XN1/organisations").then()
                    .statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(refused).get("/api/v1/overviews/countries/XN/organisations").then().statusCode(403);
        }
        given().auth().oauth2(coordinator).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .get("/api/v1/overviews/countries/XN/organisations").then().statusCode(200).body("total", equalTo(ORGANISATIONS));
        given().get("/api/v1/overviews/regions/XN9/organisations").then().statusCode(404);
        given().get("/api/v1/overviews/countries/XQ/organisations").then().statusCode(404);
        given().queryParam("size", "0").get("/api/v1/overviews/countries/XN/organisations").then()
                .statusCode(400).body("violations[0].field", equalTo("size"));
        given().queryParam("page", "-1").get("/api/v1/overviews/countries/XN/organisations").then()
                .statusCode(400).body("violations[0].field", equalTo("page"));
        given().queryParam("pages", "1").get("/api/v1/overviews/countries/XN/organisations").then().statusCode(400);
        given().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("page", "9")
                .get("/api/v1/overviews/countries/XN/organisations").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(ORGANISATIONS)).body("page", equalTo(9));
    }

    private void checkCapAndPages(String area, String from, String to, List<String> first) {
        int total = ORGANISATIONS;
        var overview = given().queryParam("from", from).queryParam("to", to).get("/api/v1/overviews/" + area)
                .then().statusCode(200).extract().jsonPath();
        List<String> top = overview.getList("byOrganisation.organisationId");
        assertEquals(OverviewService.TOP_ORGANISATIONS, top.size(), area + " lists the top 50");
        assertEquals(total, overview.getInt("organisationsTotal"), area + " counts them all");
        assertEquals(first, top.subList(0, 3), area + ": most sessions first");
        List<String> names = overview.getList("byOrganisation.name");
        assertEquals("Centre 01", names.get(3), area + ": then by name");

        List<String> paged = new ArrayList<>();
        long sessions = 0;
        for (int page = 0; page < 3; page++) {
            var p = given().queryParam("from", from).queryParam("to", to).queryParam("page", page).queryParam("size", 20)
                    .get("/api/v1/overviews/" + area + "/organisations").then().statusCode(200).extract().jsonPath();
            assertEquals(total, p.getInt("total"));
            assertEquals(page, p.getInt("page"));
            assertEquals(20, p.getInt("size"));
            paged.addAll(p.getList("items.organisationId"));
            List<Map<String, Object>> items = p.getList("items");
            sessions += items.stream().mapToLong(r -> ((Number) r.get("sessions")).longValue()).sum();
        }
        assertEquals(total, paged.size(), area + ": the pages add up to organisationsTotal");
        assertEquals(total, paged.stream().distinct().count(), area + ": no organisation twice");
        assertEquals(top, paged.subList(0, OverviewService.TOP_ORGANISATIONS), area + ": in the order of byOrganisation");
        assertEquals(overview.getLong("totals.sessions"), sessions, area + ": the pages add up to the totals");
    }

    private static String token(String username, String role, String scopeField, String scope) {
        Api.createUser(username, "a long enough password", role, scopeField, scope);
        return Api.token(username, "a long enough password");
    }

    private static void log(String org, String municipality, String date) {
        Map<String, Object> s = Api.session(org);
        s.put("municipalityCode", municipality);
        s.put("date", date);
        Api.createSession(s);
    }
}
