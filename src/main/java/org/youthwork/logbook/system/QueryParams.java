package org.youthwork.logbook.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query parameters arrive as text and are parsed here, so that a malformed one is a 400 naming the parameter
 * (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** Deeper pages are refused rather than scanned: narrow the filters instead. */
    public static final int MAX_PAGE = 100_000;

    private QueryParams() {
    }

    public record Paging(int page, int size) {
        public int offset() {
            return page * size;
        }
    }

    public static Paging paging(String page, String size) {
        int p = integer("page", page, 0);
        int s = integer("size", size, DEFAULT_SIZE);
        if (p < 0 || p > MAX_PAGE) {
            throw ProblemException.invalid("page", "must be between 0 and " + MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    private static final java.util.regex.Pattern UUID_PATTERN =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** An id in a path: one that is not a UUID names nothing, so it is a 404 like any other unknown id. */
    public static UUID pathId(String value) {
        if (value == null || !UUID_PATTERN.matcher(value).matches()) {
            throw ProblemException.notFound("The resource");
        }
        return UUID.fromString(value);
    }

    private static final java.util.regex.Pattern DATE_PATTERN = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /**
     * A calendar date written YYYY-MM-DD, as the contract says: four-digit years only, so that no filter reaches
     * dates PostgreSQL cannot hold (Java reads "-999999999-01-01" too).
     */
    public static LocalDate date(String name, String value) {
        if (value != null && !value.isEmpty() && !DATE_PATTERN.matcher(value).matches()) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD");
        }
        return parse(name, value, LocalDate::parse, "must be a date YYYY-MM-DD");
    }

    public static UUID uuid(String name, String value) {
        if (value != null && !value.isEmpty() && !UUID_PATTERN.matcher(value).matches()) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
        return parse(name, value, UUID::fromString, "must be a UUID");
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    private static final java.util.regex.Pattern INTEGER_PATTERN = java.util.regex.Pattern.compile("-?[0-9]+");

    private static int integer(String name, String value, int fallback) {
        Integer number = wholeNumber(name, value);
        return number == null ? fallback : number;
    }

    /**
     * A whole number in ASCII digits (Java would also read "+5" and other scripts' digits), null when absent; beyond
     * the range of int, the nearest extreme, so that range checks name the right rule.
     */
    public static Integer wholeNumber(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!INTEGER_PATTERN.matcher(value).matches()) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException tooLarge) {
            return value.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String message) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.invalid(name, message);
        }
    }
}
