package org.youthwork.logbook.overview;

import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.QueryParams;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A period of whole days, both ends inclusive, of at most ten years. */
public record Period(LocalDate from, LocalDate to) {

    static final int MAX_YEARS = 10;

    /** From the query parameters; a missing end is taken from the other end's calendar year, or from this year. */
    static Period parse(String fromParam, String toParam, LocalDate today) {
        LocalDate from = QueryParams.date("from", fromParam);
        LocalDate to = QueryParams.date("to", toParam);
        int year = from != null ? from.getYear() : to != null ? to.getYear() : today.getYear();
        from = from != null ? from : LocalDate.of(year, 1, 1);
        to = to != null ? to : LocalDate.of(year, 12, 31);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from (" + from + ")");
        }
        if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            throw ProblemException.invalid("to", "the period must be at most " + MAX_YEARS + " years");
        }
        return new Period(from, to);
    }

    static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The first day after the period: queries use half-open ranges. */
    LocalDate until() {
        return to.plusDays(1);
    }

    /** Every calendar month the period touches, in order. */
    List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
