package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.account.Caller;
import org.youthwork.logbook.account.Role;
import org.youthwork.logbook.area.AreaService;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;
import org.youthwork.logbook.system.QueryParams;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The months each member organisation recorded in, for the network's completeness grid of indicator 2.2.3. */
@ApplicationScoped
public class MonthsRecordedService {

    private final OverviewQueries queries;
    private final AreaService areas;
    private final Caller caller;
    private final Clock clock;

    MonthsRecordedService(OverviewQueries queries, AreaService areas, Caller caller, Clock clock) {
        this.queries = queries;
        this.areas = areas;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public MonthsRecorded monthsRecorded(String country, String yearParam) {
        queries.snapshot();
        if (country == null || country.isEmpty()) {
            throw ProblemException.invalid("country", "is required, e.g. SI");
        }
        areas.requireCountry(country, "country");
        if (!caller.is(Role.ADMIN) && !(caller.is(Role.NETWORK_COORDINATOR) && country.equals(caller.country()))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The months recorded by the members in " + country
                    + " are for its network coordinator and administrators.");
        }
        Integer year = QueryParams.wholeNumber("year", yearParam);
        if (year == null) {
            year = LocalDate.now(clock).getYear();
        } else if (year < 2000 || year > 9999) {
            throw ProblemException.invalid("year", "must be a year from 2000 to 9999");
        }
        Period period = Period.year(year);
        List<MonthsRecorded.Row> rows = queries.monthsRecorded(country, period).stream().map(MonthsRecordedService::row).toList();
        return new MonthsRecorded(country, year, period.from(), period.to(), rows);
    }

    private static MonthsRecorded.Row row(Tuple r) {
        String joined = r.get("months", String.class);
        List<String> months = joined == null ? List.of() : Arrays.asList(joined.split(","));
        return new MonthsRecorded.Row(OverviewQueries.uuid(r.get("organisation_id")), r.get("name", String.class),
                r.get("municipality_code", String.class), r.get("municipality", String.class), months, months.size());
    }
}
