package org.youthwork.logbook.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.contract.PackagedService;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application started as production starts it, but with {@code LOGBOOK_DEMO_DATA=true} left in its
 * environment, as an operator may copy it from a development set-up: no demo centres, no demo accounts, a warning;
 * and the line that says where it answers comes only once the port does.
 */
class ProductionStartIT {

    private static final Path LOG = Path.of("target/production-start/service.log");
    private static final Pattern IS_UP = Pattern.compile("Youth-work logbook is up: API http://[^/\\s]+:(\\d+)/api/v1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PackagedService service;
    /** What a connect to the port named in the "is up" line answered, tried once, the moment the line appeared. */
    private static final CompletableFuture<String> firstConnect = new CompletableFuture<>();
    private static final CompletableFuture<Integer> announcedPort = new CompletableFuture<>();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Files.deleteIfExists(LOG);
        Thread watcher = new Thread(ProductionStartIT::watchForIsUp, "is-up watcher");
        watcher.setDaemon(true);
        watcher.start();
        service = PackagedService.start(Map.of("LOGBOOK_DEMO_DATA", "true"), LOG);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldSayIsUpOnlyOnceThePortAnswers() throws Exception {
        assertEquals(service.port(), announcedPort.get(10, TimeUnit.SECONDS), "the port named in the \"is up\" line");
        assertEquals("connected", firstConnect.get(10, TimeUnit.SECONDS),
                "a connect the moment \"is up\" was printed; see " + LOG.toAbsolutePath());
    }

    @Test
    void shouldCreateNoDemoAccounts() throws Exception {
        for (String[] account : new String[][] {{"worker", "worker-demo-pass"}, {"coordinator", "coordinator-demo-pass"}}) {
            HttpResponse<String> answer = signIn(account[0], account[1]);
            assertEquals(400, answer.statusCode(), account[0] + ": " + answer.body());
            assertEquals("invalid_grant", JSON.readTree(answer.body()).path("error").asText(), answer.body());
        }
    }

    @Test
    void shouldLoadNoDemoCentres() throws IOException {
        JsonNode organisations = service.admin("GET", "/api/v1/organisations", null);
        assertEquals(0, organisations.path("total").asInt(-1), organisations.toString());
    }

    @Test
    void shouldWarnThatDemoDataIsForTheDevelopmentStart() throws IOException {
        String log = read();
        assertTrue(log.contains("LOGBOOK_DEMO_DATA is for the development start"), log);
    }

    private static HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the log as the service starts; the moment the "is up" line is there, one connect to the port it names. */
    private static void watchForIsUp() {
        Instant deadline = Instant.now().plusSeconds(150);
        try {
            while (Instant.now().isBefore(deadline)) {
                Matcher up = IS_UP.matcher(read());
                if (up.find()) {
                    int port = Integer.parseInt(up.group(1));
                    announcedPort.complete(port);
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                        firstConnect.complete("connected");
                    } catch (IOException e) {
                        firstConnect.complete("refused: " + e);
                    }
                    return;
                }
                Thread.sleep(2);
            }
            firstConnect.complete("no \"is up\" line within 150 s");
            announcedPort.complete(-1);
        } catch (IOException | InterruptedException | RuntimeException e) {
            firstConnect.complete("the watcher failed: " + e);
            announcedPort.complete(-1);
        }
    }

    private static String read() throws IOException {
        return Files.exists(LOG) ? new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8) : "";
    }
}
