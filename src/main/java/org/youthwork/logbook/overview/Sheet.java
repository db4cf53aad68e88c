package org.youthwork.logbook.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One table of a download: a sheet of the workbook, a block of the CSV. Its cells are nodes of the JSON answer, so
 * that what is downloaded is what the API answers: a number is written as a number of its column's kind, and a text
 * where the column holds numbers (a published "&lt;5") is written as the text it is.
 */
record Sheet(String name, List<Column> columns, List<List<JsonNode>> rows) {

    enum Kind { TEXT, COUNT, HOURS, SHARE }

    record Column(String heading, Kind kind) {
    }

    /** Columns that each read their cell from a row node of the answer. */
    static final class Builder {

        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final List<Function<JsonNode, JsonNode>> cells = new ArrayList<>();
        private final List<List<JsonNode>> rows = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        Builder column(String heading, Kind kind, Function<JsonNode, JsonNode> cell) {
            columns.add(new Column(heading, kind));
            cells.add(cell);
            return this;
        }

        Builder text(String heading, String... path) {
            return column(heading, Kind.TEXT, at(path));
        }

        Builder count(String heading, String... path) {
            return column(heading, Kind.COUNT, at(path));
        }

        Builder hours(String heading, String... path) {
            return column(heading, Kind.HOURS, at(path));
        }

        Builder row(JsonNode row) {
            rows.add(cells.stream().map(cell -> cell.apply(row)).toList());
            return this;
        }

        /** A row of texts as they are, one a column. */
        Builder texts(String... texts) {
            rows.add(java.util.Arrays.stream(texts).map(Sheet::text).toList());
            return this;
        }

        Builder rows(Iterable<JsonNode> rows) {
            rows.forEach(this::row);
            return this;
        }

        Sheet build() {
            return new Sheet(name, List.copyOf(columns), List.copyOf(rows));
        }
    }

    /** The node at a path of field names, missing when any step is. */
    static Function<JsonNode, JsonNode> at(String... path) {
        return node -> {
            JsonNode at = node;
            for (String field : path) {
                at = at.path(field);
            }
            return at;
        };
    }

    /** A number of the answer as its column shows it: whole counts, hours to two decimals, shares as they are. */
    static java.math.BigDecimal decimal(JsonNode number, Kind kind) {
        return switch (kind) {
            case COUNT -> number.isIntegralNumber() ? java.math.BigDecimal.valueOf(number.longValue()) : number.decimalValue();
            case HOURS -> number.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP);
            default -> number.decimalValue();
        };
    }

    static JsonNode text(String value) {
        return value == null ? MissingNode.getInstance() : TextNode.valueOf(value);
    }
}
