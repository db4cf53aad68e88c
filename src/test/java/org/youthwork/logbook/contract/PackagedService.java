package org.youthwork.logbook.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.youthwork.logbook.ProductionSettings;
import org.youthwork.logbook.TestDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before failsafe runs)
 * started as production starts it: on a throw-away database, with its own signing key and first administrator from the
 * environment, on a free port. Stopped, and the database dropped, by {@link #close()}.
 */
public final class PackagedService implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final Path LOG = Path.of("target/contract-properties/service.log");
    static final String HOST = "127.0.0.1";
    static final String ADMIN = "admin";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Database database;
    private final Process process;
    private final Http http;
    private final int port;
    private final Path log;
    private String adminToken;
    private String leadToken;

    /** Where the service keeps its data: a fresh database, dropped afterwards, found as the other tests find theirs. */
    private record Database(TestDatabase resource, Map<String, String> config) {

        static Database create() {
            TestDatabase resource = new TestDatabase();
            return new Database(resource, resource.start());
        }

        String url() {
            return config.get("quarkus.datasource.jdbc.url");
        }

        String username() {
            return config.get("quarkus.datasource.username");
        }

        String password() {
            return config.get("quarkus.datasource.password");
        }

        void drop() {
            resource.stop();
        }
    }

    private PackagedService(Database database, Process process, int port, Path log) {
        this.database = database;
        this.process = process;
        this.port = port;
        this.log = log;
        this.http = new Http(HOST, port);
    }

    static PackagedService start() throws IOException, InterruptedException {
        return start(Map.of(), LOG);
    }

    /** Started with more of the environment (which wins over the defaults here), its output in the given log. */
    public static PackagedService start(Map<String, String> extraEnv, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these properties run on the packaged application, "
                    + "so run them with ./mvnw verify (package builds it before failsafe runs)");
        }
        Database database = Database.create();
        PackagedService service = null;
        try {
            int port = freePort();
            Files.createDirectories(log.toAbsolutePath().getParent());
            String adminPassword = "contract-" + UUID.randomUUID();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", JAR.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("LOGBOOK_DB_URL", database.url());
            env.put("LOGBOOK_DB_USERNAME", database.username());
            env.put("LOGBOOK_DB_PASSWORD", database.password());
            env.put("LOGBOOK_ADMIN_USERNAME", ADMIN);
            env.put("LOGBOOK_ADMIN_PASSWORD", adminPassword);
            env.put("LOGBOOK_JWT_PRIVATE_KEY", ProductionSettings.signingKey());
            // The token property signs in with wrong passwords by the hundred; with the production limit of 10 a minute
            // it would see nothing but 429 after its first few tries and never reach the account lookup.
            env.put("LOGBOOK_AUTH_MAX_FAILURES_PER_MINUTE", "1000000");
            env.put("PORT", Integer.toString(port));
            env.put("QUARKUS_HTTP_HOST", HOST);
            env.putAll(extraEnv);
            service = new PackagedService(database, builder.start(), port, log);
            service.awaitReady();
            service.adminToken = service.token(ADMIN, adminPassword);
            return service;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (service != null) {
                service.close();
            } else {
                database.drop();
            }
            throw e;
        }
    }

    public int port() {
        return port;
    }

    Http.Response send(Request request) throws IOException {
        List<Request.Header> headers = new ArrayList<>();
        String authorization = switch (request.caller()) {
            case ADMIN -> "Bearer " + adminToken;
            case LEAD -> "Bearer " + leadToken;
            case FORGED -> "Bearer " + Tokens.FORGED;
            case NOT_A_JWT -> "Bearer " + Tokens.NOT_A_JWT;
            case NOBODY -> null;
        };
        if (authorization != null) {
            headers.add(new Request.Header("Authorization", authorization));
        }
        for (Request.Header h : request.headers()) {
            if (h.value().equals(Request.CURRENT_ETAG)) {
                String etag = http.send("GET", request.path(), List.of(new Request.Header("Authorization", "Bearer " + adminToken)), null)
                        .header("ETag");
                headers.add(new Request.Header(h.name(), etag == null ? "\"0\"" : etag));
            } else {
                headers.add(h);
            }
        }
        return http.send(request.method(), request.target(), headers, request.body());
    }

    /** A JSON request as the administrator, for the fixtures; answers the body, failing on any status but 2xx. */
    public JsonNode admin(String method, String target, Object body) throws IOException {
        List<Request.Header> headers = new ArrayList<>(List.of(new Request.Header("Authorization", "Bearer " + adminToken)));
        byte[] bytes = null;
        if (body != null) {
            headers.add(new Request.Header("Content-Type", "application/json"));
            bytes = JSON.writeValueAsBytes(body);
        }
        Http.Response answer = http.send(method, target, headers, bytes);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + target + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.json();
    }

    String token(String username, String password) throws IOException {
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Http.Response answer = http.send("POST", "/api/v1/auth/token",
                List.of(new Request.Header("Content-Type", "application/x-www-form-urlencoded")),
                form.getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            throw new IllegalStateException("Cannot sign in as " + username + ": " + answer.status() + " " + answer.text());
        }
        return answer.json().path("access_token").asText();
    }

    void signInLead(String username, String password) throws IOException {
        leadToken = token(username, password);
    }

    /** Runs SQL on the service's database: for reference data that the API does not write. */
    void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement st = connection.createStatement()) {
            st.execute(statement);
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            database.drop();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting (exit " + process.exitValue()
                        + "); see " + log.toAbsolutePath());
            }
            try {
                if (http.send("GET", "/q/health/ready", List.of(), null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service was not ready within " + START_TIMEOUT.toSeconds() + " s; see "
                + log.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
