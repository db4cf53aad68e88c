package org.youthwork.logbook.overview;

import java.time.LocalDate;

/**
 * A period cut where the rollups can answer for it, all bounds half-open and in order: the days [from, monthsFrom)
 * and [monthsUntil, until) come from the sessions, the whole months [monthsFrom, yearsFrom) and
 * [yearsUntil, monthsUntil) from the month rollups, the whole years [yearsFrom, yearsUntil) from the year rollup. An
 * empty part has equal bounds.
 */
record Cuts(LocalDate from, LocalDate monthsFrom, LocalDate yearsFrom, LocalDate yearsUntil, LocalDate monthsUntil,
            LocalDate until) {

    static Cuts of(Period period) {
        LocalDate from = period.from();
        LocalDate until = period.until();
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate untilMonth = until.withDayOfMonth(1);
        if (!firstMonth.isBefore(untilMonth)) {
            return sessionsOnly(period);
        }
        LocalDate firstYear = firstMonth.getDayOfYear() == 1 ? firstMonth : firstMonth.withDayOfYear(1).plusYears(1);
        LocalDate untilYear = untilMonth.withDayOfYear(1);
        if (!firstYear.isBefore(untilYear)) {
            return new Cuts(from, firstMonth, untilMonth, untilMonth, untilMonth, until);
        }
        return new Cuts(from, firstMonth, firstYear, untilYear, untilMonth, until);
    }

    /** The whole period from the sessions, as the plain query reads it. */
    static Cuts sessionsOnly(Period period) {
        LocalDate until = period.until();
        return new Cuts(period.from(), until, until, until, until, until);
    }

    boolean hasMonths() {
        return monthsFrom.isBefore(monthsUntil);
    }
}
