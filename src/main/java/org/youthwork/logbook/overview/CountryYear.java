package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.account.Caller;
import org.youthwork.logbook.account.Role;
import org.youthwork.logbook.area.AreaService;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;
import org.youthwork.logbook.system.QueryParams;

import java.time.Clock;
import java.time.LocalDate;

/** The country and year a network's yearly report asks for, checked the same way for each of those reports. */
@ApplicationScoped
class CountryYear {

    private final AreaService areas;
    private final Caller caller;
    private final Clock clock;
    private final OverviewQueries queries;

    CountryYear(AreaService areas, Caller caller, Clock clock, OverviewQueries queries) {
        this.areas = areas;
        this.caller = caller;
        this.clock = clock;
        this.queries = queries;
    }

    /** The version of all a yearly report of the country shows (the country's, see OverviewTags), once checked as year does. */
    @Transactional
    long version(String country, String yearParam, String forbidden) {
        year(country, yearParam, forbidden);
        return queries.version(country);
    }

    /**
     * The year asked for (this year when none is), once the country is known and the caller is its network
     * coordinator or an administrator.
     *
     * @param forbidden what anyone else is told
     */
    int year(String country, String yearParam, String forbidden) {
        if (country == null || country.isEmpty()) {
            throw ProblemException.invalid("country", "is required, e.g. SI");
        }
        areas.requireCountry(country, "country");
        if (!caller.is(Role.ADMIN) && !(caller.is(Role.NETWORK_COORDINATOR) && country.equals(caller.country()))) {
            throw new ProblemException(ProblemType.FORBIDDEN, forbidden);
        }
        Integer year = QueryParams.wholeNumber("year", yearParam);
        if (year == null) {
            return LocalDate.now(clock).getYear();
        }
        if (year < 2000 || year > 9999) {
            throw ProblemException.invalid("year", "must be a year from 2000 to 9999");
        }
        return year;
    }
}
