package org.youthwork.logbook.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Values for one slot of the contract (a parameter, a form field, a JSON property) from its schema: mostly near-valid
 * ones, that pass the first checks and reach the code behind them, mixed with hostile ones.
 *
 * <p>Near-valid text is mostly plain words, but a fair share carries characters that every rule of the contract allows
 * and that are hard on whatever stores, compares or echoes them: NUL, lone surrogates, emoji, zero-width and
 * right-to-left marks, quotes and percent signs. Hostile values break the schema: wrong JSON types, numbers at and past
 * the int and long limits, dates the service's types or PostgreSQL cannot hold, empty and overlong text.
 */
final class Values {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Allowed by every rule of the contract's text fields, hard on storage; NUL and surrogates weigh most. */
    private static final Arbitrary<String> NASTY_PIECE = Arbitraries.frequency(
            Tuple.of(6, "\u0000"), Tuple.of(3, "\ud800"), Tuple.of(3, "\udfff"), Tuple.of(2, "\ud83d\ude00"),
            Tuple.of(1, "é"), Tuple.of(1, "ščž"), Tuple.of(1, "Жени"), Tuple.of(1, "\u200b"), Tuple.of(1, "\u202e"),
            Tuple.of(1, "\t"), Tuple.of(1, "\n"), Tuple.of(1, "'"), Tuple.of(1, "\""), Tuple.of(1, "\\"),
            Tuple.of(1, "%00"), Tuple.of(1, "%"), Tuple.of(1, "<b>&amp;"), Tuple.of(1, "\u00a0"), Tuple.of(1, "\ufeff"),
            Tuple.of(1, "\uffff"), Tuple.of(1, "\u0001"), Tuple.of(1, "e\u0301"), Tuple.of(1, "İ"));

    private static final List<String> HOSTILE_STRINGS = List.of(
            "", " ", " \t ", "\n", "\u0000", "a\u0000b", "\ud800", "\ud800 x", "x\udc00", "\udc00\ud800",
            "\ud83d\ude00", "%00", "%zz", "%", "%2F", "%u0000", "\\u0000", "' OR '1'='1", "../..", "null", "true", "-1",
            "\u202e", "\ufeff", "\uffff", "\u00a0", "\u2028", "\u0085", "İ", "ß", "x".repeat(201), "x".repeat(1001));

    /** Only in bodies: a URL this long is refused by the HTTP layer before the service sees it. */
    private static final List<String> LONG_STRINGS = List.of("x".repeat(4001), "\ud83d\ude00".repeat(2001), "y".repeat(100_000));

    private static final List<String> HOSTILE_NUMBERS = List.of(
            "0", "-1", "-0", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "99999999999999999999999999", "1e3", "1.5", "1.0", "0x10",
            "+1", " 1", "1 ", "٣", "１", "NaN", "Infinity", "");

    private static final List<String> HOSTILE_DATES = List.of(
            "-999999999-01-01", "+999999999-12-31", "-4713-01-01", "-4714-11-24", "0000-00-00", "0000-01-01",
            "9999-12-31", "10000-01-01", "+10000-01-01", "5874897-12-31", "+5874898-01-01", "+294277-01-01",
            "2000-02-30", "2001-02-29", "2000-02-29", "1999-12-31", "1970-01-01", "2026-13-01", "2026-00-10",
            "2026-1-1", "20260101", "2026-01-01T00:00:00Z", " 2026-01-01", "today", "");

    private static final List<String> HOSTILE_TIMES = List.of(
            "24:00", "23:60", "7:00", "17:00:00", "17:00:00.123", "-01:00", "25:00", "17.00", "17:00Z", "");

    private static final List<String> HOSTILE_UUIDS = List.of(
            "", "0", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "1-1-1-1-1", "{0b9f3f0e-2c4e-4d1e-9d6c-4c1f6a2d9b10}", "0b9f3f0e2c4e4d1e9d6c4c1f6a2d9b10",
            "0b9f3f0e-2c4e-4d1e-9d6c-4c1f6a2d9b10x", "0B9F3F0E-2C4E-4D1E-9D6C-4C1F6A2D9B1G");

    private static final List<String> UNKNOWN_NAMES = List.of(
            "unknown", "Title", "title ", "", "\u0000", "__proto__", "id2", "\ud83d\ude00");

    private final Contract contract;
    private final Fixtures fixtures;

    Values(Contract contract, Fixtures fixtures) {
        this.contract = contract;
        this.fixtures = fixtures;
    }

    // ---- JSON values

    /**
     * A JSON value for a schema: near-valid, with hostile fields now and then. Where fields must agree in a way no
     * schema says (an account's role and its scope), a shape the fixtures know sets them most of the time.
     */
    Arbitrary<JsonNode> json(JsonNode schema, String operation, String name) {
        Arbitrary<JsonNode> plain = nearValid(contract.resolve(schema), operation, name, 0);
        List<Map<String, String>> shapes = fixtures.shapes(operation);
        if (shapes.isEmpty()) {
            return plain;
        }
        Arbitrary<JsonNode> shaped = Combinators.combine(plain, Arbitraries.of(shapes)).as((value, shape) -> {
            if (!value.isObject()) {
                return value;
            }
            ObjectNode object = ((ObjectNode) value).deepCopy();
            shape.forEach((field, v) -> {
                if (v == null) {
                    object.remove(field);
                } else {
                    object.put(field, v);
                }
            });
            return (JsonNode) object;
        });
        return Arbitraries.frequencyOf(Tuple.of(1, plain), Tuple.of(3, shaped));
    }

    private Arbitrary<JsonNode> nearValid(JsonNode schema, String operation, String name, int depth) {
        return switch (kind(schema)) {
            case "enum" -> Arbitraries.of(texts(schema.get("enum"))).map(NODES::textNode);
            case "string" -> nearValidText(schema, operation, name).map(NODES::textNode);
            case "integer" -> nearValidInteger(schema, operation, name).map(NODES::numberNode);
            case "number" -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(2)
                    .map(n -> (JsonNode) NODES.numberNode(n));
            case "boolean" -> Arbitraries.of(false, true).map(NODES::booleanNode);
            case "array" -> array(schema, operation, name, depth);
            case "object" -> object(schema, operation, depth);
            default -> anyJson();
        };
    }

    private Arbitrary<JsonNode> array(JsonNode schema, String operation, String name, int depth) {
        JsonNode items = contract.resolve(schema.get("items"));
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(Integer.MAX_VALUE), min + 2);
        var list = nearValid(items, operation, name, depth + 1).list().ofMinSize(min).ofMaxSize(Math.max(min, max));
        // Codes are listed once each, as a client that follows the contract would.
        return (kind(items).equals("enum") ? list.uniqueElements() : list).map(Values::arrayOf);
    }

    /**
     * Required properties are there, optional ones half the time; each is hostile with a chance of about one in twice
     * the number of properties (less in nested objects), so that most bodies break at most one rule; now and then a
     * required property is left out or an unknown one added.
     */
    private Arbitrary<JsonNode> object(JsonNode schema, String operation, int depth) {
        Set<String> required = new HashSet<>(texts(schema.get("required")));
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        int n = Math.max(1, names.size());
        int nested = (depth + 1) * (depth + 1);
        int nearValidWeight = 2 * n * nested;
        List<Arbitrary<Optional<Field>>> fields = new ArrayList<>();
        for (String name : names) {
            JsonNode property = contract.resolve(schema.path("properties").get(name));
            Arbitrary<Field> value = Arbitraries.frequencyOf(
                    Tuple.of(nearValidWeight, nearValid(property, operation, name, depth + 1)),
                    Tuple.of(1, hostile(property, false))).map(v -> new Field(name, v));
            fields.add(required.contains(name)
                    ? Arbitraries.frequencyOf(Tuple.of(4 * n * nested, value.map(Optional::of)), Tuple.of(1, Arbitraries.just(Optional.empty())))
                    : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.empty())), Tuple.of(1, value.map(Optional::of))));
        }
        fields.add(Arbitraries.frequencyOf(Tuple.of(8 * (depth + 1), Arbitraries.just(Optional.empty())),
                Tuple.of(1, Combinators.combine(Arbitraries.of(UNKNOWN_NAMES), anyJson()).as(Field::new).map(Optional::of))));
        return Combinators.combine(fields).as(present -> {
            ObjectNode object = NODES.objectNode();
            present.forEach(f -> f.ifPresent(field -> object.set(field.name(), field.value())));
            return (JsonNode) object;
        });
    }

    private record Field(String name, JsonNode value) {
    }

    /** A value that breaks the schema; {@code inUrl} leaves out what no URL can carry. */
    Arbitrary<JsonNode> hostile(JsonNode schema, boolean inUrl) {
        String kind = kind(schema);
        Arbitrary<JsonNode> typed = switch (kind) {
            case "integer", "number" -> hostileNumber();
            case "array" -> {
                Arbitrary<JsonNode> item = nearValid(contract.resolve(schema.get("items")), "", "", 3);
                yield Arbitraries.oneOf(Arbitraries.just(NODES.arrayNode()),
                        Arbitraries.just(NODES.arrayNode().addNull()),
                        item.map(v -> arrayOf(List.of(v, v))),
                        item.map(v -> arrayOf(java.util.Collections.nCopies(2000, v))));
            }
            case "object" -> Arbitraries.of(NODES.objectNode(), NODES.objectNode().put("unknown", 1));
            default -> hostileText(schema, inUrl).map(NODES::textNode);
        };
        return Arbitraries.frequencyOf(Tuple.of(3, typed), Tuple.of(1, wrongType()));
    }

    private static Arbitrary<JsonNode> hostileNumber() {
        return Arbitraries.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Integer.MAX_VALUE),
                NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(2147483648L), NODES.numberNode(-2147483649L),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                NODES.numberNode(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)),
                NODES.numberNode(BigInteger.TEN.pow(40)), NODES.numberNode(new BigDecimal("1.5")),
                NODES.numberNode(new BigDecimal("1E+3")), NODES.numberNode(new BigDecimal("1e400")),
                NODES.numberNode(-0.0), NODES.textNode("1"), NODES.textNode("1e3"));
    }

    private static Arbitrary<JsonNode> wrongType() {
        return Arbitraries.of(NODES.textNode("x"), NODES.numberNode(1), NODES.numberNode(new BigDecimal("1.5")),
                NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
                NODES.arrayNode().add("x"), NODES.objectNode().put("a", 1));
    }

    private static Arbitrary<JsonNode> anyJson() {
        return Arbitraries.of(NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(false), NODES.nullNode(),
                NODES.arrayNode(), NODES.objectNode(), NODES.textNode("\u0000"));
    }

    // ---- text: parameters, form fields, CSV cells, and the strings inside JSON

    /** Text for a parameter or form field: near-valid three times in four. */
    Arbitrary<String> text(JsonNode schema, String operation, String name, boolean inUrl) {
        JsonNode resolved = schema == null ? NODES.objectNode() : contract.resolve(schema);
        return Arbitraries.frequencyOf(Tuple.of(3, nearValidTextOf(resolved, operation, name)),
                Tuple.of(1, hostileText(resolved, inUrl)));
    }

    /** Near-valid text for a schema of any kind: what a client would write in a query string or a CSV cell. */
    Arbitrary<String> nearValidTextOf(JsonNode schema, String operation, String name) {
        return switch (kind(schema)) {
            case "integer" -> nearValidInteger(schema, operation, name).map(String::valueOf);
            case "boolean" -> Arbitraries.of("true", "false");
            case "enum" -> Arbitraries.of(texts(schema.get("enum")));
            default -> nearValidText(schema, operation, name);
        };
    }

    Arbitrary<String> hostileText(JsonNode schema, boolean inUrl) {
        List<String> strings = new ArrayList<>(HOSTILE_STRINGS);
        if (!inUrl) {
            strings.addAll(LONG_STRINGS);
        }
        Arbitrary<String> general = Arbitraries.of(strings);
        String format = schema == null ? "" : schema.path("format").asText("");
        Arbitrary<String> specific = switch (kind(schema)) {
            case "integer", "number" -> Arbitraries.of(HOSTILE_NUMBERS);
            case "boolean" -> Arbitraries.of("TRUE", "1", "yes", "null", "");
            case "enum" -> Arbitraries.of(texts(schema.get("enum")).stream()
                    .flatMap(code -> java.util.stream.Stream.of(code.toLowerCase(), " " + code, code + " ", code + "\u0000",
                            code.replace('_', '-')))
                    .toList());
            default -> switch (format) {
                case "date" -> Arbitraries.of(HOSTILE_DATES);
                case "uuid" -> Arbitraries.of(HOSTILE_UUIDS);
                case "local-time" -> Arbitraries.of(HOSTILE_TIMES);
                default -> general;
            };
        };
        return Arbitraries.frequencyOf(Tuple.of(2, specific), Tuple.of(1, general));
    }

    private Arbitrary<String> nearValidText(JsonNode schema, String operation, String name) {
        List<String> known = new ArrayList<>(fixtures.known(operation, name));
        String format = schema.path("format").asText("");
        if (schema.has("enum")) {
            return Arbitraries.of(texts(schema.get("enum")));
        }
        switch (format) {
            case "uuid":
                Arbitrary<String> random = Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()).toString());
                return known.isEmpty() ? random : Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(known)), Tuple.of(1, random));
            case "date":
                LocalDate today = LocalDate.now(Fixtures.ZONE);
                return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(0, 700).map(d -> today.minusDays(d).toString())),
                        Tuple.of(1, Arbitraries.of("2000-01-01", today.toString())));
            case "local-time":
                return Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59))
                        .as((h, m) -> String.format("%02d:%02d", h, m));
            case "date-time":
                return Arbitraries.of("2026-03-14T17:00:00Z");
            default:
                break;
        }
        int min = schema.path("minLength").asInt(1);
        int max = schema.path("maxLength").asInt(60);
        Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.get("pattern").asText()) : null;
        // Values that name something real come first; the contract's examples stand in where nothing is known.
        List<String> examples = examples(schema);
        String fallback = !known.isEmpty() ? known.get(0) : !examples.isEmpty() ? examples.get(0) : "a".repeat(min);
        Arbitrary<String> free = Arbitraries.oneOf(freeText(min, max), plainWord(min, max))
                // JSON Schema patterns match anywhere in the text: "\S" asks for one character that is not a space.
                .map(s -> pattern == null || pattern.matcher(s).find() ? s : fallback);
        if (!known.isEmpty()) {
            return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(known)), Tuple.of(1, free));
        }
        return examples.isEmpty() ? free : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(examples)), Tuple.of(2, free));
    }

    private static Arbitrary<String> freeText(int min, int max) {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)),
                Tuple.of(2, Arbitraries.just(" ")),
                Tuple.of(3, NASTY_PIECE));
        return piece.list().ofMinSize(1).ofMaxSize(6).map(pieces -> fit(String.join("", pieces), min, max));
    }

    private static Arbitrary<String> plainWord(int min, int max) {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('.')
                .ofMinLength(Math.max(1, min)).ofMaxLength(Math.max(Math.max(1, min), Math.min(max, 16)));
    }

    /** Cut to the longest allowed: a cut may split a surrogate pair, which is one more lone surrogate to try. */
    private static String fit(String s, int min, int max) {
        String cut = s.length() > max ? s.substring(0, max) : s;
        return cut.length() < min ? cut + "a".repeat(min - cut.length()) : cut;
    }

    private Arbitrary<Long> nearValidInteger(JsonNode schema, String operation, String name) {
        List<Long> known = fixtures.known(operation, name).stream().filter(s -> s.matches("-?\\d{1,18}")).map(Long::valueOf).toList();
        if (!known.isEmpty()) {
            return Arbitraries.of(known);
        }
        long lo = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        // Without a maximum (the sub-counts of a session), small numbers stay below the participants they count.
        long hi = schema.has("maximum") ? schema.get("maximum").asLong() : lo + 3;
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(lo, Math.min(hi, lo + 20))),
                Tuple.of(1, Arbitraries.of(lo, hi)));
    }

    List<String> knownFor(String operation, String name) {
        return fixtures.known(operation, name);
    }

    /** Sign-ins that work: {name field, login, secret field, secret, grant type}. */
    List<String[]> credentials() {
        List<String[]> all = new ArrayList<>();
        fixtures.logins.forEach((user, password) -> all.add(new String[] {"username", user, "password", password, "password"}));
        fixtures.clients.forEach((id, secret) -> all.add(new String[] {"client_id", id, "client_secret", secret, "client_credentials"}));
        return all;
    }

    // ---- schema helpers

    /** The kind of value a schema asks for: enum, string, integer, number, boolean, array, object or any. */
    static String kind(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return "any";
        }
        if (schema.has("enum")) {
            return "enum";
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "any";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    private static List<String> examples(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.path("examples").forEach(e -> {
            if (e.isTextual()) {
                out.add(e.asText());
            }
        });
        return out;
    }

    private static JsonNode arrayOf(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
