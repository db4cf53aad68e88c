package org.youthwork.logbook.contract;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.providers.TypeUsage;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Any client, careless or hostile, gets an answer within the contract: for every operation of
 * {@code openapi/openapi.yaml}, requests generated from the operation's types (path, query, headers, body) never
 * answer 5xx; every 4xx is an RFC 9457 problem whose {@code status} is the HTTP status, with {@code type} and
 * {@code title} (the token endpoint answers RFC 6749 errors, which carry {@code error} and the same problem fields); and
 * a 2xx that stores text gives it back, and reads it back, as it was sent (leading and trailing white space aside).
 *
 * <p>The properties run on the packaged application, started here as production starts it (see
 * {@link PackagedService}), so they run in the failsafe phase: {@code ./mvnw verify}, or only these with
 * {@code ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ContractPropertiesIT}. The seed is
 * fixed for reproducible runs; {@code -Dcontract.seed=...} tries another, {@code -Dcontract.tries=...} sets the tries of
 * each property. A falsified property prints the shrunk request as a curl command against the development start.
 */
@AddLifecycleHook(value = ContractPropertiesIT.Reproducible.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class ContractPropertiesIT {

    static final String DEFAULT_SEED = "20260314";
    static final int DEFAULT_TRIES = 100;
    private static final int SHOWN = 2000;

    private static PackagedService service;
    private static Contract contract;
    private static Requests requests;
    private static Requests malformed;

    /** The operation of the contract a property's requests are for, as "METHOD /path". */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Calls {
        String value();
    }

    @BeforeContainer
    static void start() throws Exception {
        contract = Contract.load();
        service = PackagedService.start();
        Values values = new Values(contract, Fixtures.create(service));
        requests = new Requests(contract, values, false);
        malformed = new Requests(contract, values, true);
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Provide
    Arbitrary<Request> requests(TypeUsage parameter) {
        String operation = parameter.findAnnotation(Calls.class)
                .orElseThrow(() -> new IllegalStateException("A request parameter needs @Calls")).value();
        return requests.of(contract.operation(operation));
    }

    /**
     * Requests whose path or query holds an escape that is no valid percent-encoding. URLs are decoded before any
     * operation's own code runs, so the operations without a body stand for all: their failures are the URL's alone.
     */
    @Provide
    Arbitrary<Request> malformedUrls() {
        return net.jqwik.api.Arbitraries.oneOf(contract.operations().stream()
                .filter(op -> op.bodies().isEmpty()).map(malformed::of).toList());
    }

    @Example
    void shouldHaveAPropertyForEveryOperationOfTheContract() {
        Set<String> listed = contract.operations().stream().map(Contract.Operation::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = Arrays.stream(getClass().getDeclaredMethods())
                .flatMap(m -> Arrays.stream(m.getParameters()))
                .map(p -> p.getAnnotation(Calls.class)).filter(Objects::nonNull).map(Calls::value)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(listed, covered, "each operation of " + Contract.FILE + " needs a property here");
    }

    @Example
    void shouldTakeWhatIsFineAsFine() {
        assertFine(get("/api/v1/countries", Request.Caller.ADMIN), 200);
        assertFine(get("/api/v1/sessions/0b9f3f0e-2c4e-4d1e-9d6c-4c1f6a2d9b10", Request.Caller.ADMIN), 404);
        assertFine(get("/api/v1/sessions/not-an-id", Request.Caller.ADMIN), 404);
        assertFine(get("/api/v1/countries", Request.Caller.FORGED), 401);
        assertFine(get("/api/v1/countries", Request.Caller.NOBODY), 401);
        assertFine(get("/api/v1/sessions?size=0", Request.Caller.ADMIN), 400);
        assertFine(get("/api/v1/overviews/countries/SI", Request.Caller.LEAD), 403);
        assertFine(new Request("POST", "/api/v1/auth/token", "/api/v1/auth/token", Request.Caller.NOBODY,
                List.of(new Request.Header("Content-Type", "application/x-www-form-urlencoded")),
                "grant_type=password&username=nobody&password=wrong".getBytes(StandardCharsets.UTF_8)), 400);
    }

    private static void assertFine(Request request, int status) {
        Http.Response answer = send(request);
        assertEquals(status, answer.status(), request + " answered " + answer.text());
        assertNull(violation(request, answer), request.toString());
    }

    @Example
    void shouldFindWhatBreaksTheContract() {
        Request request = new Request("GET", "/api/v1/countries", "/api/v1/countries", Request.Caller.ADMIN, List.of(), null);
        assertNotNull(violation(request, answer(500, "application/problem+json", "{\"type\":\"t\",\"title\":\"t\",\"status\":500}")));
        assertNotNull(violation(request, answer(400, "text/plain", "Bad Request")));
        assertNotNull(violation(request, answer(404, "application/problem+json", "{\"type\":\"t\",\"title\":\"t\",\"status\":400}")));
        assertNotNull(violation(request, answer(404, "application/problem+json", "{\"status\":404}")));
        assertNotNull(violation(request, answer(400, "application/json", "{\"error\":\"invalid_request\",\"type\":\"t\",\"title\":\"t\",\"status\":400}")));
        Request logged = new Request("POST", "/api/v1/sessions", "/api/v1/sessions", Request.Caller.ADMIN,
                List.of(new Request.Header("Content-Type", "application/json")),
                "{\"title\":\"\\ud800 x\"}".getBytes(StandardCharsets.UTF_8));
        assertNotNull(violation(logged, answer(201, "application/json", "{\"title\":\"? x\"}")));
        assertNull(violation(logged, answer(201, "application/json", "{\"title\":\"\\ud800 x\"}")));
    }

    // ---- one property per operation of the contract, and one for malformed URLs of any of them

    /**
     * An address that is not a URI (a % without two hexadecimal digits) is refused by Quarkus' HTTP layer, which checks
     * every request line with java.net.URI before any code of the service runs, with a bare 400 (docs/api.md, Errors):
     * it must be that 400, never a 5xx and never an answer to some other address. An address that is a URI after all
     * (shrinking gets there) keeps the contract like any other.
     */
    @Property
    void sendingMalformedUrls(@ForAll("malformedUrls") Request request) throws IOException {
        try {
            new java.net.URI(request.target());
        } catch (java.net.URISyntaxException notAUri) {
            Http.Response answer = send(request);
            Statistics.label("status").collect(answer.status());
            if (answer.status() != 400) {
                throw new AssertionError("an address that is not a URI answered " + answer.status() + " instead of 400\n  request: "
                        + request + "\n  answer: " + shown(answer.text()));
            }
            return;
        }
        keepsTheContract(request);
    }

    @Property
    void signingIn(@ForAll("requests") @Calls("POST /api/v1/auth/token") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void creatingAUser(@ForAll("requests") @Calls("POST /api/v1/users") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void deletingAUser(@ForAll("requests") @Calls("DELETE /api/v1/users/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void creatingAClient(@ForAll("requests") @Calls("POST /api/v1/clients") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void deletingAClient(@ForAll("requests") @Calls("DELETE /api/v1/clients/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void listingUsers(@ForAll("requests") @Calls("GET /api/v1/users") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingOnesOwnUser(@ForAll("requests") @Calls("GET /api/v1/users/me") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void changingOnesOwnPassword(@ForAll("requests") @Calls("PUT /api/v1/users/me/password") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingAUser(@ForAll("requests") @Calls("GET /api/v1/users/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void disablingAUser(@ForAll("requests") @Calls("POST /api/v1/users/{id}/disable") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void enablingAUser(@ForAll("requests") @Calls("POST /api/v1/users/{id}/enable") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void resettingAPassword(@ForAll("requests") @Calls("PUT /api/v1/users/{id}/password") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingAUsersHistory(@ForAll("requests") @Calls("GET /api/v1/users/{id}/history") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void listingClients(@ForAll("requests") @Calls("GET /api/v1/clients") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingAClient(@ForAll("requests") @Calls("GET /api/v1/clients/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void disablingAClient(@ForAll("requests") @Calls("POST /api/v1/clients/{id}/disable") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void enablingAClient(@ForAll("requests") @Calls("POST /api/v1/clients/{id}/enable") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void givingAClientANewSecret(@ForAll("requests") @Calls("POST /api/v1/clients/{id}/secret") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingAClientsHistory(@ForAll("requests") @Calls("GET /api/v1/clients/{id}/history") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingCodeLists(@ForAll("requests") @Calls("GET /api/v1/code-lists") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void listingCountries(@ForAll("requests") @Calls("GET /api/v1/countries") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void listingRegions(@ForAll("requests") @Calls("GET /api/v1/regions") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void listingMunicipalities(@ForAll("requests") @Calls("GET /api/v1/municipalities") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void creatingAnOrganisation(@ForAll("requests") @Calls("POST /api/v1/organisations") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void listingOrganisations(@ForAll("requests") @Calls("GET /api/v1/organisations") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingAnOrganisation(@ForAll("requests") @Calls("GET /api/v1/organisations/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void replacingAnOrganisation(@ForAll("requests") @Calls("PUT /api/v1/organisations/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void deletingAnOrganisation(@ForAll("requests") @Calls("DELETE /api/v1/organisations/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void mergingAnOrganisation(@ForAll("requests") @Calls("POST /api/v1/organisations/{id}/merge") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void loggingASession(@ForAll("requests") @Calls("POST /api/v1/sessions") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void importingSessions(@ForAll("requests") @Calls("POST /api/v1/sessions/import") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void listingSessions(@ForAll("requests") @Calls("GET /api/v1/sessions") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingASession(@ForAll("requests") @Calls("GET /api/v1/sessions/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void replacingASession(@ForAll("requests") @Calls("PUT /api/v1/sessions/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void deletingASession(@ForAll("requests") @Calls("DELETE /api/v1/sessions/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingASessionsHistory(@ForAll("requests") @Calls("GET /api/v1/sessions/{id}/history") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingAMunicipalityOverview(@ForAll("requests") @Calls("GET /api/v1/overviews/municipalities/{code}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingARegionOverview(@ForAll("requests") @Calls("GET /api/v1/overviews/regions/{code}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingACountryOverview(@ForAll("requests") @Calls("GET /api/v1/overviews/countries/{code}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingAnOrganisationOverview(@ForAll("requests") @Calls("GET /api/v1/overviews/organisations/{id}") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void pagingARegionsOrganisations(@ForAll("requests") @Calls("GET /api/v1/overviews/regions/{code}/organisations") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void pagingACountrysOrganisations(@ForAll("requests") @Calls("GET /api/v1/overviews/countries/{code}/organisations") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingTheAnnualAnalysis(@ForAll("requests") @Calls("GET /api/v1/reports/annual-analysis") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void readingTheMonthsRecorded(@ForAll("requests") @Calls("GET /api/v1/reports/months-recorded") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void closingAPeriod(@ForAll("requests") @Calls("POST /api/v1/periods/closed") Request request) throws IOException {
        keepsTheContract(request);
    }

    @Property
    void reopeningAPeriod(@ForAll("requests") @Calls("DELETE /api/v1/periods/closed/{country}/{year}") Request request) throws IOException {
        keepsTheContract(request);
    }

    // ---- the property

    private static void keepsTheContract(Request request) throws IOException {
        Http.Response answer = send(request);
        Statistics.label("status").collect(answer.status());
        String violation = violation(request, answer);
        Http.Response stored = null;
        if (violation == null && answer.status() / 100 == 2 && storedAt(request, answer) != null) {
            // What the answer echoes may be the object in memory; what was stored is what the next reader gets.
            stored = send(get(storedAt(request, answer), Request.Caller.ADMIN));
            violation = stored.status() == 200 ? echoViolation(request, stored, "answered " + answer.status() + ", but read back, ") : null;
        }
        if (violation != null) {
            throw new AssertionError(request.method() + " " + request.template() + " " + violation + "\n  request: "
                    + request + "\n  answer: " + answer.status() + " " + answer.header("Content-Type") + " "
                    + shown(answer.text()) + (stored == null ? "" : "\n  read back: " + shown(stored.text()))
                    + (answer.status() >= 500
                    ? "\n  (" + PackagedService.LOG + " has the stack trace under the correlation id)" : ""));
        }
    }

    private static Http.Response send(Request request) {
        try {
            return service.send(request);
        } catch (IOException e) {
            throw new AssertionError("No answer (" + e.getMessage() + ") to\n" + request, e);
        }
    }

    /** Where a created or replaced resource can be read: its Location, or the replaced path; null for the others. */
    private static String storedAt(Request request, Http.Response answer) {
        if (request.method().equals("PUT")) {
            return request.path();
        }
        String location = answer.header("Location");
        if (request.method().equals("POST") && location != null) {
            int path = location.indexOf("/api/");
            return path < 0 ? null : location.substring(path);
        }
        return null;
    }

    /** What breaks the contract in this answer to this request, or null when nothing does. */
    static String violation(Request request, Http.Response answer) {
        int status = answer.status();
        if (status >= 500) {
            return "answered " + status + ", a server error";
        }
        if (status >= 400) {
            return problemViolation(request, answer);
        }
        if (status / 100 == 2) {
            return echoViolation(request, answer, "answered " + status + " but ");
        }
        return null;
    }

    private static String problemViolation(Request request, Http.Response answer) {
        int status = answer.status();
        String type = answer.header("Content-Type") == null ? "" : answer.header("Content-Type").toLowerCase(Locale.ROOT);
        boolean problem = type.startsWith("application/problem+json");
        boolean oauth = request.template().equals("/api/v1/auth/token") && type.startsWith("application/json");
        if (!problem && !oauth) {
            return "answered " + status + " as '" + type + "', not as application/problem+json";
        }
        JsonNode body = answer.json();
        if (body == null || !body.isObject()) {
            return "answered " + status + " with a body that is no JSON object";
        }
        if (oauth && !nonBlank(body.get("error"))) {
            return "answered " + status + " as application/json without an RFC 6749 error";
        }
        if (!body.path("status").isInt() || body.path("status").asInt() != status) {
            return "answered " + status + " with a problem whose status is " + body.get("status");
        }
        if (!nonBlank(body.get("type")) || !nonBlank(body.get("title"))) {
            return "answered " + status + " with a problem without type or title";
        }
        return null;
    }

    /**
     * A stored text comes back as it was sent: a lone surrogate stored as '?' is data lost without a word. Only free
     * text is compared (strings without enum or format): codes, ids and dates have their own canonical forms.
     */
    private static String echoViolation(Request request, Http.Response answer, String said) {
        String type = request.header("Content-Type");
        if (request.body() == null || type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return null;
        }
        JsonNode sent = Http.parse(request.body());
        JsonNode stored = answer.json();
        if (sent == null || !sent.isObject() || stored == null || !stored.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode back = stored.get(field.getKey());
            if (!freeText(request, field.getKey()) || !field.getValue().isTextual() || back == null || !back.isTextual()) {
                continue;
            }
            String s = field.getValue().asText();
            String b = back.asText();
            if (!b.equals(s) && !b.equals(s.strip())) {
                return said + field.getKey() + " is " + escaped(b) + ", sent as " + escaped(s);
            }
        }
        return null;
    }

    private static boolean freeText(Request request, String field) {
        JsonNode body = contract.operation(request.method() + " " + request.template()).bodies().get("application/json");
        JsonNode schema = body == null ? null : contract.resolve(body.path("properties").get(field));
        return schema != null && Values.kind(schema).equals("string") && !schema.has("format");
    }

    private static boolean nonBlank(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }

    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " characters)";
    }

    private static Request get(String target, Request.Caller caller) {
        int query = target.indexOf('?');
        return new Request("GET", query < 0 ? target : target.substring(0, query), target, caller, List.of(), null);
    }

    private static Http.Response answer(int status, String type, String body) {
        return new Http.Response(status, Map.of("content-type", type), body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same seed every run unless {@code -Dcontract.seed} says otherwise, so that a red build is red again on the
     * developer's machine; and a number of tries that keeps the whole suite within a CI budget.
     */
    static class Reproducible implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setSeed(System.getProperty("contract.seed", DEFAULT_SEED));
            context.attributes().setTries(Integer.getInteger("contract.tries", DEFAULT_TRIES));
            // A failure of an earlier run, perhaps under another seed, does not change what this run tries.
            context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
            // The generators choose their extremes themselves, at the weights they give them; jqwik's own edge cases,
            // mixed into every one of a body's twenty fields, would make nearly every request invalid.
            context.attributes().setEdgeCases(EdgeCasesMode.NONE);
            return property.execute();
        }
    }
}
