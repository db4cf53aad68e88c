package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.youthwork.logbook.overview.Overview.Level;
import org.youthwork.logbook.system.Snapshot;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of every overview and report, in one place: the read model. Each answer is a handful of aggregate
 * queries in PostgreSQL; no session is ever loaded into Java. Dates are half-open ({@code >= from and < until}).
 */
@ApplicationScoped
class OverviewQueries {

    /** The participants of a row by age band and by gender; nulls (pairs not reported) count as zero. */
    private static final String COUNTS = """
            coalesce(sum(coalesce(under15_female, 0) + coalesce(under15_male, 0) + coalesce(under15_other, 0)), 0) as under15,
            coalesce(sum(coalesce(age15_19_female, 0) + coalesce(age15_19_male, 0) + coalesce(age15_19_other, 0)), 0) as age15_19,
            coalesce(sum(coalesce(age20_24_female, 0) + coalesce(age20_24_male, 0) + coalesce(age20_24_other, 0)), 0) as age20_24,
            coalesce(sum(coalesce(age25_29_female, 0) + coalesce(age25_29_male, 0) + coalesce(age25_29_other, 0)), 0) as age25_29,
            coalesce(sum(coalesce(over29_female, 0) + coalesce(over29_male, 0) + coalesce(over29_other, 0)), 0) as over29,
            coalesce(sum(coalesce(under15_female, 0) + coalesce(age15_19_female, 0) + coalesce(age20_24_female, 0)
                + coalesce(age25_29_female, 0) + coalesce(over29_female, 0)), 0) as female,
            coalesce(sum(coalesce(under15_male, 0) + coalesce(age15_19_male, 0) + coalesce(age20_24_male, 0)
                + coalesce(age25_29_male, 0) + coalesce(over29_male, 0)), 0) as male,
            coalesce(sum(coalesce(under15_other, 0) + coalesce(age15_19_other, 0) + coalesce(age20_24_other, 0)
                + coalesce(age25_29_other, 0) + coalesce(over29_other, 0)), 0) as other
            """;

    /** The cells of the cross table of age band × gender ({@link Facts#CELLS}); only the plain query's total uses them. */
    private static final String CELLS = Facts.CELLS.stream()
            .map(c -> "coalesce(sum(" + c + "), 0) as " + c).collect(java.util.stream.Collectors.joining(",\n", ",\n", "\n"));

    /** The sums every overview row has. */
    private static final String MEASURES = """
            count(s.id) as sessions,
            coalesce(sum(s.duration_minutes), 0) as minutes,
            coalesce(sum(s.duration_minutes * s.youth_workers), 0) as worker_minutes,
            coalesce(sum(s.participants_total), 0) as participants,
            coalesce(sum(s.first_time_participants), 0) as first_time,
            coalesce(sum(s.unorganised_youth), 0) as unorganised,
            coalesce(sum(s.fewer_opportunities), 0) as fewer_opportunities,
            count(s.id) filter (where s.youth_led) as youth_led_sessions,
            coalesce(sum(s.duration_minutes) filter (where s.youth_led), 0) as youth_led_minutes,
            """;

    /** The sessions held in the area in the period; {@code AREA} is one of {@link #areaCondition}. */
    private static final String HELD = """
            with held as (
                select s.*, m.region_code, o.name as organisation_name
                from youth_session s
                join municipality m on m.code = s.municipality_code
                join organisation o on o.id = s.organisation_id
                where s.deleted_at is null and s.held_on >= :from and s.held_on < :until and AREA
            )
            """;

    private static final String FACTS = HELD + """
            select case
                       when grouping(s.setting) = 0 then 'SETTING'
                       when grouping(to_char(s.held_on, 'YYYY-MM')) = 0 then 'MONTH'
                       when grouping(s.organisation_id) = 0 then 'ORGANISATION'
                       when grouping(s.municipality_code) = 0 then 'MUNICIPALITY'
                       when grouping(s.region_code) = 0 then 'REGION'
                       when grouping(s.methods) = 0 then 'METHODS'
                       when grouping(s.themes) = 0 then 'THEMES'
                       else 'TOTAL' end as dimension,
                   coalesce(s.setting, to_char(s.held_on, 'YYYY-MM'), cast(s.organisation_id as text),
                            s.municipality_code, s.region_code, cast(s.methods as text), cast(s.themes as text)) as key,
                   max(s.organisation_name) as name,
            """ + MEASURES + COUNTS + CELLS + """
            from held s
            group by grouping sets ((), (s.setting), (to_char(s.held_on, 'YYYY-MM')), (s.organisation_id),
                                    (s.municipality_code), (s.region_code), (s.methods), (s.themes))
            """;

    /** The member organisations of the network based in the area. */
    private static final String MEMBERS = """
            select o.id as organisation_id, o.name as name from organisation o join municipality m on m.code = o.municipality_code
            where o.member and o.deleted_at is null and AREA
            """;

    /**
     * The months in which each member organisation based in the area recorded a session, wherever it was held: a row
     * per organisation with its months as "2026-01,2026-03".
     */
    private static final String RECORDED = """
            select s.organisation_id as organisation_id, string_agg(distinct to_char(s.held_on, 'YYYY-MM'), ',') as months
            from youth_session s
            join organisation o on o.id = s.organisation_id
            join municipality m on m.code = o.municipality_code
            where o.member and AREA and s.deleted_at is null and s.held_on >= :from and s.held_on < :until
            group by s.organisation_id
            """;

    /**
     * As {@link #RECORDED}, from the organisation rollup (a month may come twice, for sessions held in two countries).
     * Reads only the rollup's narrow index.
     */
    private static final String ROLLUP_RECORDED = """
            select r.organisation_id as organisation_id, string_agg(to_char(r.month, 'YYYY-MM'), ',') as months
            from rollup_organisation_country_month r
            join organisation o on o.id = r.organisation_id
            join municipality m on m.code = o.municipality_code
            where o.member and AREA and r.month >= :from and r.month < :until and r.sessions > 0
            group by r.organisation_id
            """;

    /**
     * Whole months from the municipality rollup: the totals, with the sums per setting, method and theme, and the cells
     * of age band × gender beside them (a row of that rollup only where a session reported a cell). Summing every
     * column once, without the breakdowns, is what keeps a national overview of years cheap.
     */
    private static final String ROLLUP_TOTALS = "select 'TOTAL' as dimension, '' as key, "
            + String.join(", ", rollupColumns())
            + " from rollup_municipality_month r join municipality m on m.code = r.municipality_code"
            + " left join rollup_municipality_month_age_gender x"
            + " on x.municipality_code = r.municipality_code and x.month = r.month"
            + " where r.month >= :from and r.month < :until and AREA";

    /** Whole months from the municipality rollup: sessions, minutes and participants by month, municipality and region. */
    private static final String ROLLUP_BREAKDOWNS = """
            select case when grouping(r.month) = 0 then 'MONTH'
                        when grouping(r.municipality_code) = 0 then 'MUNICIPALITY'
                        else 'REGION' end as dimension,
                   coalesce(to_char(r.month, 'YYYY-MM'), r.municipality_code, m.region_code) as key,
                   sum(r.sessions) as sessions, sum(r.minutes) as minutes, sum(r.participants) as participants
            from rollup_municipality_month r join municipality m on m.code = r.municipality_code
            where r.month >= :from and r.month < :until and AREA
            group by grouping sets ((r.month), (r.municipality_code), (m.region_code))
            """;

    /** Sessions, minutes and participants per organisation, from one of the organisation rollups {@code r}. */
    private static String organisations(String fromWhere) {
        return "select cast(r.organisation_id as text) as key, max(o.name) as name,"
                + " sum(r.sessions) as sessions, sum(r.minutes) as minutes, sum(r.participants) as participants "
                + fromWhere + " group by r.organisation_id";
    }

    /** Sessions held in a municipality or region, per organisation, from the rollup by organisation and municipality. */
    private static final String ROLLUP_ORGANISATIONS = organisations("""
            from rollup_organisation_month r
            join municipality m on m.code = r.municipality_code
            join organisation o on o.id = r.organisation_id
            where r.month >= :from and r.month < :until and AREA
            """);

    /** The same for a country, from the coarser rollup by organisation and country: a row per organisation and month. */
    private static final String ROLLUP_COUNTRY_ORGANISATIONS = organisations("""
            from rollup_organisation_country_month r
            join organisation o on o.id = r.organisation_id
            where r.month >= :from and r.month < :until and r.country_code = :code
            """);

    /** Whole years, from the rollup by organisation, municipality and year: a row per organisation and year. */
    private static final String YEAR_ORGANISATIONS = organisations("""
            from rollup_organisation_year r
            join municipality m on m.code = r.municipality_code
            join organisation o on o.id = r.organisation_id
            where r.year >= cast(extract(year from cast(:from as date)) as integer)
              and r.year < cast(extract(year from cast(:until as date)) as integer) and AREA
            """);

    /** As {@link #RECORDED} for whole years, from the year rollup's sessions per month. */
    private static final String YEAR_RECORDED = """
            select y.organisation_id as organisation_id,
                   concat_ws(',',
                               case when sum(y.m01) > 0 then y.year || '-01' end,
                               case when sum(y.m02) > 0 then y.year || '-02' end,
                               case when sum(y.m03) > 0 then y.year || '-03' end,
                               case when sum(y.m04) > 0 then y.year || '-04' end,
                               case when sum(y.m05) > 0 then y.year || '-05' end,
                               case when sum(y.m06) > 0 then y.year || '-06' end,
                               case when sum(y.m07) > 0 then y.year || '-07' end,
                               case when sum(y.m08) > 0 then y.year || '-08' end,
                               case when sum(y.m09) > 0 then y.year || '-09' end,
                               case when sum(y.m10) > 0 then y.year || '-10' end,
                               case when sum(y.m11) > 0 then y.year || '-11' end,
                               case when sum(y.m12) > 0 then y.year || '-12' end) as months
            from rollup_organisation_year y
            join organisation o on o.id = y.organisation_id
            join municipality m on m.code = o.municipality_code
            where o.member and AREA
              and y.year >= cast(extract(year from cast(:from as date)) as integer)
              and y.year < cast(extract(year from cast(:until as date)) as integer)
            group by y.organisation_id, y.year
            having sum(y.sessions) > 0
            """;

    private static List<String> rollupColumns() {
        List<String> columns = new java.util.ArrayList<>();
        for (String measure : Facts.MEASURES) {
            columns.add("sum(r." + measure + ") as " + measure);
        }
        for (String prefix : codePrefixes()) {
            for (String measure : Facts.CODE_MEASURES) {
                columns.add("sum(r." + prefix + "_" + measure + ") as " + prefix + "_" + measure);
            }
        }
        for (String cell : Facts.CELLS) {
            columns.add("coalesce(sum(x." + cell + "), 0) as " + cell);
        }
        return columns;
    }

    private static List<String> codePrefixes() {
        List<String> prefixes = new java.util.ArrayList<>();
        for (var s : org.youthwork.logbook.session.Setting.values()) {
            prefixes.add("setting_" + s.name().toLowerCase());
        }
        for (var m : org.youthwork.logbook.session.Method.values()) {
            prefixes.add("method_" + m.name().toLowerCase());
        }
        for (var t : org.youthwork.logbook.session.Theme.values()) {
            prefixes.add("theme_" + t.name().toLowerCase());
        }
        return prefixes;
    }

    private static final String ANNUAL = "select o.id as organisation_id, o.name as name,"
            + " o.municipality_code as municipality_code, m.name as municipality,"
            + MEASURES
            + " count(distinct date_trunc('month', s.held_on)) as months_recorded, "
            + COUNTS
            + """
             from organisation o
             join municipality m on m.code = o.municipality_code
             left join youth_session s on s.organisation_id = o.id and s.deleted_at is null
                 and s.held_on >= :from and s.held_on < :until
             where o.member and o.deleted_at is null and m.country_code = :country
             group by o.id, o.name, o.municipality_code, m.name
             order by o.name, o.id
            """;

    /**
     * Each member organisation of a country, one row each, over its rows of the organisation rollup in [from, until):
     * the annual analysis and the months recorded read the same members the same way.
     */
    private static final String MEMBERS_ROLLUP = """
            from organisation o
            join municipality m on m.code = o.municipality_code
            left join rollup_organisation_country_month r on r.organisation_id = o.id
                and r.month >= :from and r.month < :until
            where o.member and o.deleted_at is null and m.country_code = :country
            group by o.id, o.name, o.municipality_code, m.name
            order by o.name, o.id
            """;

    /** The annual analysis from the organisation rollup; a year is whole months, so no session is read. */
    private static final String ROLLUP_ANNUAL = "select o.id as organisation_id, o.name as name,"
            + " o.municipality_code as municipality_code, m.name as municipality, "
            + String.join(", ", annualRollupColumns())
            + ", count(distinct r.month) filter (where r.sessions > 0) as months_recorded\n"
            + MEMBERS_ROLLUP;

    private static List<String> annualRollupColumns() {
        List<String> columns = new java.util.ArrayList<>();
        for (String measure : Facts.MEASURES) {
            columns.add("coalesce(sum(r." + measure + "), 0) as " + measure);
        }
        for (var m : org.youthwork.logbook.session.Method.values()) {
            columns.add("coalesce(sum(r." + methodColumn(m) + "), 0) as " + methodColumn(m));
        }
        for (var t : org.youthwork.logbook.session.Theme.values()) {
            columns.add("coalesce(sum(r." + themeColumn(t) + "), 0) as " + themeColumn(t));
        }
        return columns;
    }

    static String methodColumn(org.youthwork.logbook.session.Method method) {
        return "method_" + method.name().toLowerCase() + "_sessions";
    }

    static String themeColumn(org.youthwork.logbook.session.Theme theme) {
        return "theme_" + theme.name().toLowerCase() + "_sessions";
    }

    /** Sessions per organisation and set of methods (themes); the service counts each set under each of its codes. */
    private static final String ANNUAL_CODES = """
            select s.organisation_id as organisation_id,
                   case when grouping(s.methods) = 0 then 'METHODS' else 'THEMES' end as dimension,
                   coalesce(s.methods, s.themes) as codes, count(*) as sessions
            from organisation o
            join municipality m on m.code = o.municipality_code
            join youth_session s on s.organisation_id = o.id
            where o.member and m.country_code = :country
              and s.deleted_at is null and s.held_on >= :from and s.held_on < :until
            group by grouping sets ((s.organisation_id, s.methods), (s.organisation_id, s.themes))
            """;

    /**
     * Each member organisation of a country with the months of the period it recorded at least one session in,
     * wherever held ("2026-01,2026-03", null for none): the months indicator 2.2.3 and the annual analysis count, from
     * the same rollup as the annual analysis. [from, until) are first days of months.
     */
    private static final String MONTHS_RECORDED = """
            select o.id as organisation_id, o.name as name, o.municipality_code as municipality_code, m.name as municipality,
                   string_agg(distinct to_char(r.month, 'YYYY-MM'), ',' order by to_char(r.month, 'YYYY-MM'))
                       filter (where r.sessions > 0) as months
            """ + MEMBERS_ROLLUP;

    private final EntityManager em;

    OverviewQueries(EntityManager em) {
        this.em = em;
    }

    /** The queries of one answer read one snapshot: call first in its transaction. */
    void snapshot() {
        Snapshot.begin(em);
    }

    /**
     * From the sessions of the days [from, until): totals and the breakdowns by setting, month, organisation,
     * municipality and region, and by the set of methods and of themes a session has (at most 127 and 511 rows),
     * which the service spreads onto each code.
     */
    List<Tuple> facts(Level level, String code, LocalDate from, LocalDate until) {
        return run(FACTS.replace("AREA", areaCondition(level)), code, from, until, Map.of());
    }

    /** From the rollups, for whole months: [from, until) are first days of months. */
    List<Tuple> rollupFacts(Level level, String code, LocalDate from, LocalDate until) {
        List<Tuple> rows = new java.util.ArrayList<>(run(ROLLUP_TOTALS.replace("AREA", areaCondition(level)), code, from, until, Map.of()));
        rows.addAll(run(ROLLUP_BREAKDOWNS.replace("AREA", areaCondition(level)), code, from, until, Map.of()));
        return rows;
    }

    List<Tuple> rollupOrganisations(Level level, String code, LocalDate from, LocalDate until) {
        String sql = level == Level.COUNTRY ? ROLLUP_COUNTRY_ORGANISATIONS : ROLLUP_ORGANISATIONS.replace("AREA", areaCondition(level));
        return run(sql, code, from, until, Map.of());
    }

    /** Whole years: [from, until) are first days of years. */
    List<Tuple> yearOrganisations(Level level, String code, LocalDate from, LocalDate until) {
        return run(YEAR_ORGANISATIONS.replace("AREA", areaCondition(level)), code, from, until, Map.of());
    }

    List<Tuple> yearRecordedMonths(Level level, String code, LocalDate from, LocalDate until) {
        return run(YEAR_RECORDED.replace("AREA", areaCondition(level)), code, from, until, Map.of());
    }

    /** The country's overview version (V011): the sum of its rows, 0 before its first change. */
    long version(String country) {
        Object sum = em.createNativeQuery("select coalesce(sum(version), 0) from overview_version where country_code = :country")
                .setParameter("country", country).getSingleResult();
        return ((Number) sum).longValue();
    }

    /** The member organisations based in the area: organisation_id, name. */
    @SuppressWarnings("unchecked")
    List<Tuple> members(Level level, String code) {
        return em.createNativeQuery(MEMBERS.replace("AREA", areaCondition(level)), Tuple.class).setParameter("code", code)
                .getResultList();
    }

    List<Tuple> recordedMonths(Level level, String code, LocalDate from, LocalDate until) {
        return run(RECORDED.replace("AREA", areaCondition(level)), code, from, until, Map.of());
    }

    List<Tuple> rollupRecordedMonths(Level level, String code, LocalDate from, LocalDate until) {
        return run(ROLLUP_RECORDED.replace("AREA", areaCondition(level)), code, from, until, Map.of());
    }

    List<Tuple> annual(String country, Period period) {
        return run(ANNUAL, null, period.from(), period.until(), Map.of("country", country));
    }

    List<Tuple> rollupAnnual(String country, Period period) {
        return run(ROLLUP_ANNUAL, null, period.from(), period.until(), Map.of("country", country));
    }

    List<Tuple> monthsRecorded(String country, Period period) {
        return run(MONTHS_RECORDED, null, period.from(), period.until(), Map.of("country", country));
    }

    List<Tuple> annualCodes(String country, Period period) {
        return run(ANNUAL_CODES, null, period.from(), period.until(), Map.of("country", country));
    }

    /**
     * The area a municipality row {@code m} must be in; fixed text, chosen by level, never built from input. An
     * organisation's own overview reads only {@link #FACTS}, where {@code s} is the session, whatever its municipality.
     */
    private static String areaCondition(Level level) {
        return switch (level) {
            case MUNICIPALITY -> "m.code = :code";
            case REGION -> "m.region_code = :code";
            case COUNTRY -> "m.country_code = :code";
            case ORGANISATION -> "s.organisation_id = cast(:code as uuid)";
        };
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> run(String sql, String code, LocalDate from, LocalDate until, Map<String, Object> extra) {
        var query = em.createNativeQuery(sql, Tuple.class)
                .setParameter("from", from)
                .setParameter("until", until);
        if (code != null) {
            query.setParameter("code", code);
        }
        extra.forEach(query::setParameter);
        return query.getResultList();
    }

    static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
