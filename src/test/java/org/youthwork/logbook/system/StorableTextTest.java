package org.youthwork.logbook.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Text PostgreSQL cannot store as written (a NUL character, a lone UTF-16 surrogate) is a 400 naming the field,
 * wherever it comes in, and nothing is stored; text it can store, emoji included, round-trips exactly.
 */
@QuarkusTest
class StorableTextTest {

    private static String organisation;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void organisation() {
        if (organisation == null) {
            organisation = Api.createOrganisation("Mladinski center Storable", "SI-133", true);
        }
    }

    @Test
    void shouldRefuseNulInAQueryParameter() {
        given().urlEncodingEnabled(false).get("/api/v1/regions?country=%00").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("country"))
                .body("violations[0].message", containsString("NUL"));
    }

    @Test
    void shouldRefuseNulInAPathSegment() {
        given().urlEncodingEnabled(false).get("/api/v1/overviews/municipalities/%00").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("code"));
    }

    @Test
    void shouldRefuseNulInATitleAndStoreNothing() {
        long before = sessions();
        Map<String, Object> session = Api.session(organisation);
        session.put("title", "a\u0000b");
        Api.post(session).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("title"))
                .body("violations[0].message", containsString("NUL"));
        assertEquals(before, sessions());
    }

    @Test
    void shouldRefuseALoneSurrogateEscapedInJson() {
        long before = sessions();
        String body = json(Api.session(organisation)).replace("\"Street outreach at the bus station\"", "\"\\ud800 x\"");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/sessions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("title"))
                .body("violations[0].message", containsString("surrogate"));
        assertEquals(before, sessions());
    }

    @Test
    void shouldRefuseASurrogateSentAsRawBytes() {
        // CESU-8, the UTF-8-like encoding of a lone surrogate, which strict UTF-8 forbids
        byte[] cesu = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        String body = json(Api.session(organisation)).replace("\"notes\":\"", "\"notes\":\"SURROGATE");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] marker = "SURROGATE".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, marker);
        byte[] sent = new byte[bytes.length - marker.length + cesu.length];
        System.arraycopy(bytes, 0, sent, 0, at);
        System.arraycopy(cesu, 0, sent, at, cesu.length);
        System.arraycopy(bytes, at + marker.length, sent, at + cesu.length, bytes.length - at - marker.length);
        given().contentType("application/json").body(sent).post("/api/v1/sessions").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerAnUnknownPropertyWithALoneSurrogateInItsName() {
        given().contentType(ContentType.JSON).body("{\"\\udc00\": 1}").post("/api/v1/organisations").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", containsString("malformed JSON"));
    }

    @Test
    void shouldStoreEmojiAndAnswerAnIdenticalRetryWithTheStoredSession() {
        Map<String, Object> session = Api.session(organisation);
        session.put("id", UUID.randomUUID().toString());
        session.put("title", "Pizza night \uD83C\uDF55 with the street team");
        Api.post(session).statusCode(201).body("title", equalTo("Pizza night \uD83C\uDF55 with the street team"));
        Api.post(session).statusCode(200).body("title", equalTo("Pizza night \uD83C\uDF55 with the street team"));
    }

    @Test
    void shouldRejectAnImportLineWithNulNamingItsField() {
        Map<String, Object> session = Api.session(organisation);
        session.put("notes", "before\u0000after");
        given().contentType("application/x-ndjson").body((json(Api.session(organisation)) + "\n" + json(session) + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sessions/import").then()
                .statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].problems[0].field", equalTo("notes"));
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private long sessions() {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from youth_session")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
