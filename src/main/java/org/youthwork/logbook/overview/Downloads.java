package org.youthwork.logbook.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.youthwork.logbook.overview.SpreadsheetCsv.Dialect;
import org.youthwork.logbook.session.Labels;
import org.youthwork.logbook.system.ProblemException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

/**
 * Overviews and the annual analysis as spreadsheet downloads, CSV or XLSX, in the person's language (the locale
 * parameter, else Accept-Language). They are written from the answer's JSON tree, so that any tree the JSON answer
 * would give (a publication's, with small counts as texts) downloads the same.
 */
@ApplicationScoped
class Downloads {

    /** For @Produces: below JSON's preference, so that a client that accepts anything gets JSON. */
    static final String CSV_PRODUCED = "text/csv;qs=0.5";
    static final String XLSX_PRODUCED = SpreadsheetXlsx.MEDIA_TYPE + ";qs=0.5";

    enum Format {
        CSV("csv", MediaType.valueOf("text/csv")), XLSX("xlsx", MediaType.valueOf(SpreadsheetXlsx.MEDIA_TYPE));

        /** As the format parameter names it, and the file's extension. */
        final String parameter;
        final MediaType type;

        Format(String parameter, MediaType type) {
            this.parameter = parameter;
            this.type = type;
        }

        /** The format parameter: csv or xlsx; null when absent. */
        static Format parse(String value) {
            if (value == null) {
                return null;
            }
            for (Format f : values()) {
                if (f.parameter.equals(value)) {
                    return f;
                }
            }
            throw ProblemException.invalid("format", "must be csv or xlsx");
        }
    }

    /** What the person asked for: the format and the language of the headings, which also picks the CSV's dialect. */
    record Request(Format format, String language) {
    }

    private final ObjectMapper json;

    Downloads(ObjectMapper json) {
        this.json = json;
    }

    /** Checks the parameters before the service is asked: a bad one is a 400 before any scope check. */
    Request request(String format, String locale, HttpHeaders headers) {
        Format chosen = Format.parse(format);
        checkLocale(locale);
        return new Request(chosen != null ? chosen : negotiated(headers),
                locale != null ? locale : Labels.language(headers.getAcceptableLanguages()));
    }

    /**
     * The locale parameter: one of the languages, or absent. The JSON answers take it too (the contract has one
     * operation for every format of an overview) and have no use for it.
     */
    static void checkLocale(String locale) {
        if (locale != null && !Labels.LANGUAGES.contains(locale)) {
            throw ProblemException.invalid("locale", "must be one of " + String.join(", ", Labels.LANGUAGES));
        }
    }

    /** The method was chosen because the client accepts CSV or XLSX: the first of them in its order of preference. */
    private static Format negotiated(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(Format.CSV.type)) {
                return Format.CSV;
            }
            if (accepted.isCompatible(Format.XLSX.type)) {
                return Format.XLSX;
            }
        }
        return Format.CSV;
    }

    Response overview(Request request, Overview overview) {
        return overview(request, json.valueToTree(overview));
    }

    /** An overview's tree: the exact overview, or the one made for publication. */
    Response overview(Request request, JsonNode overview) {
        List<Sheet> sheets = OverviewSheets.of(overview, request.language());
        JsonNode area = overview.path("area");
        String fallback = "ORGANISATION".equals(area.path("level").asText()) ? "organisation" : area.path("code").asText();
        String period = "_" + overview.path("from").asText() + "_" + overview.path("to").asText();
        return request.format() == Format.XLSX
                ? answer(request, SpreadsheetXlsx.write(sheets), SpreadsheetXlsx.MEDIA_TYPE, area.path("name").asText(), fallback, period)
                : answer(request, SpreadsheetCsv.blocks(sheets, Dialect.of(request.language())), SpreadsheetCsv.MEDIA_TYPE,
                        area.path("name").asText(), fallback, period);
    }

    Response annualAnalysis(Request request, AnnualAnalysis analysis) {
        return annualAnalysis(request, json.valueToTree(analysis));
    }

    /** The CSV is the analysis's table alone, so that it reads straight into a spreadsheet or a program. */
    Response annualAnalysis(Request request, JsonNode analysis) {
        String file = "annual-analysis-" + analysis.path("country").asText() + "-" + analysis.path("year").asText();
        return request.format() == Format.XLSX
                ? answer(request, SpreadsheetXlsx.write(AnnualAnalysisSheets.of(analysis, request.language())),
                        SpreadsheetXlsx.MEDIA_TYPE, file, file, "")
                : answer(request, SpreadsheetCsv.table(AnnualAnalysisSheets.table(analysis, request.language()),
                        Dialect.of(request.language())), SpreadsheetCsv.MEDIA_TYPE, file, file, "");
    }

    /** An attachment named by the area or organisation and the period: as written (RFC 6266 filename*), and in ASCII. */
    private static Response answer(Request request, Object body, String type, String name, String fallback, String suffix) {
        String extension = suffix + "." + request.format().parameter;
        String plain = ascii(name);
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + (plain.matches(".*[A-Za-z].*") ? plain : ascii(fallback))
                        + extension + "\"; filename*=UTF-8''" + URLEncoder.encode(name + extension, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A"))
                .header(HttpHeaders.CONTENT_LANGUAGE, request.language())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    /** A file name every browser keeps: "Črnomelj" as "Crnomelj", other letters and spaces as dashes. */
    static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    }
}
