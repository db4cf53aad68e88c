package org.youthwork.logbook.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.youthwork.logbook.overview.Sheet.Column;
import org.youthwork.logbook.overview.Sheet.Kind;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sheets as RFC 4180 CSV, written by Jackson, in the dialect a spreadsheet of the person's locale reads without an
 * import dialogue: {@code ;} and a decimal comma for Slovenian and Bulgarian, {@code ,} and a decimal point otherwise.
 * CRLF line ends, fields quoted when they hold the separator, a quote or a line break, and a UTF-8 byte order mark so
 * that spreadsheets read "Črnomelj" as written. One sheet is one table (heading line, then rows); several are written
 * one after another, each as a line with the sheet's name, its table, and an empty line.
 */
final class SpreadsheetCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final String BOM = "\uFEFF";
    /** Quoted only where needed: without the strict check, Jackson quotes every value longer than 24 characters. */
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    /** How numbers and fields are separated: by the language, as spreadsheets of that locale expect. */
    record Dialect(char separator, char decimal) {

        static final Dialect POINT = new Dialect(',', '.');
        static final Dialect COMMA = new Dialect(';', ',');

        static Dialect of(String language) {
            return switch (language) {
                case "sl", "bg" -> COMMA;
                default -> POINT;
            };
        }
    }

    private SpreadsheetCsv() {
    }

    /** One table, no title line: what a program or a spreadsheet's import reads straight. */
    static String table(Sheet sheet, Dialect dialect) {
        return write(List.of(sheet), dialect, false);
    }

    /** The sheets one after another, each under a line with its name. */
    static String blocks(List<Sheet> sheets, Dialect dialect) {
        return write(sheets, dialect, true);
    }

    private static String write(List<Sheet> sheets, Dialect dialect, boolean titled) {
        StringWriter out = new StringWriter().append(BOM);
        try (CsvGenerator csv = (CsvGenerator) CSV.createGenerator(out)) {
            csv.setSchema(CsvSchema.emptySchema().withColumnSeparator(dialect.separator()).withLineSeparator("\r\n"));
            boolean first = true;
            for (Sheet sheet : sheets) {
                if (titled) {
                    if (!first) {
                        line(csv, List.of(""));
                    }
                    line(csv, List.of(sheet.name()));
                }
                first = false;
                line(csv, sheet.columns().stream().map(Column::heading).toList());
                for (List<JsonNode> row : sheet.rows()) {
                    List<String> fields = new ArrayList<>();
                    for (int c = 0; c < row.size(); c++) {
                        fields.add(field(row.get(c), sheet.columns().get(c).kind(), dialect));
                    }
                    line(csv, fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String field(JsonNode value, Kind kind, Dialect dialect) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isNumber() && kind != Kind.TEXT) {
            return Sheet.decimal(value, kind).toPlainString().replace('.', dialect.decimal());
        }
        return defused(value.asText());
    }

    private static void line(CsvGenerator csv, List<String> fields) throws IOException {
        csv.writeStartArray();
        for (String field : fields) {
            csv.writeString(field);
        }
        csv.writeEndArray();
    }

    /** A text that a spreadsheet would run as a formula is defused with a leading '. */
    static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
