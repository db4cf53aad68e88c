package org.youthwork.logbook.overview;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.youthwork.logbook.overview.Sheet.Column;
import org.youthwork.logbook.overview.Sheet.Kind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Sheets as an XLSX workbook, written by FastExcel: a bold heading row that stays in view (frozen), numbers as numbers
 * (hours with two decimals, shares as percentages), a text where the answer has one, columns as wide as their longest
 * cell within reason.
 */
final class SpreadsheetXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 70;

    private SpreadsheetXlsx() {
    }

    static byte[] write(List<Sheet> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Youth-work logbook", "1.0");
            for (Sheet sheet : sheets) {
                write(workbook.newWorksheet(name(sheet.name())), sheet);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet ws, Sheet sheet) {
        List<Column> columns = sheet.columns();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).heading());
            widths[c] = columns.get(c).heading().length();
        }
        ws.range(0, 0, 0, columns.size() - 1).style().bold().set();
        for (int r = 0; r < sheet.rows().size(); r++) {
            List<JsonNode> row = sheet.rows().get(r);
            for (int c = 0; c < columns.size(); c++) {
                widths[c] = Math.max(widths[c], cell(ws, r + 1, c, row.get(c), columns.get(c).kind()));
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            ws.width(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + 2)));
        }
        ws.freezePane(0, 1);
    }

    /** Writes one cell, and answers how wide it is in characters. */
    private static int cell(Worksheet ws, int r, int c, JsonNode value, Kind kind) {
        if (value.isNumber() && kind != Kind.TEXT) {
            ws.value(r, c, Sheet.decimal(value, kind));
            if (kind == Kind.HOURS) {
                ws.style(r, c).format("0.00").set();
            } else if (kind == Kind.SHARE) {
                ws.style(r, c).format("0.0%").set();
            }
            return Sheet.decimal(value, kind).toPlainString().length() + (kind == Kind.SHARE ? 2 : 0);
        }
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        String text = value.asText();
        ws.value(r, c, text);
        if (text.length() > MAX_WIDTH) {
            ws.style(r, c).wrapText(true).set();
        }
        return text.length();
    }

    /** Sheet names are at most 31 characters, without []:*?/\. */
    private static String name(String name) {
        String safe = name.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return safe.length() <= 31 ? safe : safe.substring(0, 31);
    }
}
