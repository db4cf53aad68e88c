package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.query.NativeQuery;
import org.youthwork.logbook.overview.Overview.Level;
import org.youthwork.logbook.system.Snapshot;
import org.youthwork.logbook.system.SnapshotLane;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                select s.*, m.region_code
                from youth_session s
                join municipality m on m.code = s.municipality_code
                where s.deleted_at is null and s.held_on >= :from and s.held_on < :until and AREA
            )
            """;

    private static final String FACTS = HELD + """
            select case
                       when grouping(s.setting) = 0 then 'SETTING'
                       when grouping(to_char(s.held_on, 'YYYY-MM')) = 0 then 'MONTH'
                       when grouping(s.municipality_code) = 0 then 'MUNICIPALITY'
                       when grouping(s.region_code) = 0 then 'REGION'
                       when grouping(s.methods) = 0 then 'METHODS'
                       when grouping(s.themes) = 0 then 'THEMES'
                       else 'TOTAL' end as dimension,
                   coalesce(s.setting, to_char(s.held_on, 'YYYY-MM'), s.municipality_code, s.region_code, cast(s.methods as text), cast(s.themes as text)) as key,
            """ + MEASURES + COUNTS + CELLS + """
            from held s
            group by grouping sets ((), (s.setting), (to_char(s.held_on, 'YYYY-MM')), (s.municipality_code), (s.region_code), (s.methods), (s.themes))
            """;

    /**
     * Whole years and months from the municipality rollups: the totals, with the sums per setting, method and theme, and
     * beside them the cells of age band × gender (a rollup row only where a session reported a cell). Summing every
     * column once, without the breakdowns, over a row per municipality and year where it can, is what keeps a
     * national overview of years cheap; the cells are summed on their own, as a join to them cost more than the sums.
     */
    private static final String ROLLUP_TOTALS = "select 'TOTAL' as dimension, '' as key, t.*, c.* from (select "
            + String.join(", ", sums("r", rollupColumns())) + " from (TOTALS) r) t cross join (select "
            + Facts.CELLS.stream().map(c -> "coalesce(sum(x." + c + "), 0) as " + c).collect(java.util.stream.Collectors.joining(", "))
            + " from (CELLS) x) c";

    private static final Parts ROLLUP_TOTAL_PARTS = yearsAndMonths("rollup_municipality_year", "rollup_municipality_month",
            rollupColumns());

    private static final Parts ROLLUP_CELL_PARTS = yearsAndMonths("rollup_municipality_year_age_gender",
            "rollup_municipality_month_age_gender", Facts.CELLS);

    /** The columns of a municipality rollup by year and by month, in the area: the branches of a union, no days. */
    private static Parts yearsAndMonths(String years, String months, List<String> columns) {
        String select = "select " + String.join(", ", columns) + " from ";
        String area = " r join municipality m on m.code = r.municipality_code where AREA and ";
        return new Parts(select + years + area + "r.year >= :FROM and r.year < :UNTIL",
                select + months + area + "r.month >= :FROM and r.month < :UNTIL", null);
    }

    private static List<String> sums(String alias, List<String> columns) {
        return columns.stream().map(c -> "sum(" + alias + "." + c + ") as " + c).toList();
    }

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

    /**
     * The parts of a period's {@link Cuts}, each read by a branch of its own whose range ({@code :FROM}, {@code :UNTIL})
     * an index can take: whole years from a year rollup, whole months from a month rollup, days from the sessions.
     * Empty parts have no branch.
     */
    private record Parts(String years, String months, String days) {

        String union(Cuts cuts, Map<String, Object> params) {
            List<String> branches = new java.util.ArrayList<>();
            add(branches, params, years, "years", cuts.yearsFrom().getYear(), cuts.yearsUntil().getYear());
            add(branches, params, months, "months0", cuts.monthsFrom(), cuts.yearsFrom());
            add(branches, params, months, "months1", cuts.yearsUntil(), cuts.monthsUntil());
            add(branches, params, days, "days0", cuts.from(), cuts.monthsFrom());
            add(branches, params, days, "days1", cuts.monthsUntil(), cuts.until());
            return String.join("\nunion all\n", branches);
        }

        private static <T extends Comparable<T>> void add(List<String> branches, Map<String, Object> params, String sql,
                                                          String name, T from, T until) {
            if (sql != null && from.compareTo(until) < 0) {
                branches.add(sql.replace(":FROM", ":" + name + "From").replace(":UNTIL", ":" + name + "Until"));
                params.put(name + "From", from);
                params.put(name + "Until", until);
            }
        }
    }

    /** Bit n - 1 of a month mask stands for month n, as in the year rollup's {@code months} (V014). */
    private static String monthBit(String date) {
        return "1 << (cast(extract(month from " + date + ") as integer) - 1)";
    }

    private static final String MEMBERS_IN_AREA = """
             join organisation o on o.id = r.organisation_id
            join municipality m on m.code = o.municipality_code
            where o.member and AREA\s""";

    /** Per member organisation based in the area and year, the months it recorded a session in, wherever held. */
    private static final Parts RECORDED = new Parts(
            "select r.organisation_id, r.year, r.months from rollup_organisation_year r"
                    + MEMBERS_IN_AREA + "and r.year >= :FROM and r.year < :UNTIL",
            "select r.organisation_id, cast(extract(year from r.month) as integer), " + monthBit("r.month")
                    + " from rollup_organisation_country_month r" + MEMBERS_IN_AREA
                    + "and r.sessions > 0 and r.month >= :FROM and r.month < :UNTIL",
            "select r.organisation_id, cast(extract(year from r.held_on) as integer), " + monthBit("r.held_on")
                    + " from youth_session r" + MEMBERS_IN_AREA
                    + "and r.deleted_at is null and r.held_on >= :FROM and r.held_on < :UNTIL");

    /**
     * Indicator 2.2.3 in one statement. {@code recorded} is, per member organisation based in the area and year, the
     * mask of the months of the period in which it recorded a session, wherever held ({@link #RECORDED}); the answer is
     * a row per member not recording regularly (in order), the members and the regular ones counted, the recording ones
     * counted, and per year how many recorded in each month (m01..m12). Months count up to :countedYear and
     * :countedMonth; regular means :counting and at least :required months counted.
     */
    private static final String INDICATOR = """
            with recorded as (
                select organisation_id, year, bit_or(months) as months
                from (PARTS) r (organisation_id, year, months)
                where months <> 0
                group by organisation_id, year
            ), counted as (
                select organisation_id, sum(bit_count(cast(months & case when year < :countedYear then 4095
                    when year = :countedYear then (1 << (:countedMonth - 1)) - 1 else 0 end as bit(12)))) as months
                from recorded
                group by organisation_id
            ), members as (
                select o.id, o.name, coalesce(c.months, 0) as months, :counting and coalesce(c.months, 0) >= :required as regular
                from organisation o
                join municipality m on m.code = o.municipality_code
                left join counted c on c.organisation_id = o.id
                where o.member and o.deleted_at is null and AREA
            )
            select 'NOT_REGULAR' as kind, id as organisation_id, name collate "C" as name, cast(null as integer) as year,
                   months as n, cast(null as bigint) as regular, MONTHS_NULL
            from members where not regular
            union all
            select 'MEMBERS', null, null, null, count(*), count(*) filter (where regular), MONTHS_NULL from members
            union all
            select 'RECORDING', null, null, null, count(*), null, MONTHS_NULL from counted
            union all
            select 'YEAR', null, null, year, null, null, MONTHS_COUNT from recorded group by year
            order by kind, n, name, organisation_id, year
            """.replace("MONTHS_NULL", java.util.stream.IntStream.rangeClosed(1, 12)
                    .mapToObj(n -> String.format("cast(null as bigint) as m%02d", n)).collect(java.util.stream.Collectors.joining(", ")))
            .replace("MONTHS_COUNT", java.util.stream.IntStream.rangeClosed(1, 12)
                    .mapToObj(n -> String.format("sum((months >> %d) & 1)", n - 1)).collect(java.util.stream.Collectors.joining(", ")));

    /** Sessions, minutes and participants per organisation of the sessions held in the area; the country's months from the coarser rollup. */
    private static Parts held(Level level) {
        return new Parts(
                "select r.organisation_id, r.sessions, r.minutes, r.participants from rollup_organisation_year r"
                        + " join municipality m on m.code = r.municipality_code where AREA and r.year >= :FROM and r.year < :UNTIL",
                level == Level.COUNTRY
                        ? "select r.organisation_id, r.sessions, r.minutes, r.participants from rollup_organisation_country_month r"
                                + " where r.country_code = :code and r.month >= :FROM and r.month < :UNTIL"
                        : "select r.organisation_id, r.sessions, r.minutes, r.participants from rollup_organisation_month r"
                                + " join municipality m on m.code = r.municipality_code where AREA and r.month >= :FROM and r.month < :UNTIL",
                "select r.organisation_id, 1, r.duration_minutes, r.participants_total from youth_session r"
                        + " join municipality m on m.code = r.municipality_code"
                        + " where r.deleted_at is null and AREA and r.held_on >= :FROM and r.held_on < :UNTIL");
    }

    /**
     * Organisations with sessions held in the area ({@link #held}), most sessions first (then name, id), one page of
     * them, after a row with none but the number of them all (total).
     */
    private static final String ORGANISATIONS = """
            with sums as (
                select organisation_id, sum(sessions) as sessions, sum(minutes) as minutes, sum(participants) as participants
                from (PARTS) r (organisation_id, sessions, minutes, participants)
                group by organisation_id
                having sum(sessions) > 0
            )
            select 0 as part, null as organisation_id, null as name, null as sessions, null as minutes, null as participants,
                   count(*) as total
            from sums
            union all
            (select 1, o.id, o.name collate "C" as name, x.sessions, x.minutes, x.participants, null
             from sums x join organisation o on o.id = x.organisation_id
             order by x.sessions desc, name, o.id
             limit :limit offset :offset)
            order by part, sessions desc, name, organisation_id
            """;

    /** The columns of the municipality rollups but the cells: the measures, and per setting, method and theme. */
    private static List<String> rollupColumns() {
        List<String> columns = new java.util.ArrayList<>(Facts.MEASURES);
        for (String prefix : codePrefixes()) {
            for (String measure : Facts.CODE_MEASURES) {
                columns.add(prefix + "_" + measure);
            }
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

    /**
     * The annual analysis from the organisation rollups of the year; no session is read. Each member's year is its
     * row per country it worked in (summed by the rollup's key), its months recorded the mask of the months of its rows
     * per municipality. Reading twelve month rows per member instead took PostgreSQL 190 ms at 10 M sessions.
     */
    private static final String ROLLUP_ANNUAL = "select o.id as organisation_id, o.name as name,"
            + " o.municipality_code as municipality_code, m.name as municipality, "
            + annualRollupColumns().stream().map(c -> "coalesce(r." + c + ", 0) as " + c).collect(java.util.stream.Collectors.joining(", "))
            + ", coalesce(y.months_recorded, 0) as months_recorded"
            + " from organisation o join municipality m on m.code = o.municipality_code cross join lateral (select "
            + annualRollupColumns().stream().map(c -> "cast(sum(r." + c + ") as bigint) as " + c).collect(java.util.stream.Collectors.joining(", "))
            + " from rollup_organisation_country_year r where r.organisation_id = o.id and r.year = :year) r"
            + " cross join lateral (select bit_count(cast(bit_or(r.months) as bit(12))) as months_recorded"
            + " from rollup_organisation_year r where r.organisation_id = o.id and r.year = :year) y"
            + " where o.member and o.deleted_at is null and m.country_code = :country order by o.name, o.id";

    private static List<String> annualRollupColumns() {
        List<String> columns = new java.util.ArrayList<>(Facts.MEASURES);
        for (var m : org.youthwork.logbook.session.Method.values()) {
            columns.add(methodColumn(m));
        }
        for (var t : org.youthwork.logbook.session.Theme.values()) {
            columns.add(themeColumn(t));
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
    private final SnapshotLane lane;

    OverviewQueries(EntityManager em, SnapshotLane lane) {
        this.em = em;
        this.lane = lane;
    }

    /** The queries of one answer read one snapshot: call first in its transaction. */
    void snapshot() {
        Snapshot.begin(em);
    }

    /**
     * From the sessions of the days [from, until): totals and the breakdowns by setting, month, municipality and
     * region, and by the set of methods and of themes a session has (at most 127 and 511 rows),
     * which the service spreads onto each code.
     */
    List<Tuple> facts(Level level, String code, LocalDate from, LocalDate until) {
        return run(FACTS.replace("AREA", areaCondition(level)), code, from, until, Map.of());
    }

    /** From the rollups, for the whole years and months of the cuts (the days around them are not read). */
    List<Tuple> rollupFacts(Level level, String code, Cuts cuts) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("code", code));
        String totals = ROLLUP_TOTALS.replace("TOTALS", ROLLUP_TOTAL_PARTS.union(cuts, params))
                .replace("CELLS", ROLLUP_CELL_PARTS.union(cuts, params)).replace("AREA", areaCondition(level));
        List<Tuple> rows = new java.util.ArrayList<>(run(totals, params));
        rows.addAll(run(ROLLUP_BREAKDOWNS.replace("AREA", areaCondition(level)), code, cuts.monthsFrom(), cuts.monthsUntil(), Map.of()));
        return rows;
    }

    /** The country's overview version (V011): the sum of its rows, 0 before its first change. */
    long version(String country) {
        Object sum = em.createNativeQuery("select coalesce(sum(version), 0) from overview_version where country_code = :country")
                .setParameter("country", country).getSingleResult();
        return ((Number) sum).longValue();
    }

    /**
     * Indicator 2.2.3 of the area over the cuts of its period (see {@link #INDICATOR}); months count up to the first
     * day of countedUntil's month, none of them when counting is false. Started on a lane of the answer's snapshot,
     * as it is the longest of an overview's queries; read its rows when the others are done.
     */
    SnapshotLane.Result<List<Tuple>> indicator(Level level, String code, Cuts cuts, LocalDate countedUntil, boolean counting,
                                               int required) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("countedYear", countedUntil.getYear(),
                "countedMonth", countedUntil.getMonthValue(), "counting", counting, "required", required, "code", code));
        String sql = INDICATOR.replace("PARTS", RECORDED.union(cuts, params)).replace("AREA", areaCondition(level));
        return lane.start(em, c -> jdbc(c, sql, params));
    }

    /** One page of the organisations with sessions in the area, after a row with their total (see {@link #ORGANISATIONS}). */
    List<Tuple> organisations(Level level, String code, Cuts cuts, int limit, long offset) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("limit", limit, "offset", offset, "code", code));
        String sql = ORGANISATIONS.replace("PARTS", held(level).union(cuts, params)).replace("AREA", areaCondition(level));
        return run(sql, params);
    }

    /** A named parameter ({@code :code}), not a cast ({@code ::}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

    /** The rows of a query with named parameters on a plain connection, as {@link #run} gives them through Hibernate. */
    static List<Tuple> jdbc(Connection c, String sql, Map<String, Object> params) throws SQLException {
        List<Object> values = new java.util.ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            if (!params.containsKey(m.group(1))) {
                throw new IllegalArgumentException("No value for :" + m.group(1));
            }
            values.add(params.get(m.group(1)));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        try (PreparedStatement ps = c.prepareStatement(positional.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                String[] aliases = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < aliases.length; i++) {
                    aliases[i] = rs.getMetaData().getColumnLabel(i + 1);
                }
                Rows rows = new Rows();
                List<Tuple> result = new java.util.ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[aliases.length];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    result.add(rows.transformTuple(row, aliases));
                }
                return result;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> run(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql).unwrap(NativeQuery.class).setTupleTransformer(new Rows());
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    List<Tuple> annual(String country, Period period) {
        return run(ANNUAL, null, period.from(), period.until(), Map.of("country", country));
    }

    List<Tuple> rollupAnnual(String country, int year) {
        return run(ROLLUP_ANNUAL, Map.of("country", country, "year", year));
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
        var query = em.createNativeQuery(sql).unwrap(NativeQuery.class).setTupleTransformer(new Rows())
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
