package org.youthwork.logbook.system;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns what Jackson and Bean Validation report into violations that name the field as the client wrote it. */
public final class InvalidInput {

    private InvalidInput() {
    }

    static String detail(int count) {
        return count == 1 ? "The request has 1 invalid field." : "The request has " + count + " invalid fields.";
    }

    public static List<Problem.Violation> fromConstraintViolations(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> {
                    String field = field(v.getPropertyPath());
                    boolean noBody = field == null && v.getInvalidValue() == null;
                    return new Problem.Violation(field, noBody ? "a JSON body is required" : v.getMessage());
                })
                .sorted(Comparator.comparing((Problem.Violation v) -> v.field() == null ? "" : v.field())
                        .thenComparing(Problem.Violation::message))
                .toList();
    }

    /** The path as the client wrote it: {@code participants[2].count}, without the Java method and parameter. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.BEAN) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                if (isQueryParameter(node)) {
                    field.append(node.getName());
                }
                continue;
            }
            // Bean Validation puts the index of a list element on the node that follows it.
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? null : field.toString();
    }

    /** Parameters other than the body are named after their query parameter: the body parameter is always {@code request}. */
    private static boolean isQueryParameter(Path.Node node) {
        return !"request".equals(node.getName());
    }

    public static Problem.Violation fromJackson(JsonProcessingException e) {
        if (e instanceof StorableStrings.Unstorable text) {
            return new Problem.Violation(path(text), text.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem.Violation(path(unknown), "unknown property; known are: " + knownProperties(unknown.getKnownPropertyIds()));
        }
        if (e instanceof InvalidFormatException format) {
            return new Problem.Violation(path(format), expectation(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field == null) {
                return new Problem.Violation(null, "the body must be a JSON object");
            }
            return new Problem.Violation(field, expectation(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Throwable cause = mapping.getCause();
            String field = path(mapping);
            if (cause instanceof InputCoercionException) {
                return new Problem.Violation(field, "number out of range");
            }
            return new Problem.Violation(field, "invalid value");
        }
        if (e instanceof InputCoercionException coercion) {
            return new Problem.Violation(path(coercion), "number out of range");
        }
        if (e instanceof StreamReadException read) {
            var location = read.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return new Problem.Violation(path(read), "malformed JSON" + where);
        }
        return new Problem.Violation(null, "malformed JSON");
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? null : field.toString();
    }

    /** Where the parser stood when it failed; parse errors carry no mapping path. */
    private static String path(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext ctx = parser.getParsingContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
            if (ctx.inObject() && ctx.getCurrentName() != null) {
                parts.add(0, "." + ctx.getCurrentName());
            } else if (ctx.inArray()) {
                parts.add(0, "[" + Math.max(ctx.getCurrentIndex(), 0) + "]");
            }
        }
        String field = String.join("", parts);
        if (field.startsWith(".")) {
            field = field.substring(1);
        }
        return field.isEmpty() ? null : field;
    }

    private static String knownProperties(Collection<Object> known) {
        return known == null ? "" : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static final Map<Class<?>, String> EXPECTATIONS = Map.ofEntries(
            Map.entry(Integer.class, "must be a whole number"),
            Map.entry(int.class, "must be a whole number"),
            Map.entry(Long.class, "must be a whole number"),
            Map.entry(long.class, "must be a whole number"),
            Map.entry(BigInteger.class, "must be a whole number"),
            Map.entry(BigDecimal.class, "must be a number"),
            Map.entry(Boolean.class, "must be true or false"),
            Map.entry(boolean.class, "must be true or false"),
            Map.entry(String.class, "must be a string"),
            Map.entry(UUID.class, "must be a UUID"),
            Map.entry(LocalDate.class, "must be a date YYYY-MM-DD"),
            Map.entry(LocalTime.class, "must be a time HH:mm"));

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "invalid value";
        }
        if (type.isEnum()) {
            return "must be one of: " + Arrays.stream(type.getEnumConstants()).map(InvalidInput::jsonValue)
                    .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        String known = EXPECTATIONS.get(type);
        if (known != null) {
            return known;
        }
        return type.isRecord() ? "must be an object" : "invalid value";
    }

    private static String jsonValue(Object constant) {
        for (Method m : constant.getClass().getMethods()) {
            if (m.isAnnotationPresent(JsonValue.class)) {
                try {
                    return String.valueOf(m.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    break;
                }
            }
        }
        return ((Enum<?>) constant).name();
    }
}
