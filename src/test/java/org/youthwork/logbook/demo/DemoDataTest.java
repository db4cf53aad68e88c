package org.youthwork.logbook.demo;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.session.SessionRequest;
import org.youthwork.logbook.session.SessionRulesValidator;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a development start stores as demo data, checked on its plan: a development start writes real centres into
 * the database it is given, so it cannot run in the tests' shared one. The same seed as {@code loadAll}'s, for a few
 * days of the year, among them a turn of the year and the end of a quarter.
 */
class DemoDataTest {

    private static final List<LocalDate> TODAYS = List.of(
            LocalDate.of(2026, 12, 2), LocalDate.of(2027, 1, 15), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 9, 10),
            LocalDate.of(2027, 5, 20));
    private static final int SEASONAL = 3;
    private static final int LATE_STARTER = 6;
    private static final int QUARTERLY = 9;

    @Test
    void shouldCoverTheLastFourteenMonthsUpToYesterday() throws IOException {
        for (LocalDate today : TODAYS) {
            List<DemoData.Planned> plan = plan(today);
            LocalDate first = plan.stream().map(p -> p.request().date()).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = plan.stream().map(p -> p.request().date()).max(LocalDate::compareTo).orElseThrow();
            assertFalse(first.isBefore(today.minusMonths(14)), today + ": first session " + first);
            assertTrue(first.isBefore(today.minusMonths(14).plusDays(7)), today + ": first session " + first);
            assertTrue(last.isBefore(today), today + ": last session " + last + " is not before today");
            assertFalse(last.isBefore(today.minusDays(7)), today + ": last session " + last);
            Map<YearMonth, Set<Integer>> centresByMonth = new HashMap<>();
            plan.forEach(p -> centresByMonth.computeIfAbsent(YearMonth.from(p.request().date()), m -> new HashSet<>()).add(p.centre()));
            // Every whole month of the fourteen, by most centres (one closes over the summer, one began late).
            for (int back = 1; back <= 13; back++) {
                YearMonth month = YearMonth.from(today).minusMonths(back);
                int centres = centresByMonth.getOrDefault(month, Set.of()).size();
                assertTrue(centres >= DemoData.centres().size() - 3, today + ": only " + centres + " centres recorded in " + month);
            }
        }
    }

    @Test
    void shouldLeaveTheSeasonalCentreSilentInSummerAndFebruaryAndTheLateStarterBeforeFiveMonthsAgo() throws IOException {
        for (LocalDate today : TODAYS) {
            List<DemoData.Planned> plan = plan(today);
            Set<Integer> seasonalMonths = plan.stream().filter(p -> p.centre() == SEASONAL)
                    .map(p -> p.request().date().getMonthValue()).collect(Collectors.toSet());
            assertFalse(seasonalMonths.contains(7) || seasonalMonths.contains(8) || seasonalMonths.contains(2),
                    today + ": the seasonal centre recorded in months " + seasonalMonths);
            assertTrue(seasonalMonths.size() >= 6, today + ": the seasonal centre recorded in months " + seasonalMonths);

            LocalDate began = today.minusMonths(5).withDayOfMonth(1);
            List<LocalDate> late = plan.stream().filter(p -> p.centre() == LATE_STARTER).map(p -> p.request().date()).toList();
            assertTrue(late.stream().noneMatch(d -> d.isBefore(began)), today + ": the late starter recorded before " + began);
            assertTrue(late.stream().map(YearMonth::from).distinct().count() >= 4, today + ": the late starter recorded in too few months");
        }
    }

    /** Indicator 2.2.3 of the current year, as the default overview computes it: ⌈0.75 × months so far⌉ months recorded. */
    @Test
    void shouldMakeMostCentresRecordRegularlyThisYearButNotAll() throws IOException {
        for (LocalDate today : TODAYS) {
            int monthsSoFar = today.getMonthValue();
            int required = (3 * monthsSoFar + 3) / 4;
            Map<Integer, Set<YearMonth>> recorded = new HashMap<>();
            for (DemoData.Planned p : plan(today)) {
                if (p.request().date().getYear() == today.getYear()) {
                    recorded.computeIfAbsent(p.centre(), c -> new HashSet<>()).add(YearMonth.from(p.request().date()));
                }
            }
            int centres = DemoData.centres().size();
            List<Integer> notRegular = new ArrayList<>();
            for (int c = 0; c < centres; c++) {
                if (recorded.getOrDefault(c, Set.of()).size() < required) {
                    notRegular.add(c);
                }
            }
            assertTrue(notRegular.size() <= centres / 3, today + ": not regular " + notRegular + " of " + centres);
            assertTrue(notRegular.contains(QUARTERLY), today + ": the quarterly recorder is regular, and in spring the indicator's "
                    + "list of those not recording regularly would be empty: " + notRegular);
        }
    }

    @Test
    void shouldPassTheSessionRules() throws IOException {
        for (LocalDate today : TODAYS) {
            Clock clock = Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            try (ValidatorFactory factory = validators(clock)) {
                Validator validator = factory.getValidator();
                for (DemoData.Planned p : plan(today)) {
                    Set<ConstraintViolation<SessionRequest>> violations = validator.validate(p.request());
                    assertEquals(Set.of(), violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .collect(Collectors.toSet()), today + ": " + p.request());
                }
            }
        }
    }

    @Test
    void shouldPlanTheSameSessionsForTheSameSeed() throws IOException {
        LocalDate today = TODAYS.get(0);
        List<UUID> centres = centres();
        assertEquals(DemoData.plan(today, new Random(2026), centres), DemoData.plan(today, new Random(2026), centres));
    }

    private static List<DemoData.Planned> plan(LocalDate today) throws IOException {
        return DemoData.plan(today, new Random(2026), centres());
    }

    private static List<UUID> centres() throws IOException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < DemoData.centres().size(); i++) {
            ids.add(new UUID(0, i));
        }
        return ids;
    }

    /** Hibernate Validator outside Quarkus, with the cross-field rules' validator on a fixed clock. */
    private static ValidatorFactory validators(Clock clock) {
        var configuration = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator());
        ConstraintValidatorFactory defaults = configuration.getDefaultConstraintValidatorFactory();
        Function<Class<?>, ConstraintValidator<?, ?>> rules = type -> new SessionRulesValidator(() -> clock);
        return configuration.constraintValidatorFactory(new ConstraintValidatorFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                return key == SessionRulesValidator.class ? (T) rules.apply(key) : defaults.getInstance(key);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
                defaults.releaseInstance(instance);
            }
        }).buildValidatorFactory();
    }
}
