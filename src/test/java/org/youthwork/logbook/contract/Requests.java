package org.youthwork.logbook.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whole requests for an operation of the contract: its path with the path parameters filled in, its query
 * parameters, its header parameters, a body of one of its media types, and who sends it. Each part is mostly
 * near-valid and sometimes hostile, and some are added that the contract does not know (unknown query parameters,
 * unknown JSON properties, unexpected media types, bad credentials).
 */
final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";

    /**
     * The token endpoint's form: the contract types it as a map of strings, which names no field, so its fields are
     * RFC 6749's (4.3 password, 4.4 client credentials).
     */
    private static final List<String> TOKEN_FORM = List.of("grant_type", "username", "password", "client_id", "client_secret", "scope");

    /** Escapes a URL parser must not trip over: malformed, overlong, a surrogate in UTF-8, a stray separator. */
    private static final List<String> RAW_URL_VALUES = List.of(
            "%", "%zz", "%0", "%00", "%C0%80", "%ED%A0%80", "%FF", "%u0000", "%%", "&", "=", "a=b=c", "+", "%2F..%2F");

    private static final List<String> RAW_FORMS = List.of(
            "=", "&", "&&", "grant_type", "%", "grant_type=%zz", "==", "grant_type=password&grant_type=client_credentials",
            "grant_type=password&username=&password=");

    private static final List<byte[]> MALFORMED_JSON = List.of(
            bytes(""), bytes("{"), bytes("{\"title\":"), bytes("["), bytes("nul"), bytes("{}}"), bytes("\u0000"),
            bytes("{\"a\":1,}"), bytes("{'title':'x'}"), bytes("{\"title\":\"\\ud800\"}"), bytes("{\"title\":\"\\u0000\"}"),
            new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
            new byte[] {(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'},
            bytes("[]"), bytes("null"), bytes("\"x\""), bytes("1"), bytes("true"), bytes("[{}]"));

    private static final List<String> HOSTILE_LINES = List.of(
            "", "{", "[]", "null", "\"x\"", "{\"title\":\"\u0000\"}", "\u0000", "x".repeat(10_000), ",,,", "\"unclosed");

    private static final List<String> HOSTILE_MEDIA_TYPES = List.of(
            "text/plain", "application/xml", "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
            "text/csv; charset=UTF-8", "application/x-ndjson", "application/json", "*/*", "json", "");

    /** Header values that HTTP can carry: printable ASCII only, else the HTTP layer refuses before the service sees them. */
    private static final List<String> HOSTILE_HEADER_VALUES = List.of(
            "", " ", "*", "W/\"0\"", "\"-1\"", "\"2147483648\"", "\"abc", "\"0\", \"1\"", "0", "x".repeat(4000), "%00",
            "\\u0000", "sl;q=2", "q=0.5", ",,,", ";");

    private final Contract contract;
    private final Values values;
    private final boolean malformedUrls;

    /**
     * With {@code malformedUrls}, path and query values are often raw escapes that are no valid percent-encoding
     * ({@code %}, {@code %zz}); without, every value is encoded properly, so that what the service makes of the values
     * themselves is tried.
     */
    Requests(Contract contract, Values values, boolean malformedUrls) {
        this.contract = contract;
        this.values = values;
        this.malformedUrls = malformedUrls;
    }

    Arbitrary<Request> of(Contract.Operation op) {
        Arbitrary<String> path = path(op);
        Arbitrary<String> query = query(op);
        Arbitrary<List<Request.Header>> headers = headers(op);
        Arbitrary<Request.Caller> caller = op.secured()
                ? Arbitraries.frequency(Tuple.of(40, Request.Caller.ADMIN), Tuple.of(4, Request.Caller.LEAD),
                Tuple.of(2, Request.Caller.NOBODY), Tuple.of(1, Request.Caller.FORGED), Tuple.of(1, Request.Caller.NOT_A_JWT))
                : Arbitraries.just(Request.Caller.NOBODY);
        Arbitrary<Optional<Body>> body = op.bodies().isEmpty() ? Arbitraries.just(Optional.empty()) : body(op).map(Optional::of);
        return Combinators.combine(path, query, headers, caller, body).as((p, q, h, c, b) -> {
            List<Request.Header> all = new ArrayList<>(h);
            b.ifPresent(it -> {
                if (it.contentType() != null) {
                    all.add(new Request.Header("Content-Type", it.contentType()));
                }
            });
            return new Request(op.method(), op.path(), p + q, c, List.copyOf(all), b.map(Body::bytes).orElse(null));
        });
    }

    record Body(String contentType, byte[] bytes) {
    }

    // ---- URL

    private Arbitrary<String> path(Contract.Operation op) {
        List<Contract.Parameter> params = op.in("path");
        if (params.isEmpty()) {
            return Arbitraries.just(op.path());
        }
        List<Arbitrary<String>> segments = new ArrayList<>();
        for (Contract.Parameter p : params) {
            segments.add(urlValue(p, op));
        }
        return Combinators.combine(segments).as(filled -> {
            String path = op.path();
            for (int i = 0; i < params.size(); i++) {
                path = path.replace("{" + params.get(i).name() + "}", filled.get(i));
            }
            return path;
        });
    }

    private Arbitrary<String> query(Contract.Operation op) {
        List<Arbitrary<Optional<String>>> pairs = new ArrayList<>();
        for (Contract.Parameter p : op.in("query")) {
            Arbitrary<Optional<String>> pair = urlValue(p, op).map(v -> Optional.of(encode(p.name(), false) + "=" + v));
            pairs.add(p.required()
                    ? Arbitraries.frequencyOf(Tuple.of(12, pair), Tuple.of(1, Arbitraries.just(Optional.empty())))
                    : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.empty())), Tuple.of(1, pair)));
        }
        Arbitrary<String> unknownValue = malformedUrls ? Arbitraries.of(RAW_URL_VALUES) : values.hostileText(null, true).map(v -> encode(v, false));
        Arbitrary<Optional<String>> unknown = Combinators.combine(
                Arbitraries.of("unknown", "", "\u0000", "page[]", "x y", "\ud800"), unknownValue)
                .as((n, v) -> Optional.of(encode(n, false) + "=" + v));
        List<Contract.Parameter> known = op.in("query");
        int none = malformedUrls ? 1 : 6;
        Arbitrary<Optional<String>> extra = known.isEmpty()
                ? Arbitraries.frequencyOf(Tuple.of(none, Arbitraries.just(Optional.empty())), Tuple.of(1, unknown))
                : Arbitraries.frequencyOf(Tuple.of(none, Arbitraries.just(Optional.empty())), Tuple.of(1, unknown),
                // the same parameter twice, the second time with another value
                Tuple.of(1, Arbitraries.oneOf(known.stream()
                        .map(p -> urlValue(p, op).map(v -> Optional.of(encode(p.name(), false) + "=" + v))).toList())));
        pairs.add(extra);
        return Combinators.combine(pairs).as(present -> {
            String q = present.stream().flatMap(Optional::stream).collect(Collectors.joining("&"));
            return q.isEmpty() ? "" : "?" + q;
        });
    }

    /** A parameter's value as it appears in a URL: percent-encoded text, or a raw escape when URLs are to be malformed. */
    private Arbitrary<String> urlValue(Contract.Parameter p, Contract.Operation op) {
        Arbitrary<String> encoded = values.text(p.schema(), op.key(), p.name(), true).map(v -> encode(v, false));
        return malformedUrls
                ? Arbitraries.frequencyOf(Tuple.of(1, encoded), Tuple.of(1, Arbitraries.of(RAW_URL_VALUES)))
                : encoded;
    }

    // ---- headers

    private Arbitrary<List<Request.Header>> headers(Contract.Operation op) {
        List<Arbitrary<Optional<Request.Header>>> headers = new ArrayList<>();
        for (Contract.Parameter p : op.in("header")) {
            Arbitrary<String> value;
            if (p.name().equalsIgnoreCase("If-Match")) {
                // A change goes through only with the current version: mostly send it, so that the body is looked at.
                value = op.method().equals("PUT")
                        ? Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just(Request.CURRENT_ETAG)),
                        Tuple.of(1, Arbitraries.of("\"0\"", "\"999\"")), Tuple.of(1, Arbitraries.of(HOSTILE_HEADER_VALUES)))
                        : Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Request.CURRENT_ETAG)),
                        Tuple.of(1, Arbitraries.of("\"0\"", "\"999\"")), Tuple.of(1, Arbitraries.of(HOSTILE_HEADER_VALUES)));
            } else {
                List<String> known = values.knownFor(op.key(), p.name());
                value = known.isEmpty() ? Arbitraries.of(HOSTILE_HEADER_VALUES)
                        : Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(known)), Tuple.of(1, Arbitraries.of(HOSTILE_HEADER_VALUES)));
            }
            Arbitrary<Optional<Request.Header>> header = value.map(v -> Optional.of(new Request.Header(p.name(), v)));
            headers.add(op.method().equals("PUT") && p.name().equalsIgnoreCase("If-Match")
                    ? Arbitraries.frequencyOf(Tuple.of(10, header), Tuple.of(1, Arbitraries.just(Optional.empty())))
                    : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.empty())), Tuple.of(2, header)));
        }
        headers.add(accept(op));
        return Combinators.combine(headers).as(hs -> hs.stream().flatMap(Optional::stream).toList());
    }

    /** What the client asks for: one of the operation's answers, nothing, or something it does not serve. */
    private Arbitrary<Optional<Request.Header>> accept(Contract.Operation op) {
        List<String> served = new ArrayList<>(op.answers());
        served.remove("application/problem+json");
        Arbitrary<Optional<String>> accept = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Optional.empty())),
                Tuple.of(served.size() > 1 ? 6 : 1, Arbitraries.of(served.isEmpty() ? List.of("application/json") : served).map(Optional::of)),
                Tuple.of(1, Arbitraries.of("text/html", "*/*", "application/xml", "text/csv;q=0.9, application/json",
                        "application/problem+json", "garbage", "").map(Optional::of)));
        return accept.map(a -> a.map(v -> new Request.Header("Accept", v)));
    }

    // ---- bodies

    private Arbitrary<Body> body(Contract.Operation op) {
        List<Arbitrary<Body>> byType = new ArrayList<>();
        op.bodies().forEach((type, schema) -> byType.add(bodyOf(type, schema, op)));
        Arbitrary<Body> declared = Arbitraries.oneOf(byType);
        // Now and then the right body under a wrong media type, or under none.
        return Arbitraries.frequencyOf(Tuple.of(14, declared),
                Tuple.of(1, Combinators.combine(declared, Arbitraries.of(HOSTILE_MEDIA_TYPES))
                        .as((b, type) -> new Body(type.isEmpty() ? null : type, b.bytes()))));
    }

    private Arbitrary<Body> bodyOf(String type, JsonNode schema, Contract.Operation op) {
        if (type.equals(FORM)) {
            return form(op).map(text -> new Body(type, bytes(text)));
        }
        if (type.equals(NDJSON)) {
            return ndjson(op).map(text -> new Body(type, bytes(text)));
        }
        if (type.equals(CSV)) {
            return csv(op).map(text -> new Body(type, bytes(text)));
        }
        Arbitrary<byte[]> json = Combinators.combine(values.json(schema, op.key(), ""), Arbitraries.of(false, true))
                .as(Requests::serialize);
        return Arbitraries.frequencyOf(Tuple.of(24, json), Tuple.of(1, Arbitraries.of(MALFORMED_JSON)))
                .map(b -> new Body(type, b));
    }

    private Arbitrary<String> form(Contract.Operation op) {
        List<Arbitrary<Optional<String[]>>> fields = new ArrayList<>();
        for (String name : TOKEN_FORM) {
            Arbitrary<Optional<String[]>> field = values.text(null, op.key(), name, false).map(v -> Optional.of(new String[] {name, v}));
            fields.add(name.equals("grant_type")
                    ? Arbitraries.frequencyOf(Tuple.of(12, field), Tuple.of(1, Arbitraries.just(Optional.empty())))
                    : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.empty())), Tuple.of(1, field)));
        }
        fields.add(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Optional.empty())),
                Tuple.of(1, Combinators.combine(Arbitraries.of("", "x", "\u0000", "grant_type", "username[]", "\ud800"),
                        values.text(null, op.key(), "", false)).as((n, v) -> Optional.of(new String[] {n, v})))));
        Arbitrary<List<String[]>> plain = Combinators.combine(fields).as(present -> present.stream().flatMap(Optional::stream).toList());
        // Credentials that belong together, so that some sign-ins succeed and the whole way through is tried.
        Arbitrary<List<String[]>> signIn = values.credentials().isEmpty() ? plain : Combinators.combine(plain, Arbitraries.of(values.credentials())).as((form, login) -> {
            List<String[]> merged = new ArrayList<>();
            form.stream().filter(f -> !List.of(login[0], login[2], "grant_type").contains(f[0])).forEach(merged::add);
            merged.add(0, new String[] {"grant_type", login[4]});
            merged.add(new String[] {login[0], login[1]});
            merged.add(new String[] {login[2], login[3]});
            return merged;
        });
        Arbitrary<String> encoded = (values.credentials().isEmpty() ? plain : Arbitraries.frequencyOf(Tuple.of(2, plain), Tuple.of(1, signIn)))
                .map(form -> form.stream().map(f -> encode(f[0], true) + "=" + encode(f[1], true)).collect(Collectors.joining("&")));
        return Arbitraries.frequencyOf(Tuple.of(20, encoded), Tuple.of(1, Arbitraries.of(RAW_FORMS)));
    }

    /** The import's lines are sessions: the contract types the body as text, its description says each line is one. */
    private JsonNode sessionSchema() {
        return contract.schema("SessionRequest");
    }

    private Arbitrary<String> ndjson(Contract.Operation op) {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(8, values.json(sessionSchema(), op.key(), "").map(Requests::line)),
                Tuple.of(1, Arbitraries.of(HOSTILE_LINES)));
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of("\n", "\r\n"), Arbitraries.of(true, false))
                .as((lines, end, trailing) -> String.join(end, lines) + (trailing ? end : ""));
    }

    private Arbitrary<String> csv(Contract.Operation op) {
        JsonNode schema = sessionSchema();
        List<String> columns = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            if (!p.getKey().equals("participants")) {
                columns.add(p.getKey());
            }
        });
        JsonNode participant = contract.resolve(schema.path("properties").path("participants").path("items"));
        List<String> bands = enumOf(participant.path("properties").path("ageBand"));
        List<String> genders = enumOf(participant.path("properties").path("gender"));
        List<String> pairs = new ArrayList<>();
        bands.forEach(b -> genders.forEach(g -> pairs.add(b + " " + g)));
        List<String> full = new ArrayList<>(columns);
        full.addAll(pairs);
        Arbitrary<List<String>> header = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just(full)),
                Tuple.of(1, Arbitraries.of("colour", "", "title", "15-19 NOBODY", "\u0000").map(extra -> {
                    List<String> more = new ArrayList<>(full);
                    more.add(extra);
                    return more;
                })),
                Tuple.of(1, Arbitraries.of(full).map(missing -> full.stream().filter(c -> !c.equals(missing)).toList())));
        Arbitrary<String> row = Arbitraries.frequencyOf(
                Tuple.of(8, values.json(schema, op.key(), "").map(session -> cells(session, columns, pairs))),
                Tuple.of(1, Arbitraries.of(HOSTILE_LINES)));
        return Combinators.combine(header, row.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of("\n", "\r\n"))
                .as((h, rows, end) -> h.stream().map(Requests::cell).collect(Collectors.joining(",")) + end
                        + String.join(end, rows) + end);
    }

    /** A session as one CSV record: lists joined with |, one column per age band and gender. */
    private static String cells(JsonNode session, List<String> columns, List<String> pairs) {
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            JsonNode v = session.get(column);
            if (v == null || v.isNull()) {
                cells.add("");
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(i.isValueNode() ? i.asText() : i.toString()));
                cells.add(String.join("|", items));
            } else {
                cells.add(v.isValueNode() ? v.asText() : v.toString());
            }
        }
        JsonNode participants = session.path("participants");
        for (String pair : pairs) {
            String count = "";
            for (JsonNode p : participants) {
                if ((p.path("ageBand").asText() + " " + p.path("gender").asText()).equals(pair)) {
                    count = p.path("count").isValueNode() ? p.path("count").asText() : p.path("count").toString();
                }
            }
            cells.add(count);
        }
        return cells.stream().map(Requests::cell).collect(Collectors.joining(","));
    }

    private static String cell(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private List<String> enumOf(JsonNode schema) {
        List<String> codes = new ArrayList<>();
        contract.resolve(schema).path("enum").forEach(v -> codes.add(v.asText()));
        return codes;
    }

    // ---- encoding

    /**
     * Percent-encodes text as UTF-8; a lone surrogate, which has no UTF-8 form, goes as the three bytes a careless
     * encoder writes for it (ED A0 80 for U+D800), which is what such a client would send.
     */
    static String encode(String text, boolean form) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else if (form && c == ' ') {
                out.append('+');
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                for (byte b : text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xff));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("%%%02X%%%02X%%%02X", 0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)));
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xff));
                }
            }
        }
        return out.toString();
    }

    /** JSON text, sometimes with every non-ASCII character escaped; always so when it holds a lone surrogate. */
    private static byte[] serialize(JsonNode value, boolean ascii) {
        try {
            String text = JSON.writeValueAsString(value);
            if (ascii || hasLoneSurrogate(text)) {
                text = ASCII_JSON.writeValueAsString(value);
            }
            return bytes(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(JsonNode value) {
        return new String(serialize(value, true), StandardCharsets.UTF_8);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** UTF-8; a lone surrogate in text that is not JSON (a form, a CSV cell) becomes the bytes a careless encoder writes. */
    private static byte[] bytes(String text) {
        if (!hasLoneSurrogate(text)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(0xe0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
