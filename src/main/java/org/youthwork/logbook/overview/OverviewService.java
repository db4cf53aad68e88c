package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.account.Caller;
import org.youthwork.logbook.area.Country;
import org.youthwork.logbook.area.Municipality;
import org.youthwork.logbook.area.Region;
import org.youthwork.logbook.organisation.Organisation;
import org.youthwork.logbook.overview.Overview.AreaRef;
import org.youthwork.logbook.overview.Overview.AreaRow;
import org.youthwork.logbook.overview.Overview.Completeness;
import org.youthwork.logbook.overview.Overview.Indicator223;
import org.youthwork.logbook.overview.Overview.Level;
import org.youthwork.logbook.overview.Overview.MethodRow;
import org.youthwork.logbook.overview.Overview.MonthRow;
import org.youthwork.logbook.overview.Overview.NotRegular;
import org.youthwork.logbook.overview.Overview.OrganisationRow;
import org.youthwork.logbook.overview.Overview.SettingRow;
import org.youthwork.logbook.overview.Overview.ThemeRow;
import org.youthwork.logbook.overview.Overview.Totals;
import org.youthwork.logbook.period.ClosedPeriods;
import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Setting;
import org.youthwork.logbook.session.Theme;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;
import org.youthwork.logbook.system.QueryParams;
import org.youthwork.logbook.system.SnapshotLane;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Assembles overviews. The whole months of a period come from the rollups (a row per municipality and month), the days
 * before the first and after the last whole month from the sessions themselves; the work per answer is per row,
 * never per session. {@link #reference} answers from the sessions alone: the rollups must always agree with it.
 */
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

    @Transactional
    public Overview overview(Level level, String code, Period period) {
        return overview(level, code, period, false);
    }

    /** The overview computed from the sessions alone, as the rollups must reproduce it. */
    @Transactional
    Overview reference(Level level, String code, Period period) {
        return overview(level, code, period, true);
    }

    private Overview overview(Level level, String code, Period period, boolean fromSessionsOnly) {
        queries.snapshot();
        Area found = visibleArea(level, code);
        Cuts cuts = fromSessionsOnly ? Cuts.sessionsOnly(period) : Cuts.of(period);
        Counted counted = counted(period);
        SnapshotLane.Result<List<Tuple>> indicator = queries.indicator(level, code, cuts, countedUntil(period, counted),
                !counted.months().isEmpty(), counted.required());
        Facts facts = gather(level, code, cuts);
        Page<OrganisationRow> organisations = organisations(level, code, cuts,
                level == Level.MUNICIPALITY ? Integer.MAX_VALUE : TOP_ORGANISATIONS, 0);
        boolean closed = closedPeriods.allClosed(found.country(), period.from().getYear(), period.to().getYear());
        return assemble(found.ref(), period, closed, facts, organisations.items(), organisations.total(),
                level == Level.MUNICIPALITY ? null : areaRows(municipalities(level, code), facts),
                level == Level.COUNTRY ? areaRows(regions(code), facts, "REGION") : null,
                indicator(period, counted, indicator.get(), facts.rows("MUNICIPALITY").size()));
    }

    /** Regions and countries list this many organisations in byOrganisation; the rest is paged. */
    public static final int TOP_ORGANISATIONS = 50;

    /** Every organisation with sessions in the area and period, in the order of byOrganisation, one page of them. */
    @Transactional
    public Page<OrganisationRow> organisations(Level level, String code, Period period, QueryParams.Paging paging) {
        queries.snapshot();
        visibleArea(level, code);
        Page<OrganisationRow> page = organisations(level, code, Cuts.of(period), paging.size(), paging.offset());
        return new Page<>(page.items(), paging.page(), paging.size(), page.total());
    }

    /** Every organisation with sessions in the area and period, in the order of byOrganisation. */
    @Transactional
    public List<OrganisationRow> allOrganisations(Level level, String code, Period period) {
        queries.snapshot();
        visibleArea(level, code);
        return organisations(level, code, Cuts.of(period), Integer.MAX_VALUE, 0).items();
    }

    /** A page of byOrganisation, in its order, with the number of all its rows. */
    private Page<OrganisationRow> organisations(Level level, String code, Cuts cuts, int limit, long offset) {
        List<Tuple> rows = queries.organisations(level, code, cuts, limit, offset);
        List<OrganisationRow> items = rows.stream().skip(1)
                .map(r -> new OrganisationRow(OverviewQueries.uuid(r.get("organisation_id")), r.get("name", String.class),
                        number(r, "sessions"), hours(r, "minutes"), number(r, "minutes"), number(r, "participants")))
                .toList();
        return new Page<>(items, 0, limit, number(rows.get(0), "total"));
    }

    /**
     * An organisation's own overview: its sessions wherever held. One organisation's sessions are few (hundreds a
     * year), so they are summed in PostgreSQL straight from the sessions, by the organisation index; the rollups have
     * no row per organisation and setting.
     */
    @Transactional
    public Overview organisation(UUID id, Period period) {
        queries.snapshot();
        Organisation organisation = visibleOrganisation(id);
        String country = organisation.municipality.countryCode;
        Facts facts = new Facts();
        facts.addSessions(queries.facts(Level.ORGANISATION, id.toString(), period.from(), period.until()));
        Counted counted = counted(period);
        int months = (int) facts.rows("MONTH").keySet().stream().filter(counted.keys()::contains).count();
        int required = counted.required();
        Indicator223 indicator = new Indicator223(null, null, null, months, required,
                counted.months().size() > 0 && months >= required, null, counted.asOf(), counted.months().size(),
                null, null, null);
        Map<String, String> names = new LinkedHashMap<>();
        facts.rows("MUNICIPALITY").keySet().stream().sorted()
                .forEach(code -> names.put(code, Municipality.<Municipality>findById(code).name));
        boolean closed = closedPeriods.allClosed(country, period.from().getYear(), period.to().getYear());
        return assemble(new AreaRef(Level.ORGANISATION, id.toString(), organisation.name), period, closed, facts, null, null,
                areaRows(names, facts), null, indicator);
    }

    private Overview assemble(AreaRef ref, Period period, boolean closed, Facts facts, List<OrganisationRow> organisations,
                              Long organisationsTotal, List<AreaRow> municipalities, List<AreaRow> regions,
                              Indicator223 indicator) {
        Facts.Row total = facts.total();
        return new Overview(ref, period.from(), period.to(), closed, totals(total), byAgeBand(total), byGender(total),
                byAgeBandAndGender(total),
                Arrays.stream(Method.values()).map(m -> {
                    Facts.Row r = facts.get("METHOD", m.name());
                    return new MethodRow(m, r.get("sessions"), hours(r.get("minutes")), r.get("minutes"), r.get("participants"));
                }).toList(),
                Arrays.stream(Theme.values()).map(t -> {
                    Facts.Row r = facts.get("THEME", t.name());
                    return new ThemeRow(t, r.get("sessions"), hours(r.get("minutes")), r.get("minutes"), r.get("participants"));
                }).toList(),
                Arrays.stream(Setting.values()).map(s -> {
                    Facts.Row r = facts.get("SETTING", s.name());
                    return new SettingRow(s, r.get("sessions"), hours(r.get("minutes")), r.get("minutes"), r.get("participants"));
                }).toList(),
                period.months().stream().map(m -> {
                    Facts.Row r = facts.get("MONTH", m.toString());
                    return new MonthRow(m.toString(), r.get("sessions"), hours(r.get("minutes")), r.get("minutes"), r.get("participants"));
                }).toList(),
                organisations, organisationsTotal, municipalities, regions, indicator);
    }

    /**
     * The version of everything an overview of the area (or organisation: id) can show, once the caller may see it
     * (404, 403 as for the overview): its country's, which every change an overview shows bumps in its transaction.
     * Read before the overview's own snapshot, it never labels an older answer than the one it is sent with.
     */
    @Transactional
    public long version(Level level, String code) {
        String country = level == Level.ORGANISATION
                ? visibleOrganisation(QueryParams.pathId(code)).municipality.countryCode
                : visibleArea(level, code).country();
        return queries.version(country);
    }

    private Organisation visibleOrganisation(UUID id) {
        Organisation organisation = Organisation.<Organisation>findByIdOptional(id)
                .filter(o -> o.deletedAt == null)
                .orElseThrow(() -> ProblemException.notFound("The organisation " + id));
        if (!caller.canSee(id, organisation.municipality.countryCode)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You may not see the overview of this organisation.");
        }
        return organisation;
    }

    /** The area, when the caller may see its aggregates: 404 when there is no such area, 403 when out of scope. */
    private Area visibleArea(Level level, String code) {
        Area found = area(level, code);
        if (!caller.canSeeArea(level == Level.MUNICIPALITY ? code : null, found.country())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You may not see the overview of this area.");
        }
        return found;
    }

    /** The sums of the area and period: whole months from the municipality rollups, the days around them from the sessions. */
    private Facts gather(Level level, String code, Cuts cuts) {
        Facts facts = new Facts();
        if (cuts.from().isBefore(cuts.monthsFrom())) {
            facts.addSessions(queries.facts(level, code, cuts.from(), cuts.monthsFrom()));
        }
        if (cuts.hasMonths()) {
            facts.addRollup(queries.rollupFacts(level, code, cuts));
        }
        if (cuts.monthsUntil().isBefore(cuts.until())) {
            facts.addSessions(queries.facts(level, code, cuts.monthsUntil(), cuts.until()));
        }
        return facts;
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
            case ORGANISATION -> throw new IllegalArgumentException("An organisation is not an area");
        };
        if (area == null) {
            throw ProblemException.notFound("The " + level.name().toLowerCase() + " " + code);
        }
        return area;
    }

    /**
     * The months indicator 2.2.3 counts: those of the period from its first up to and including the current month
     * (service time zone); none when the period begins after today. asOf is the last day counted.
     */
    record Counted(LocalDate asOf, List<YearMonth> months, Set<String> keys) {

        /** ⌈0.75 × months⌉ in whole numbers, so that no floating point decides a borderline case. */
        int required() {
            return (3 * months.size() + 3) / 4;
        }
    }

    Counted counted(Period period) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = period.to().isAfter(today) ? today : period.to();
        List<YearMonth> months = period.from().isAfter(today) ? List.of()
                : period.months().stream().filter(m -> !m.isAfter(YearMonth.from(asOf))).toList();
        Set<String> keys = new HashSet<>();
        months.forEach(m -> keys.add(m.toString()));
        return new Counted(asOf, months, keys);
    }

    /** The first day after the last month counted; the period's first day when none is. */
    private static LocalDate countedUntil(Period period, Counted counted) {
        return counted.months().isEmpty() ? period.from().withDayOfMonth(1)
                : counted.months().get(counted.months().size() - 1).plusMonths(1).atDay(1);
    }

    private Indicator223 indicator(Period period, Counted counted, List<Tuple> rows, long municipalitiesCovered) {
        int required = counted.required();
        long members = 0;
        long regular = 0;
        long recording = 0;
        List<NotRegular> notRegular = new ArrayList<>();
        Map<String, Long> perMonth = new HashMap<>();
        for (Tuple row : rows) {
            switch (row.get("kind", String.class)) {
                case "NOT_REGULAR" -> notRegular.add(new NotRegular(OverviewQueries.uuid(row.get("organisation_id")),
                        row.get("name", String.class), (int) number(row, "n")));
                case "MEMBERS" -> {
                    members = number(row, "n");
                    regular = number(row, "regular");
                }
                case "RECORDING" -> recording = number(row, "n");
                default -> {
                    int year = (int) number(row, "year");
                    for (int month = 1; month <= 12; month++) {
                        perMonth.put(YearMonth.of(year, month).toString(), number(row, String.format("m%02d", month)));
                    }
                }
            }
        }
        List<Completeness> completeness = period.months().stream()
                .map(m -> new Completeness(m.toString(), perMonth.getOrDefault(m.toString(), 0L)))
                .toList();
        return new Indicator223(members, recording, regular, null, required, null,
                members == 0 ? 0 : (double) regular / members, counted.asOf(), counted.months().size(), municipalitiesCovered,
                completeness, notRegular);
    }

    private static Totals totals(Facts.Row t) {
        return new Totals(t.get("sessions"), hours(t.get("minutes")), t.get("minutes"),
                hours(t.get("worker_minutes")), t.get("worker_minutes"), t.get("participants"),
                t.get("first_time"), t.get("unorganised"), t.get("fewer_opportunities"),
                t.get("youth_led_sessions"), hours(t.get("youth_led_minutes")), t.get("youth_led_minutes"));
    }

    private static Map<String, Long> byAgeBand(Facts.Row t) {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (AgeBand band : AgeBand.values()) {
            bands.put(band.code(), t.get(column(band)));
        }
        return bands;
    }

    private static Map<String, Long> byGender(Facts.Row t) {
        Map<String, Long> genders = new LinkedHashMap<>();
        for (Gender gender : Gender.values()) {
            genders.put(gender.code(), t.get(gender.name().toLowerCase()));
        }
        return genders;
    }

    private static Map<String, Map<String, Long>> byAgeBandAndGender(Facts.Row t) {
        Map<String, Map<String, Long>> bands = new LinkedHashMap<>();
        for (AgeBand band : AgeBand.values()) {
            Map<String, Long> genders = new LinkedHashMap<>();
            for (Gender gender : Gender.values()) {
                genders.put(gender.code(), t.get(Facts.cell(band, gender)));
            }
            bands.put(band.code(), genders);
        }
        return bands;
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

    private static List<AreaRow> areaRows(Map<String, String> names, Facts facts) {
        return areaRows(names, facts, "MUNICIPALITY");
    }

    private static List<AreaRow> areaRows(Map<String, String> names, Facts facts, String dimension) {
        List<AreaRow> result = new ArrayList<>();
        names.forEach((code, name) -> {
            Facts.Row r = facts.get(dimension, code);
            result.add(new AreaRow(code, name, r.get("sessions"), hours(r.get("minutes")), r.get("minutes"), r.get("participants")));
        });
        return result;
    }

    /** Reference data, which only a migration changes: read once per area. */
    private final Map<String, Map<String, String>> areaNames = new ConcurrentHashMap<>();

    private Map<String, String> municipalities(Level level, String code) {
        String field = level == Level.REGION ? "regionCode" : "countryCode";
        return areaNames.computeIfAbsent("municipalities of " + code, k -> {
            Map<String, String> names = new LinkedHashMap<>();
            Municipality.<Municipality>list(field + " = ?1 order by code", code).forEach(m -> names.put(m.code, m.name));
            return names;
        });
    }

    private Map<String, String> regions(String country) {
        return areaNames.computeIfAbsent("regions of " + country, k -> {
            Map<String, String> names = new LinkedHashMap<>();
            Region.<Region>list("countryCode = ?1 order by code", country).forEach(r -> names.put(r.code, r.name));
            return names;
        });
    }

    static long number(Tuple row, String column) {
        return row == null ? 0 : Facts.number(row, column);
    }

    static BigDecimal hours(Tuple row, String minutesColumn) {
        return hours(number(row, minutesColumn));
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
