package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;

/** The months each member organisation recorded in, for the network's completeness grid of indicator 2.2.3. */
@ApplicationScoped
public class MonthsRecordedService {

    private final OverviewQueries queries;
    private final CountryYear countryYear;

    MonthsRecordedService(OverviewQueries queries, CountryYear countryYear) {
        this.queries = queries;
        this.countryYear = countryYear;
    }

    @Transactional
    public MonthsRecorded monthsRecorded(String country, String yearParam) {
        queries.snapshot();
        int year = countryYear.year(country, yearParam, forbidden(country));
        Period period = Period.year(year);
        List<MonthsRecorded.Row> rows = queries.monthsRecorded(country, period).stream().map(MonthsRecordedService::row).toList();
        return new MonthsRecorded(country, year, period.from(), period.to(), rows);
    }

    /** The version of all the grid shows, once the caller may read it. */
    public long version(String country, String yearParam) {
        return countryYear.version(country, yearParam, forbidden(country));
    }

    private static String forbidden(String country) {
        return "The months recorded by the members in " + country + " are for its network coordinator and administrators.";
    }

    private static MonthsRecorded.Row row(Tuple r) {
        String joined = r.get("months", String.class);
        List<String> months = joined == null ? List.of() : Arrays.asList(joined.split(","));
        return new MonthsRecorded.Row(OverviewQueries.uuid(r.get("organisation_id")), r.get("name", String.class),
                r.get("municipality_code", String.class), r.get("municipality", String.class), months, months.size());
    }
}
