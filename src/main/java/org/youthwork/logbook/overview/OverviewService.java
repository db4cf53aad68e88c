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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        Map<UUID, Set<String>> recorded = new HashMap<>();
        Facts facts = gather(level, code, period, fromSessionsOnly, recorded, false);
        List<OrganisationRow> organisations = byOrganisation(facts.rows("ORGANISATION"));
        boolean capped = level != Level.MUNICIPALITY && organisations.size() > TOP_ORGANISATIONS;
        boolean closed = closedPeriods.allClosed(found.country(), period.from().getYear(), period.to().getYear());
        return assemble(found.ref(), period, closed, facts,
                capped ? organisations.subList(0, TOP_ORGANISATIONS) : organisations, (long) organisations.size(),
                level == Level.MUNICIPALITY ? null : areaRows(municipalities(level, code), facts),
                level == Level.COUNTRY ? areaRows(regions(code), facts, "REGION") : null,
                indicator(level, code, period, recorded, facts.rows("MUNICIPALITY").size()));
    }

    /** Regions and countries list this many organisations in byOrganisation; the rest is paged. */
    public static final int TOP_ORGANISATIONS = 50;

    /** Every organisation with sessions in the area and period, in the order of byOrganisation, one page of them. */
    @Transactional
    public Page<OrganisationRow> organisations(Level level, String code, Period period, QueryParams.Paging paging) {
        List<OrganisationRow> all = allOrganisations(level, code, period);
        int from = (int) Math.min(all.size(), (long) paging.offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + paging.size())), paging.page(), paging.size(), all.size());
    }

    /** Every organisation with sessions in the area and period, in the order of byOrganisation. */
    @Transactional
    public List<OrganisationRow> allOrganisations(Level level, String code, Period period) {
        queries.snapshot();
        visibleArea(level, code);
        return byOrganisation(gather(level, code, period, false, new HashMap<>(), true).rows("ORGANISATION"));
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

    /**
     * The sums of the area and period: whole months from the rollups, the days around them from the sessions. With
     * organisationsOnly, only what byOrganisation needs; otherwise recorded gets the months of each member organisation.
     */
    private Facts gather(Level level, String code, Period period, boolean fromSessionsOnly, Map<UUID, Set<String>> recorded,
                         boolean organisationsOnly) {
        Facts facts = new Facts();
        for (Span span : spans(period, fromSessionsOnly)) {
            if (span.rollup()) {
                if (!organisationsOnly) {
                    facts.addRollup(queries.rollupFacts(level, code, span.from(), span.until()));
                }
                for (Span part : wholeYears(span)) {
                    if (part.rollup()) {
                        facts.addOrganisations(queries.yearOrganisations(level, code, part.from(), part.until()));
                        if (!organisationsOnly) {
                            addRecorded(recorded, queries.yearRecordedMonths(level, code, part.from(), part.until()));
                        }
                    } else {
                        facts.addOrganisations(queries.rollupOrganisations(level, code, part.from(), part.until()));
                        if (!organisationsOnly) {
                            addRecorded(recorded, queries.rollupRecordedMonths(level, code, part.from(), part.until()));
                        }
                    }
                }
            } else {
                facts.addSessions(queries.facts(level, code, span.from(), span.until()));
                if (!organisationsOnly) {
                    addRecorded(recorded, queries.recordedMonths(level, code, span.from(), span.until()));
                }
            }
        }
        return facts;
    }

    /**
     * A stretch of the period, half-open. Of a period: whole months (rollup: true, from the rollups) or days around
     * them (from the sessions). Of whole months, for the organisation rollups: whole years (rollup: true, from the
     * year rollup) or the months around them.
     */
    private record Span(LocalDate from, LocalDate until, boolean rollup) {
    }

    private static List<Span> spans(Period period, boolean fromSessionsOnly) {
        if (fromSessionsOnly) {
            return List.of(new Span(period.from(), period.until(), false));
        }
        LocalDate firstMonth = period.from().getDayOfMonth() == 1 ? period.from() : period.from().withDayOfMonth(1).plusMonths(1);
        return cut(period.from(), period.until(), firstMonth, YearMonth.from(period.until()).atDay(1));
    }

    private static List<Span> wholeYears(Span months) {
        LocalDate firstYear = months.from().getDayOfYear() == 1 ? months.from() : months.from().withDayOfYear(1).plusYears(1);
        return cut(months.from(), months.until(), firstYear, months.until().withDayOfYear(1));
    }

    /** [from, until) cut into the part before firstWhole, [firstWhole, untilWhole) (rollup: true) and the part after. */
    private static List<Span> cut(LocalDate from, LocalDate until, LocalDate firstWhole, LocalDate untilWhole) {
        if (!firstWhole.isBefore(untilWhole)) {
            return List.of(new Span(from, until, false));
        }
        List<Span> parts = new ArrayList<>();
        if (from.isBefore(firstWhole)) {
            parts.add(new Span(from, firstWhole, false));
        }
        parts.add(new Span(firstWhole, untilWhole, true));
        if (untilWhole.isBefore(until)) {
            parts.add(new Span(untilWhole, until, false));
        }
        return parts;
    }

    private static void addRecorded(Map<UUID, Set<String>> recorded, List<Tuple> rows) {
        for (Tuple row : rows) {
            Set<String> months = recorded.computeIfAbsent(OverviewQueries.uuid(row.get("organisation_id")), o -> new HashSet<>());
            for (String month : row.get("months", String.class).split(",")) {
                if (!month.isEmpty()) {
                    months.add(month);
                }
            }
        }
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

    private Indicator223 indicator(Level level, String code, Period period, Map<UUID, Set<String>> recorded,
                                   long municipalitiesCovered) {
        List<Tuple> members = queries.members(level, code);
        Counted counted = counted(period);
        int required = counted.required();
        long regular = 0;
        List<NotRegular> notRegular = new ArrayList<>();
        for (Tuple member : members) {
            UUID id = OverviewQueries.uuid(member.get("organisation_id"));
            int months = (int) recorded.getOrDefault(id, Set.of()).stream().filter(counted.keys()::contains).count();
            if (!counted.months().isEmpty() && months >= required) {
                regular++;
            } else {
                notRegular.add(new NotRegular(id, member.get("name", String.class), months));
            }
        }
        notRegular.sort(Comparator.comparingInt(NotRegular::monthsRecorded).thenComparing(NotRegular::name)
                .thenComparing(NotRegular::organisationId));
        Map<String, Long> perMonth = new HashMap<>();
        recorded.values().forEach(months -> months.forEach(m -> perMonth.merge(m, 1L, Long::sum)));
        List<Completeness> completeness = period.months().stream()
                .map(m -> new Completeness(m.toString(), perMonth.getOrDefault(m.toString(), 0L)))
                .toList();
        long count = members.size();
        return new Indicator223(count, (long) recorded.size(), regular, null, required, null,
                count == 0 ? 0 : (double) regular / count, counted.asOf(), counted.months().size(), municipalitiesCovered,
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

    private static List<OrganisationRow> byOrganisation(Map<String, Facts.Row> rows) {
        return rows.entrySet().stream()
                .map(e -> new OrganisationRow(UUID.fromString(e.getKey()), e.getValue().name, e.getValue().get("sessions"),
                        hours(e.getValue().get("minutes")), e.getValue().get("minutes"), e.getValue().get("participants")))
                .sorted(Comparator.comparingLong(OrganisationRow::sessions).reversed()
                        .thenComparing(OrganisationRow::name).thenComparing(OrganisationRow::organisationId))
                .toList();
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
