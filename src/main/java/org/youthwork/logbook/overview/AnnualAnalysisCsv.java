package org.youthwork.logbook.overview;

import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Theme;

import java.util.ArrayList;
import java.util.List;

/**
 * The annual analysis as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a
 * line break. It starts with a UTF-8 byte order mark so that spreadsheets read "Črnomelj" as written.
 */
final class AnnualAnalysisCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final String BOM = "\uFEFF";

    private AnnualAnalysisCsv() {
    }

    static String write(AnnualAnalysis analysis) {
        StringBuilder csv = new StringBuilder(BOM);
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
        return csv.toString();
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

    private static void line(StringBuilder csv, List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(String.valueOf(fields.get(i))));
        }
        csv.append("\r\n");
    }

    /** Quoted where RFC 4180 needs it; a text that a spreadsheet would run as a formula is defused with a leading '. */
    static String field(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
