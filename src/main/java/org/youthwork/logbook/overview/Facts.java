package org.youthwork.logbook.overview;

import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Setting;
import org.youthwork.logbook.session.Theme;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sums of an overview by dimension (TOTAL, SETTING, METHOD, THEME, MONTH, MUNICIPALITY, REGION) and
 * key, whichever query they come from: the plain query over sessions or the rollups. Sums add up, so the figures of
 * whole months from the rollups and of the days around them from the sessions make one overview.
 */
final class Facts {

    /** The measures every row of the plain query and of the municipality rollup has, by column name. */
    static final List<String> MEASURES = List.of("sessions", "minutes", "worker_minutes", "participants", "first_time",
            "unorganised", "fewer_opportunities", "youth_led_sessions", "youth_led_minutes",
            "under15", "age15_19", "age20_24", "age25_29", "over29", "female", "male", "other");
    static final List<String> CODE_MEASURES = List.of("sessions", "minutes", "participants");
    /** Participants by age band and gender, the cells of the cross table: the session's own column names. */
    static final List<String> CELLS = Arrays.stream(AgeBand.values())
            .flatMap(band -> Arrays.stream(Gender.values()).map(gender -> cell(band, gender))).toList();

    static String cell(AgeBand band, Gender gender) {
        return OverviewService.column(band) + "_" + gender.name().toLowerCase();
    }

    static final class Row {
        final Map<String, Long> sums = new HashMap<>();

        long get(String measure) {
            return sums.getOrDefault(measure, 0L);
        }

        void add(String measure, long value) {
            sums.merge(measure, value, Long::sum);
        }
    }

    private final Map<String, Map<String, Row>> dimensions = new HashMap<>();

    Row row(String dimension, String key) {
        return dimensions.computeIfAbsent(dimension, d -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new Row());
    }

    Row total() {
        return row("TOTAL", "");
    }

    /** The rows of a dimension that have sessions. */
    Map<String, Row> rows(String dimension) {
        Map<String, Row> rows = new LinkedHashMap<>();
        dimensions.getOrDefault(dimension, Map.of()).forEach((key, row) -> {
            if (row.get("sessions") > 0) {
                rows.put(key, row);
            }
        });
        return rows;
    }

    Row get(String dimension, String key) {
        Row row = dimensions.getOrDefault(dimension, Map.of()).get(key);
        return row != null ? row : new Row();
    }

    /** Rows of the plain query: a dimension per grouping set, sets of methods and themes spread onto their codes. */
    void addSessions(List<Tuple> rows) {
        for (Tuple t : rows) {
            String dimension = t.get("dimension", String.class);
            String key = t.get("key", String.class);
            switch (dimension) {
                case "METHODS" -> spread(t, Integer.parseInt(key), true);
                case "THEMES" -> spread(t, Integer.parseInt(key), false);
                default -> {
                    Row row = row(dimension, dimension.equals("TOTAL") ? "" : key);
                    addAll(row, t, MEASURES);
                    if (dimension.equals("TOTAL")) {
                        addAll(row, t, CELLS);
                    }
                }
            }
        }
    }

    /** Rows of the municipality rollup: the total row carries the sums per setting, method and theme as columns. */
    void addRollup(List<Tuple> rows) {
        for (Tuple t : rows) {
            String dimension = t.get("dimension", String.class);
            String key = t.get("key", String.class);
            addAll(row(dimension, dimension.equals("TOTAL") ? "" : key), t, MEASURES);
            if (dimension.equals("TOTAL")) {
                addAll(total(), t, CELLS);
                for (Setting s : Setting.values()) {
                    addCode(row("SETTING", s.name()), t, "setting_" + s.name().toLowerCase());
                }
                for (Method m : Method.values()) {
                    addCode(row("METHOD", m.name()), t, "method_" + m.name().toLowerCase());
                }
                for (Theme th : Theme.values()) {
                    addCode(row("THEME", th.name()), t, "theme_" + th.name().toLowerCase());
                }
            }
        }
    }

    private void spread(Tuple t, int set, boolean methods) {
        if (methods) {
            for (Method m : Method.values()) {
                if ((set & m.bit) != 0) {
                    addAll(row("METHOD", m.name()), t, CODE_MEASURES);
                }
            }
        } else {
            for (Theme th : Theme.values()) {
                if ((set & th.bit) != 0) {
                    addAll(row("THEME", th.name()), t, CODE_MEASURES);
                }
            }
        }
    }

    private static void addCode(Row row, Tuple t, String prefix) {
        for (String measure : CODE_MEASURES) {
            row.add(measure, number(t, prefix + "_" + measure));
        }
    }

    private static void addAll(Row row, Tuple t, List<String> measures) {
        for (String measure : measures) {
            if (has(t, measure)) {
                row.add(measure, number(t, measure));
            }
        }
    }

    private static boolean has(Tuple t, String column) {
        for (TupleElement<?> e : t.getElements()) {
            if (column.equals(e.getAlias())) {
                return true;
            }
        }
        return false;
    }

    static long number(Tuple t, String column) {
        Object value = t.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
