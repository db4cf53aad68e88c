package org.youthwork.logbook.overview;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Theme;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The annual analysis as RFC 4180 CSV, written by Jackson: a header row, CRLF line ends, fields quoted when they hold
 * a comma, a quote or a line break. It starts with a UTF-8 byte order mark so that spreadsheets read "Črnomelj" as
 * written.
 */
final class AnnualAnalysisCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final String BOM = "\uFEFF";
    /** Quoted only where needed: without the strict check, Jackson quotes every value longer than 24 characters. */
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private AnnualAnalysisCsv() {
    }

    static String write(AnnualAnalysis analysis) {
        StringWriter out = new StringWriter().append(BOM);
        try (CsvGenerator csv = (CsvGenerator) CSV.createGenerator(out)) {
            csv.setSchema(CsvSchema.emptySchema().withLineSeparator("\r\n"));
            line(csv, header());
            for (AnnualAnalysis.Row r : analysis.organisations()) {
                List<Object> fields = new ArrayList<>(List.of(r.organisationId(), r.name(), r.municipalityCode(), r.municipality(),
                        r.sessions(), r.hours(), r.youthWorkerHours(), r.participants()));
                for (AgeBand band : AgeBand.values()) {
                    fields.add(r.participantsByAgeBand().get(band.code()));
                }
                for (Gender gender : Gender.values()) {
                    fields.add(r.participantsByGender().get(gender.code()));
                }
                for (Method method : Method.values()) {
                    fields.add(r.sessionsByMethod().get(method.code()));
                }
                for (Theme theme : Theme.values()) {
                    fields.add(r.sessionsByTheme().get(theme.code()));
                }
                fields.addAll(List.of(r.youthLedSessions(), r.monthsRecorded(), r.firstTimeParticipants(), r.unorganisedYouth(),
                        r.fewerOpportunities()));
                line(csv, fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<Object> header() {
        List<Object> names = new ArrayList<>(List.of("organisationId", "name", "municipalityCode", "municipality",
                "sessions", "hours", "youthWorkerHours", "participants"));
        for (AgeBand band : AgeBand.values()) {
            names.add("participants " + band.code());
        }
        for (Gender gender : Gender.values()) {
            names.add("participants " + gender.code());
        }
        for (Method method : Method.values()) {
            names.add("sessions " + method.code());
        }
        for (Theme theme : Theme.values()) {
            names.add("sessions " + theme.code());
        }
        names.addAll(List.of("youthLedSessions", "monthsRecorded", "firstTimeParticipants", "unorganisedYouth",
                "fewerOpportunities"));
        return names;
    }

    private static void line(CsvGenerator csv, List<Object> fields) throws IOException {
        csv.writeStartArray();
        for (Object field : fields) {
            csv.writeString(defused(String.valueOf(field)));
        }
        csv.writeEndArray();
    }

    /** A text that a spreadsheet would run as a formula is defused with a leading '. */
    static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
