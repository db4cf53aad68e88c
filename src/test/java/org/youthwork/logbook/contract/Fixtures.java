package org.youthwork.logbook.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What exists in the service before the properties run, so that generated requests can name real things and get past
 * the first lookup: the reference data it ships, and organisations, sessions and accounts made here through the API.
 *
 * <p>Things a property may destroy are kept apart from things others read: deletions get their own sessions, users and
 * clients, and periods are closed only in a test country of their own (XP), so that no Slovenian or Bulgarian year
 * closes under the session properties.
 */
final class Fixtures {

    static final String TEST_COUNTRY = "XP";
    static final ZoneId ZONE = ZoneId.of("Europe/Ljubljana");

    final List<String> countries = new ArrayList<>();
    final List<String> regions = new ArrayList<>();
    final List<String> municipalities = new ArrayList<>();
    final List<String> organisations = new ArrayList<>();
    final List<String> keptSessions = new ArrayList<>();
    final List<String> doomedSessions = new ArrayList<>();
    final List<String> doomedUsers = new ArrayList<>();
    final List<String> doomedClients = new ArrayList<>();
    /** Usernames and their passwords, for the token endpoint. */
    final Map<String, String> logins = new HashMap<>();
    /** Client ids and their secrets. */
    final Map<String, String> clients = new HashMap<>();

    static Fixtures create(PackagedService service) throws IOException, SQLException {
        Fixtures f = new Fixtures();
        String c = TEST_COUNTRY;
        service.sql("insert into country (code, name) values ('" + c + "', 'Testland') on conflict do nothing");
        service.sql("insert into region (code, country_code, name) values ('" + c + "1', '" + c + "', 'North') on conflict do nothing");
        service.sql("insert into municipality (code, region_code, country_code, name) values ('" + c + "-A1', '" + c
                + "1', '" + c + "', 'Alpha One') on conflict do nothing");
        service.admin("GET", "/api/v1/countries?size=500", null).path("items").forEach(a -> f.countries.add(a.path("code").asText()));
        service.admin("GET", "/api/v1/regions?size=500", null).path("items").forEach(a -> f.regions.add(a.path("code").asText()));
        service.admin("GET", "/api/v1/municipalities?size=500", null).path("items")
                .forEach(a -> f.municipalities.add(a.path("code").asText()));

        f.organisations.add(f.organisation(service, "Mladinski center Velenje", "SI-133", true));
        f.organisations.add(f.organisation(service, "Младежки център Враца", "BG-VRC10", true));
        f.organisations.add(f.organisation(service, "Youth club Ljubljana", "SI-061", false));
        String home = f.organisations.get(0);

        for (int i = 0; i < 6; i++) {
            f.keptSessions.add(service.admin("POST", "/api/v1/sessions", session(f.organisations.get(i % 3), i))
                    .path("id").asText());
            f.doomedSessions.add(service.admin("POST", "/api/v1/sessions", session(f.organisations.get(i % 3), i))
                    .path("id").asText());
        }

        f.user(service, "contract-lead", "ORGANISATION_LEAD", home);
        service.signInLead("contract-lead", f.logins.get("contract-lead"));
        f.user(service, "contract-keeper", "YOUTH_WORKER", home);
        for (int i = 1; i <= 5; i++) {
            f.doomedUsers.add(f.user(service, "contract-worker-" + i, "YOUTH_WORKER", home));
        }
        for (int i = 1; i <= 5; i++) {
            JsonNode client = service.admin("POST", "/api/v1/clients",
                    Map.of("name", "Reporting tool " + i, "role", "MUNICIPALITY", "municipalityCode", "SI-133"));
            f.doomedClients.add(client.path("id").asText());
            f.clients.put(client.path("clientId").asText(), client.path("clientSecret").asText());
        }
        return f;
    }

    /**
     * Values that name something real for a parameter or field of an operation (its key, "POST /api/v1/sessions"), or
     * none when any value of the right form will do.
     */
    List<String> known(String operation, String name) {
        boolean periods = operation.contains("/periods/");
        return switch (name) {
            case "id" -> {
                if (operation.contains("/sessions/")) {
                    yield operation.startsWith("DELETE") ? doomedSessions : concat(keptSessions, doomedSessions);
                }
                if (operation.contains("/organisations/")) {
                    yield organisations;
                }
                if (operation.contains("/users/")) {
                    yield doomedUsers;
                }
                yield operation.contains("/clients/") ? doomedClients : List.of();
            }
            case "code" -> operation.contains("/municipalities/") ? concat(municipalities, List.of(TEST_COUNTRY + "-A1"))
                    : operation.contains("/regions/") ? regions : countries;
            case "country" -> periods ? List.of(TEST_COUNTRY) : countries;
            case "region" -> regions;
            case "municipalityCode" -> municipalities;
            case "organisationId" -> organisations;
            case "year" -> years();
            case "username" -> operation.contains("/auth/token") ? concat(List.copyOf(logins.keySet()), List.of(PackagedService.ADMIN)) : List.of();
            case "password" -> operation.contains("/auth/token") ? List.copyOf(logins.values()) : List.of();
            case "client_id" -> List.copyOf(clients.keySet());
            case "client_secret" -> List.copyOf(clients.values());
            case "grant_type" -> List.of("password", "client_credentials");
            case "Accept-Language" -> List.of("sl", "en", "bg", "sl-SI,sl;q=0.9,en;q=0.8", "de", "*");
            default -> List.of();
        };
    }

    /**
     * Fields that must agree in a way the schema cannot say, as a client that read the descriptions sends them: an
     * account's role with the one scope field it needs (a null value leaves a field out).
     */
    List<Map<String, String>> shapes(String operation) {
        if (!operation.equals("POST /api/v1/users") && !operation.equals("POST /api/v1/clients")) {
            return List.of();
        }
        List<Map<String, String>> shapes = new ArrayList<>();
        for (String role : List.of("YOUTH_WORKER", "ORGANISATION_LEAD")) {
            shapes.add(scope(role, "organisationId", organisations.get(0)));
        }
        shapes.add(scope("MUNICIPALITY", "municipalityCode", "SI-133"));
        shapes.add(scope("NETWORK_COORDINATOR", "country", "SI"));
        shapes.add(scope("ADMIN", null, null));
        return shapes;
    }

    private static Map<String, String> scope(String role, String field, String value) {
        Map<String, String> shape = new HashMap<>();
        shape.put("role", role);
        for (String scope : List.of("organisationId", "municipalityCode", "country")) {
            shape.put(scope, scope.equals(field) ? value : null);
        }
        return shape;
    }

    private static List<String> years() {
        int now = LocalDate.now(ZONE).getYear();
        return List.of(Integer.toString(now), Integer.toString(now - 1), "2000", "2010", Integer.toString(now + 1));
    }

    private String organisation(PackagedService service, String name, String municipality, boolean member) throws IOException {
        return service.admin("POST", "/api/v1/organisations",
                Map.of("name", name, "type", "YOUTH_CENTRE", "municipalityCode", municipality, "member", member))
                .path("id").asText();
    }

    private String user(PackagedService service, String username, String role, String organisation) throws IOException {
        String password = username + "-password";
        logins.put(username, password);
        return service.admin("POST", "/api/v1/users",
                Map.of("username", username, "password", password, "role", role, "organisationId", organisation))
                .path("id").asText();
    }

    private static Map<String, Object> session(String organisation, int i) {
        Map<String, Object> s = new HashMap<>();
        s.put("organisationId", organisation);
        s.put("date", LocalDate.now(ZONE).minusDays(3 + i * 20L).toString());
        s.put("startTime", "17:00");
        s.put("durationMinutes", 90 + i);
        s.put("title", "Street outreach " + i);
        s.put("methods", List.of("STREET", "INFORMAL_GROUP"));
        s.put("themes", List.of("EMPLOYMENT"));
        s.put("setting", "PUBLIC_SPACE");
        s.put("participants", List.of(Map.of("ageBand", "15-19", "gender", "FEMALE", "count", 4),
                Map.of("ageBand", "20-24", "gender", "MALE", "count", 3)));
        s.put("youthWorkers", 2);
        return s;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
