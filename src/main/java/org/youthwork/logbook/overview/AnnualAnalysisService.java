package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Theme;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.youthwork.logbook.overview.OverviewService.hours;
import static org.youthwork.logbook.overview.OverviewService.number;

@ApplicationScoped
public class AnnualAnalysisService {

    private final OverviewQueries queries;
    private final CountryYear countryYear;

    AnnualAnalysisService(OverviewQueries queries, CountryYear countryYear) {
        this.queries = queries;
        this.countryYear = countryYear;
    }

    @Transactional
    public AnnualAnalysis analysis(String country, String yearParam) {
        queries.snapshot();
        return build(country, countryYear.year(country, yearParam, forbidden(country)), false);
    }

    /** The version of all the analysis shows, once the caller may read it. */
    public long version(String country, String yearParam) {
        return countryYear.version(country, yearParam, forbidden(country));
    }

    private static String forbidden(String country) {
        return "The annual analysis of " + country + " is for its network coordinator and administrators.";
    }

    /** The analysis computed from the sessions alone, as the rollup must reproduce it. */
    @Transactional
    AnnualAnalysis reference(String country, int year) {
        queries.snapshot();
        return build(country, year, true);
    }

    private AnnualAnalysis build(String country, int year, boolean fromSessionsOnly) {
        Period period = Period.year(year);
        Map<UUID, Map<String, Long>> methods = new HashMap<>();
        Map<UUID, Map<String, Long>> themes = new HashMap<>();
        List<Tuple> organisations;
        if (fromSessionsOnly) {
            spreadCodes(queries.annualCodes(country, period), methods, themes);
            organisations = queries.annual(country, period);
        } else {
            organisations = queries.rollupAnnual(country, year);
            for (Tuple row : organisations) {
                UUID org = OverviewQueries.uuid(row.get("organisation_id"));
                for (Method m : Method.values()) {
                    methods.computeIfAbsent(org, o -> new HashMap<>()).put(m.code(), number(row, OverviewQueries.methodColumn(m)));
                }
                for (Theme t : Theme.values()) {
                    themes.computeIfAbsent(org, o -> new HashMap<>()).put(t.code(), number(row, OverviewQueries.themeColumn(t)));
                }
            }
        }
        List<AnnualAnalysis.Row> rows = organisations.stream().map(r -> {
            UUID org = OverviewQueries.uuid(r.get("organisation_id"));
            return new AnnualAnalysis.Row(org, r.get("name", String.class), r.get("municipality_code", String.class),
                    r.get("municipality", String.class), number(r, "sessions"), hours(r, "minutes"), number(r, "minutes"),
                    hours(r, "worker_minutes"), number(r, "worker_minutes"), number(r, "participants"),
                    OverviewService.byAgeBand(r), OverviewService.byGender(r),
                    everyCode(Method.values(), methods.getOrDefault(org, Map.of())),
                    everyCode(Theme.values(), themes.getOrDefault(org, Map.of())),
                    number(r, "youth_led_sessions"), number(r, "months_recorded"), number(r, "first_time"),
                    number(r, "unorganised"), number(r, "fewer_opportunities"));
        }).toList();
        return new AnnualAnalysis(country, year, period.from(), period.to(), rows);
    }

    /** Sessions per set of methods (themes), counted under each code of the set. */
    private static void spreadCodes(List<Tuple> sets, Map<UUID, Map<String, Long>> methods, Map<UUID, Map<String, Long>> themes) {
        for (Tuple row : sets) {
            UUID org = OverviewQueries.uuid(row.get("organisation_id"));
            int set = (int) number(row, "codes");
            long sessions = number(row, "sessions");
            if (row.get("dimension", String.class).equals("METHODS")) {
                for (Method m : Method.values()) {
                    if ((set & m.bit) != 0) {
                        methods.computeIfAbsent(org, o -> new HashMap<>()).merge(m.code(), sessions, Long::sum);
                    }
                }
            } else {
                for (Theme t : Theme.values()) {
                    if ((set & t.bit) != 0) {
                        themes.computeIfAbsent(org, o -> new HashMap<>()).merge(t.code(), sessions, Long::sum);
                    }
                }
            }
        }
    }

    private static <E extends Enum<E>> Map<String, Long> everyCode(E[] codes, Map<String, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (E code : codes) {
            all.put(code.name(), counts.getOrDefault(code.name(), 0L));
        }
        return all;
    }
}
