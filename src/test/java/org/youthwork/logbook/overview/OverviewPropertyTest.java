package org.youthwork.logbook.overview;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hundreds of random sessions logged through the API in a test country (XP), some edited and some deleted; then every
 * figure of every overview and of the annual analysis is checked against sums this test makes itself from what it
 * sent. The generator is seeded ({@code -Doverview.seed=...} tries another world), so a failure can be replayed.
 */
@QuarkusTest
class OverviewPropertyTest {

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
    }

    private static final String[] MUNICIPALITIES = {"XP-A1", "XP-A2", "XP-B1", "XP-B2"};
    private static final String[] METHODS = {"STREET", "DIGITAL", "INFORMAL_GROUP", "OPEN", "GROUP_PROGRAMME", "EVENT", "COUNSELLING"};
    private static final String[] THEMES = {"AUTONOMY", "NON_FORMAL_LEARNING", "EMPLOYMENT", "FEWER_OPPORTUNITIES",
            "VOLUNTEERING", "MOBILITY", "HEALTH", "CULTURE", "PARTICIPATION"};
    private static final String[] SETTINGS = {"YOUTH_CENTRE", "PUBLIC_SPACE", "ONLINE", "SCHOOL", "OTHER"};
    private static final String[] BANDS = {"UNDER_15", "15-19", "20-24", "25-29", "OVER_29"};
    private static final String[] GENDERS = {"FEMALE", "MALE", "OTHER"};
    private static final int YEAR = 2025;

    /** An organisation of the test world: where it is based, whether it is a member, the months it is active in. */
    record Org(String id, String name, String municipality, boolean member, Set<Integer> months) {
    }

    /** What the test sent for a session, as it stands after edits. */
    record Logged(String id, Org org, String municipality, LocalDate date, int minutes, int workers, List<String> methods,
                  List<String> themes, String setting, Map<String, Integer> counts, int firstTimers, int unorganised,
                  int fewer, boolean youthLed) {
        int participants() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        int band(String band) {
            return counts.entrySet().stream().filter(e -> e.getKey().startsWith(band + "/")).mapToInt(Map.Entry::getValue).sum();
        }

        int gender(String gender) {
            return counts.entrySet().stream().filter(e -> e.getKey().endsWith("/" + gender)).mapToInt(Map.Entry::getValue).sum();
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void shouldAgreeWithSumsOfWhatWasLogged() {
        long seed = Long.getLong("overview.seed", 20261123L);
        Random random = new Random(seed);
        TestAreas.create(db, "XP");
        List<Org> orgs = List.of(
                org("Busy member", "XP-A1", true, allMonths()),
                org("Spring member", "XP-A2", true, Set.of(1, 2, 3, 4, 5)),
                org("Nine-month member", "XP-B1", true, Set.of(1, 2, 3, 4, 5, 6, 9, 10, 11)),
                org("Eight-month member", "XP-B1", true, Set.of(1, 2, 3, 4, 5, 6, 9, 10)),
                org("Non-member", "XP-B2", false, allMonths()),
                org("Silent member", "XP-B2", true, Set.of()));
        List<Org> active = orgs.stream().filter(o -> !o.months().isEmpty()).toList();

        Map<String, Logged> logged = new LinkedHashMap<>();
        for (int i = 0; i < 320; i++) {
            Logged s = randomSession(random, UUID.randomUUID().toString(), active.get(random.nextInt(active.size())));
            given().contentType(ContentType.JSON).body(body(s)).post("/api/v1/sessions").then().statusCode(201);
            logged.put(s.id(), s);
        }
        List<String> ids = new ArrayList<>(logged.keySet());
        for (int i = 0; i < 40; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            if (!logged.containsKey(id)) {
                continue;
            }
            if (random.nextBoolean()) {
                given().delete("/api/v1/sessions/{id}", id).then().statusCode(204);
                logged.remove(id);
            } else {
                String etag = given().get("/api/v1/sessions/{id}", id).then().statusCode(200).extract().header("ETag");
                Logged edited = randomSession(random, id, logged.get(id).org());
                given().contentType(ContentType.JSON).header("If-Match", etag).body(body(edited))
                        .put("/api/v1/sessions/{id}", id).then().statusCode(200);
                logged.put(id, edited);
            }
        }
        List<Logged> sessions = List.copyOf(logged.values());

        for (LocalDate[] period : List.of(
                new LocalDate[] {LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)},
                new LocalDate[] {LocalDate.of(YEAR, 3, 10), LocalDate.of(YEAR, 8, 20)})) {
            for (String m : MUNICIPALITIES) {
                check("municipalities/" + m, s -> s.municipality().equals(m), o -> o.municipality().equals(m), sessions, orgs, period, seed);
            }
            for (String r : List.of("XP1", "XP2")) {
                String prefix = r.equals("XP1") ? "XP-A" : "XP-B";
                check("regions/" + r, s -> s.municipality().startsWith(prefix), o -> o.municipality().startsWith(prefix),
                        sessions, orgs, period, seed);
            }
            check("countries/XP", s -> true, o -> true, sessions, orgs, period, seed);
            for (Org org : orgs) {
                check("organisations/" + org.id(), s -> s.org().equals(org), o -> o.equals(org), sessions, orgs, period, seed);
            }
        }
        checkAnnualAnalysis(sessions, orgs, seed);
        checkRollupsAgreeWithTheSessions();
    }

    @Inject
    OverviewService overviews;

    @Inject
    AnnualAnalysisService annualAnalyses;

    @Inject
    org.youthwork.logbook.account.Caller caller;

    /** The rollups answer whole months; the reference answers from the sessions alone: both must be equal, always. */
    private void checkRollupsAgreeWithTheSessions() {
        var context = io.quarkus.arc.Arc.container().requestContext();
        context.activate();
        try {
            caller.actAsSystem();
            List<String[]> areas = List.of(new String[] {"MUNICIPALITY", "XP-A1"}, new String[] {"MUNICIPALITY", "XP-B2"},
                    new String[] {"REGION", "XP1"}, new String[] {"REGION", "XP2"}, new String[] {"COUNTRY", "XP"});
            List<Period> periods = List.of(new Period(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)),
                    new Period(LocalDate.of(YEAR, 3, 10), LocalDate.of(YEAR, 8, 20)),
                    new Period(LocalDate.of(YEAR, 2, 1), LocalDate.of(YEAR, 2, 28)),
                    new Period(LocalDate.of(YEAR, 6, 2), LocalDate.of(YEAR, 6, 29)),
                    new Period(LocalDate.of(YEAR - 1, 12, 15), LocalDate.of(YEAR + 1, 1, 15)));
            for (String[] area : areas) {
                for (Period period : periods) {
                    Overview.Level level = Overview.Level.valueOf(area[0]);
                    assertEquals(overviews.reference(level, area[1], period), overviews.overview(level, area[1], period),
                            "rollups and sessions disagree for " + area[1] + " " + period);
                }
            }
            for (int year : new int[] {YEAR - 1, YEAR}) {
                assertEquals(annualAnalyses.reference("XP", year), annualAnalyses.analysis("XP", String.valueOf(year)),
                        "rollup and sessions disagree for the annual analysis of " + year);
            }
        } finally {
            context.terminate();
        }
    }

    private void check(String area, Predicate<Logged> heldInArea, Predicate<Org> basedInArea, List<Logged> all,
                       List<Org> orgs, LocalDate[] period, long seed) {
        LocalDate from = period[0];
        LocalDate to = period[1];
        List<Logged> in = all.stream().filter(heldInArea).filter(s -> !s.date().isBefore(from) && !s.date().isAfter(to)).toList();
        JsonPath o = exact(given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/overviews/" + area).then().statusCode(200).extract().asString());
        String at = area + " " + from + ".." + to + " (seed " + seed + "): ";

        assertEquals(in.size(), o.getLong("totals.sessions"), at + "sessions");
        assertEquals(sum(in, Logged::minutes), o.getLong("totals.minutes"), at + "minutes");
        assertHours(sum(in, Logged::minutes), o, "totals.hours", at + "hours");
        assertEquals(sum(in, s -> s.minutes() * s.workers()), o.getLong("totals.youthWorkerMinutes"), at + "worker minutes");
        assertHours(sum(in, s -> s.minutes() * s.workers()), o, "totals.youthWorkerHours", at + "worker hours");
        assertEquals(sum(in, Logged::participants), o.getLong("totals.participants"), at + "participants");
        assertEquals(sum(in, Logged::firstTimers), o.getLong("totals.firstTimeParticipants"), at + "first-timers");
        assertEquals(sum(in, Logged::unorganised), o.getLong("totals.unorganisedYouth"), at + "unorganised");
        assertEquals(sum(in, Logged::fewer), o.getLong("totals.fewerOpportunities"), at + "fewer opportunities");
        List<Logged> led = in.stream().filter(Logged::youthLed).toList();
        assertEquals(led.size(), o.getLong("totals.youthLedSessions"), at + "youth-led sessions");
        assertEquals(sum(led, Logged::minutes), o.getLong("totals.youthLedMinutes"), at + "youth-led minutes");
        for (String band : BANDS) {
            assertEquals(sum(in, s -> s.band(band)), o.getLong("byAgeBand.'" + band + "'"), at + "age band " + band);
        }
        for (String gender : GENDERS) {
            assertEquals(sum(in, s -> s.gender(gender)), o.getLong("byGender." + gender), at + "gender " + gender);
        }
        for (int i = 0; i < METHODS.length; i++) {
            String method = METHODS[i];
            List<Logged> with = in.stream().filter(s -> s.methods().contains(method)).toList();
            assertEquals(method, o.getString("byMethod[" + i + "].method"));
            assertRow(with, o, "byMethod[" + i + "]", at + "method " + method);
        }
        for (int i = 0; i < THEMES.length; i++) {
            String theme = THEMES[i];
            assertEquals(theme, o.getString("byTheme[" + i + "].theme"));
            assertRow(in.stream().filter(s -> s.themes().contains(theme)).toList(), o, "byTheme[" + i + "]", at + "theme " + theme);
        }
        for (int i = 0; i < SETTINGS.length; i++) {
            String setting = SETTINGS[i];
            assertRow(in.stream().filter(s -> s.setting().equals(setting)).toList(), o, "bySetting[" + i + "]", at + "setting " + setting);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        assertEquals(months.size(), o.getList("byMonth").size(), at + "months");
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = months.get(i);
            assertEquals(month.toString(), o.getString("byMonth[" + i + "].month"));
            assertRow(in.stream().filter(s -> YearMonth.from(s.date()).equals(month)).toList(), o, "byMonth[" + i + "]", at + month);
        }
        if (area.startsWith("organisations/")) {
            checkOrganisation(in, o, months, at);
            return;
        }
        Map<String, List<Logged>> byOrg = in.stream().collect(Collectors.groupingBy(s -> s.org().id()));
        assertEquals(byOrg.size(), o.getList("byOrganisation").size(), at + "organisations");
        assertEquals(byOrg.size(), o.getLong("organisationsTotal"), at + "organisations total");
        for (int i = 0; i < byOrg.size(); i++) {
            String org = o.getString("byOrganisation[" + i + "].organisationId");
            assertRow(byOrg.get(org), o, "byOrganisation[" + i + "]", at + "organisation " + org);
        }
        if (!area.startsWith("municipalities/")) {
            List<Map<String, Object>> rows = o.getList("byMunicipality");
            for (int i = 0; i < rows.size(); i++) {
                String code = o.getString("byMunicipality[" + i + "].code");
                assertRow(in.stream().filter(s -> s.municipality().equals(code)).toList(), o, "byMunicipality[" + i + "]", at + code);
            }
            assertEquals(in.size(), rows.stream().mapToLong(r -> ((Number) r.get("sessions")).longValue()).sum(), at + "municipalities add up");
        }
        if (area.startsWith("countries/")) {
            assertRow(in.stream().filter(s -> s.municipality().startsWith("XP-A")).toList(), o, "byRegion[0]", at + "XP1");
            assertRow(in.stream().filter(s -> s.municipality().startsWith("XP-B")).toList(), o, "byRegion[1]", at + "XP2");
        }

        // Indicator 2.2.3: member organisations based in the area, their sessions wherever held.
        List<Org> members = orgs.stream().filter(Org::member).filter(basedInArea).toList();
        int required = (int) Math.ceil(0.75 * months.size());
        Map<String, Set<YearMonth>> recordedMonths = new HashMap<>();
        for (Logged s : all) {
            if (members.contains(s.org()) && !s.date().isBefore(from) && !s.date().isAfter(to)) {
                recordedMonths.computeIfAbsent(s.org().id(), k -> new TreeSet<>()).add(YearMonth.from(s.date()));
            }
        }
        long regular = recordedMonths.values().stream().filter(m -> m.size() >= required).count();
        assertEquals(members.size(), o.getLong("indicator223.memberOrganisations"), at + "members");
        assertEquals(recordedMonths.size(), o.getLong("indicator223.recordingOrganisations"), at + "recording");
        assertEquals(regular, o.getLong("indicator223.regularlyRecordingOrganisations"), at + "regular");
        assertEquals(required, o.getInt("indicator223.regularMonthsRequired"), at + "required months");
        assertEquals(members.isEmpty() ? 0.0 : (double) regular / members.size(), o.getDouble("indicator223.value"), 1e-9, at + "value");
        assertEquals(in.stream().map(Logged::municipality).distinct().count(), o.getLong("indicator223.municipalitiesCovered"), at + "covered");
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = months.get(i);
            assertEquals(recordedMonths.values().stream().filter(m -> m.contains(month)).count(),
                    o.getLong("indicator223.completeness[" + i + "].recordingOrganisations"), at + "completeness " + month);
        }
        // The periods are in the past: every month counts, and asOf is the period's end.
        assertEquals(months.size(), o.getInt("indicator223.monthsCounted"), at + "months counted");
        assertEquals(to.toString(), o.getString("indicator223.asOf"), at + "as of");
        List<String> notRegular = members.stream()
                .filter(m -> recordedMonths.getOrDefault(m.id(), Set.of()).size() < required)
                .sorted(java.util.Comparator.<Org>comparingInt(m -> recordedMonths.getOrDefault(m.id(), Set.of()).size())
                        .thenComparing(Org::name))
                .map(Org::id).toList();
        assertEquals(notRegular, o.getList("indicator223.notRegular.organisationId"), at + "not regular");
        for (int i = 0; i < notRegular.size(); i++) {
            assertEquals(recordedMonths.getOrDefault(notRegular.get(i), Set.of()).size(),
                    o.getInt("indicator223.notRegular[" + i + "].monthsRecorded"), at + "not regular months " + notRegular.get(i));
        }
    }

    /** An organisation's own overview: its sessions wherever held, the municipalities it worked in, its months. */
    private static void checkOrganisation(List<Logged> own, JsonPath o, List<YearMonth> months, String at) {
        assertEquals("ORGANISATION", o.getString("area.level"), at + "level");
        org.junit.jupiter.api.Assertions.assertNull(o.get("byOrganisation"), at + "no byOrganisation");
        List<String> worked = own.stream().map(Logged::municipality).distinct().sorted().toList();
        assertEquals(worked, o.getList("byMunicipality.code"), at + "municipalities worked in");
        for (int i = 0; i < worked.size(); i++) {
            String code = worked.get(i);
            assertRow(own.stream().filter(s -> s.municipality().equals(code)).toList(), o, "byMunicipality[" + i + "]", at + code);
        }
        long recorded = own.stream().map(s -> YearMonth.from(s.date())).distinct().count();
        int required = (int) Math.ceil(0.75 * months.size());
        assertEquals(recorded, o.getLong("indicator223.monthsRecorded"), at + "months recorded");
        assertEquals(required, o.getInt("indicator223.regularMonthsRequired"), at + "required months");
        assertEquals(recorded >= required, o.getBoolean("indicator223.regular"), at + "regular");
        assertEquals(months.size(), o.getInt("indicator223.monthsCounted"), at + "months counted");
        org.junit.jupiter.api.Assertions.assertNull(o.get("indicator223.memberOrganisations"), at + "no member counts");
        org.junit.jupiter.api.Assertions.assertNull(o.get("indicator223.notRegular"), at + "no other organisations");
    }

    private void checkAnnualAnalysis(List<Logged> all, List<Org> orgs, long seed) {
        JsonPath a = exact(given().queryParam("country", "XP").queryParam("year", YEAR).get("/api/v1/reports/annual-analysis")
                .then().statusCode(200).extract().asString());
        List<Org> members = orgs.stream().filter(Org::member).toList();
        assertEquals(members.size(), a.getList("organisations").size(), "annual analysis rows (seed " + seed + ")");
        for (int i = 0; i < members.size(); i++) {
            String id = a.getString("organisations[" + i + "].organisationId");
            List<Logged> own = all.stream().filter(s -> s.org().id().equals(id)).toList();
            String row = "organisations[" + i + "].";
            String at = "annual analysis " + id + " (seed " + seed + "): ";
            assertEquals(own.size(), a.getLong(row + "sessions"), at + "sessions");
            assertEquals(sum(own, Logged::minutes), a.getLong(row + "minutes"), at + "minutes");
            assertEquals(sum(own, s -> s.minutes() * s.workers()), a.getLong(row + "youthWorkerMinutes"), at + "worker minutes");
            assertEquals(sum(own, Logged::participants), a.getLong(row + "participants"), at + "participants");
            for (String band : BANDS) {
                assertEquals(sum(own, s -> s.band(band)), a.getLong(row + "participantsByAgeBand.'" + band + "'"), at + band);
            }
            for (String gender : GENDERS) {
                assertEquals(sum(own, s -> s.gender(gender)), a.getLong(row + "participantsByGender." + gender), at + gender);
            }
            for (String method : METHODS) {
                assertEquals(own.stream().filter(s -> s.methods().contains(method)).count(), a.getLong(row + "sessionsByMethod." + method), at + method);
            }
            for (String theme : THEMES) {
                assertEquals(own.stream().filter(s -> s.themes().contains(theme)).count(), a.getLong(row + "sessionsByTheme." + theme), at + theme);
            }
            assertEquals(own.stream().filter(Logged::youthLed).count(), a.getLong(row + "youthLedSessions"), at + "youth-led");
            assertEquals(own.stream().map(s -> YearMonth.from(s.date())).distinct().count(), a.getLong(row + "monthsRecorded"), at + "months");
            assertEquals(sum(own, Logged::firstTimers), a.getLong(row + "firstTimeParticipants"), at + "first-timers");
            assertEquals(sum(own, Logged::unorganised), a.getLong(row + "unorganisedYouth"), at + "unorganised");
            assertEquals(sum(own, Logged::fewer), a.getLong(row + "fewerOpportunities"), at + "fewer opportunities");
        }
    }

    /** Numbers as BigDecimal, so that an hour figure is compared digit for digit. */
    private static JsonPath exact(String json) {
        return new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static void assertHours(long minutes, JsonPath o, String path, String what) {
        BigDecimal expected = new BigDecimal(hours(minutes));
        BigDecimal actual = o.get(path);
        assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + " but was " + actual);
    }

    private static void assertRow(List<Logged> expected, JsonPath o, String row, String what) {
        assertEquals(expected.size(), o.getLong(row + ".sessions"), what + " sessions");
        assertEquals(sum(expected, Logged::minutes), o.getLong(row + ".minutes"), what + " minutes");
        assertHours(sum(expected, Logged::minutes), o, row + ".hours", what + " hours");
        assertEquals(sum(expected, Logged::participants), o.getLong(row + ".participants"), what + " participants");
    }

    private static Logged randomSession(Random random, String id, Org org) {
        List<Integer> months = new ArrayList<>(new TreeSet<>(org.months()));
        int month = months.get(random.nextInt(months.size()));
        LocalDate date = LocalDate.of(YEAR, month, 1 + random.nextInt(YearMonth.of(YEAR, month).lengthOfMonth()));
        String municipality = random.nextInt(10) < 7 ? org.municipality() : MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)];
        Map<String, Integer> counts = new LinkedHashMap<>();
        int pairs = 1 + random.nextInt(5);
        for (int i = 0; i < pairs; i++) {
            counts.put(BANDS[random.nextInt(BANDS.length)] + "/" + GENDERS[random.nextInt(GENDERS.length)], random.nextInt(31));
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new Logged(id, org, municipality, date, 1 + random.nextInt(300), 1 + random.nextInt(4),
                distinct(random, METHODS, 1 + random.nextInt(3)), distinct(random, THEMES, 1 + random.nextInt(3)),
                SETTINGS[random.nextInt(SETTINGS.length)], counts, random.nextInt(total + 1), random.nextInt(total + 1),
                random.nextInt(total + 1), random.nextInt(5) == 0);
    }

    private static Map<String, Object> body(Logged s) {
        Map<String, Object> body = Api.session(s.org().id());
        body.put("id", s.id());
        body.put("municipalityCode", s.municipality());
        body.put("date", s.date().toString());
        body.put("durationMinutes", s.minutes());
        body.put("youthWorkers", s.workers());
        body.put("methods", s.methods());
        body.put("themes", s.themes());
        body.put("setting", s.setting());
        body.put("participants", s.counts().entrySet().stream().map(e -> {
            String[] pair = e.getKey().split("/");
            return Api.participant(pair[0], pair[1], e.getValue());
        }).toList());
        body.put("firstTimeParticipants", s.firstTimers());
        body.put("unorganisedYouth", s.unorganised());
        body.put("fewerOpportunities", s.fewer());
        body.put("youthLed", s.youthLed());
        body.put("youngLeaders", s.youthLed() ? 1 : 0);
        return body;
    }

    private static List<String> distinct(Random random, String[] codes, int n) {
        List<String> pool = new ArrayList<>(List.of(codes));
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    private static Org org(String name, String municipality, boolean member, Set<Integer> months) {
        return new Org(Api.createOrganisation(name, municipality, member), name, municipality, member, months);
    }

    private static Set<Integer> allMonths() {
        Set<Integer> months = new TreeSet<>();
        for (int m = 1; m <= 12; m++) {
            months.add(m);
        }
        return months;
    }

    private static long sum(List<Logged> sessions, java.util.function.ToIntFunction<Logged> value) {
        return sessions.stream().mapToLong(value::applyAsInt).sum();
    }

    private static String hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).toString();
    }
}
