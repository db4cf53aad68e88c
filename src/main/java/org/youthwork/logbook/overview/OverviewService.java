package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import org.youthwork.logbook.account.Caller;
import org.youthwork.logbook.area.Country;
import org.youthwork.logbook.area.Municipality;
import org.youthwork.logbook.area.Region;
import org.youthwork.logbook.overview.Overview.AreaRef;
import org.youthwork.logbook.overview.Overview.AreaRow;
import org.youthwork.logbook.overview.Overview.Completeness;
import org.youthwork.logbook.overview.Overview.Indicator223;
import org.youthwork.logbook.overview.Overview.Level;
import org.youthwork.logbook.overview.Overview.MethodRow;
import org.youthwork.logbook.overview.Overview.MonthRow;
import org.youthwork.logbook.overview.Overview.OrganisationRow;
import org.youthwork.logbook.overview.Overview.SettingRow;
import org.youthwork.logbook.overview.Overview.ThemeRow;
import org.youthwork.logbook.overview.Overview.Totals;
import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Setting;
import org.youthwork.logbook.session.Theme;
import org.youthwork.logbook.period.ClosedPeriods;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Assembles overviews from the aggregates of {@link OverviewQueries}; the work per answer is per row, not per session. */
@ApplicationScoped
public class OverviewService {

    private final OverviewQueries queries;
    private final Caller caller;
    private final ClosedPeriods closedPeriods;
    private final Clock clock;

    OverviewService(OverviewQueries queries, Caller caller, ClosedPeriods closedPeriods, Clock clock) {
        this.queries = queries;
        this.caller = caller;
        this.closedPeriods = closedPeriods;
        this.clock = clock;
    }

    Period period(String from, String to) {
        return Period.parse(from, to, LocalDate.now(clock));
    }

    public Overview overview(Level level, String code, Period period) {
        Area found = area(level, code);
        if (!caller.canSeeArea(level == Level.MUNICIPALITY ? code : null, found.country())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You may not see the overview of this area.");
        }
        AreaRef area = found.ref();
        Map<String, Map<String, Tuple>> facts = new HashMap<>();
        for (Tuple row : queries.facts(level, code, period)) {
            facts.computeIfAbsent(row.get("dimension", String.class), d -> new HashMap<>()).put(row.get("key", String.class), row);
        }
        Tuple total = facts.get("TOTAL").get(null);
        Map<Method, long[]> methods = perCode(Method.values(), m -> m.bit, facts.getOrDefault("METHODS", Map.of()));
        Map<Theme, long[]> themes = perCode(Theme.values(), t -> t.bit, facts.getOrDefault("THEMES", Map.of()));
        int required = requiredMonths(period);
        long municipalitiesCovered = facts.getOrDefault("MUNICIPALITY", Map.of()).size();
        boolean closed = closedPeriods.allClosed(found.country(), period.from().getYear(), period.to().getYear());
        return new Overview(area, period.from(), period.to(), closed, totals(total), byAgeBand(total), byGender(total),
                methods.entrySet().stream().map(e -> new MethodRow(e.getKey(), e.getValue()[0], hours(e.getValue()[1]),
                        e.getValue()[1], e.getValue()[2])).toList(),
                themes.entrySet().stream().map(e -> new ThemeRow(e.getKey(), e.getValue()[0], hours(e.getValue()[1]),
                        e.getValue()[1], e.getValue()[2])).toList(),
                rows(Setting.values(), s -> facts.getOrDefault("SETTING", Map.of()).get(s.name()),
                        (s, r) -> new SettingRow(s, number(r, "sessions"), hours(r, "minutes"), number(r, "minutes"), number(r, "participants"))),
                rows(period.months().toArray(YearMonth[]::new), m -> facts.getOrDefault("MONTH", Map.of()).get(m.toString()),
                        (m, r) -> new MonthRow(m.toString(), number(r, "sessions"), hours(r, "minutes"), number(r, "minutes"), number(r, "participants"))),
                byOrganisation(facts.getOrDefault("ORGANISATION", Map.of())),
                level == Level.MUNICIPALITY ? null : areaRows(municipalities(level, code), facts.getOrDefault("MUNICIPALITY", Map.of())),
                level == Level.COUNTRY ? areaRows(regions(code), facts.getOrDefault("REGION", Map.of())) : null,
                indicator(level, code, period, required, municipalitiesCovered));
    }

    /**
     * Sessions, minutes and participants per code, from the rows per set of codes: a set's figures count in full
     * under each code in it. Every code gets an entry, in the order of the code list.
     */
    private static <C extends Enum<C>> Map<C, long[]> perCode(C[] codes, ToIntFunction<C> bit, Map<String, Tuple> bySet) {
        Map<C, long[]> sums = new LinkedHashMap<>();
        for (C c : codes) {
            sums.put(c, new long[3]);
        }
        bySet.forEach((set, row) -> {
            int bits = Integer.parseInt(set);
            for (C c : codes) {
                if ((bits & bit.applyAsInt(c)) != 0) {
                    long[] sum = sums.get(c);
                    sum[0] += number(row, "sessions");
                    sum[1] += number(row, "minutes");
                    sum[2] += number(row, "participants");
                }
            }
        });
        return sums;
    }

    private record Area(AreaRef ref, String country) {
    }

    private Area area(Level level, String code) {
        Area area = switch (level) {
            case MUNICIPALITY -> Municipality.<Municipality>findByIdOptional(code)
                    .map(m -> new Area(new AreaRef(level, code, m.name), m.countryCode)).orElse(null);
            case REGION -> Region.<Region>findByIdOptional(code)
                    .map(r -> new Area(new AreaRef(level, code, r.name), r.countryCode)).orElse(null);
            case COUNTRY -> Country.<Country>findByIdOptional(code)
                    .map(c -> new Area(new AreaRef(level, code, c.name), c.code)).orElse(null);
        };
        if (area == null) {
            throw ProblemException.notFound("The " + level.name().toLowerCase() + " " + code);
        }
        return area;
    }

    /** ⌈0.75 × months⌉ in whole numbers, so that no floating point decides a borderline case. */
    static int requiredMonths(Period period) {
        int months = period.months().size();
        return (3 * months + 3) / 4;
    }

    private Indicator223 indicator(Level level, String code, Period period, int required, long municipalitiesCovered) {
        long members = 0;
        long recording = 0;
        long regular = 0;
        Map<String, Long> byMonth = new HashMap<>();
        for (Tuple row : queries.indicator(level, code, period, required)) {
            String month = row.get("month", String.class);
            if (month == null) {
                members = number(row, "members");
                recording = number(row, "recording");
                regular = number(row, "regular");
            } else {
                byMonth.put(month, number(row, "members"));
            }
        }
        List<Completeness> completeness = period.months().stream()
                .map(m -> new Completeness(m.toString(), byMonth.getOrDefault(m.toString(), 0L))).toList();
        return new Indicator223(members, recording, regular, required, members == 0 ? 0 : (double) regular / members,
                municipalitiesCovered, completeness);
    }

    private static Totals totals(Tuple t) {
        return new Totals(number(t, "sessions"), hours(t, "minutes"), number(t, "minutes"),
                hours(t, "worker_minutes"), number(t, "worker_minutes"), number(t, "participants"),
                number(t, "first_time"), number(t, "unorganised"), number(t, "fewer_opportunities"),
                number(t, "youth_led_sessions"), hours(t, "youth_led_minutes"), number(t, "youth_led_minutes"));
    }

    static Map<String, Long> byAgeBand(Tuple t) {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (AgeBand band : AgeBand.values()) {
            bands.put(band.code(), number(t, column(band)));
        }
        return bands;
    }

    static Map<String, Long> byGender(Tuple t) {
        Map<String, Long> genders = new LinkedHashMap<>();
        for (Gender gender : Gender.values()) {
            genders.put(gender.code(), number(t, gender.name().toLowerCase()));
        }
        return genders;
    }

    static String column(AgeBand band) {
        return switch (band) {
            case UNDER_15 -> "under15";
            case AGE_15_19 -> "age15_19";
            case AGE_20_24 -> "age20_24";
            case AGE_25_29 -> "age25_29";
            case OVER_29 -> "over29";
        };
    }

    private static List<OrganisationRow> byOrganisation(Map<String, Tuple> rows) {
        return rows.values().stream()
                .map(r -> new OrganisationRow(OverviewQueries.uuid(r.get("key")), r.get("name", String.class),
                        number(r, "sessions"), hours(r, "minutes"), number(r, "minutes"), number(r, "participants")))
                .sorted(Comparator.comparingLong(OrganisationRow::sessions).reversed()
                        .thenComparing(OrganisationRow::name).thenComparing(OrganisationRow::organisationId))
                .toList();
    }

    private static List<AreaRow> areaRows(Map<String, String> names, Map<String, Tuple> rows) {
        List<AreaRow> result = new ArrayList<>();
        names.forEach((code, name) -> {
            Tuple r = rows.get(code);
            result.add(r == null ? new AreaRow(code, name, 0, hours(0), 0, 0)
                    : new AreaRow(code, name, number(r, "sessions"), hours(r, "minutes"), number(r, "minutes"), number(r, "participants")));
        });
        return result;
    }

    private static Map<String, String> municipalities(Level level, String code) {
        String field = level == Level.REGION ? "regionCode" : "countryCode";
        Map<String, String> names = new LinkedHashMap<>();
        Municipality.<Municipality>list(field + " = ?1 order by code", code).forEach(m -> names.put(m.code, m.name));
        return names;
    }

    private static Map<String, String> regions(String country) {
        Map<String, String> names = new LinkedHashMap<>();
        Region.<Region>list("countryCode = ?1 order by code", country).forEach(r -> names.put(r.code, r.name));
        return names;
    }

    private interface RowMaker<K, R> {
        R make(K key, Tuple row);
    }

    /** One row for every key, in the keys' order; a key without sessions gets zeros. */
    private static <K, R> List<R> rows(K[] keys, java.util.function.Function<K, Tuple> find, RowMaker<K, R> make) {
        List<R> rows = new ArrayList<>();
        for (K key : keys) {
            rows.add(make.make(key, find.apply(key)));
        }
        return rows;
    }

    static long number(Tuple row, String column) {
        if (row == null) {
            return 0;
        }
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static BigDecimal hours(Tuple row, String minutesColumn) {
        return hours(number(row, minutesColumn));
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
