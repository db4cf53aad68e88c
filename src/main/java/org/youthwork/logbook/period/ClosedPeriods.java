package org.youthwork.logbook.period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.youthwork.logbook.account.Caller;
import org.youthwork.logbook.account.Role;
import org.youthwork.logbook.area.AreaService;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Years a network coordinator has closed for its country, e.g. once the annual analysis is reported: sessions of
 * organisations of that country dated in a closed year can no longer be created, changed or deleted.
 */
@ApplicationScoped
public class ClosedPeriods {

    @Schema(name = "ClosedPeriod")
    public record ClosedPeriod(@Schema(examples = "SI") String country, @Schema(examples = "2026") Integer year, Instant closedAt) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final AreaService areas;
    private final Clock clock;

    ClosedPeriods(EntityManager em, Caller caller, AreaService areas, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.areas = areas;
        this.clock = clock;
    }

    @Transactional
    public ClosedPeriod close(String country, Integer year) {
        if (country == null) {
            throw ProblemException.invalid("country", "is required");
        }
        if (year == null || year < 2000 || year > LocalDate.now(clock).getYear()) {
            throw ProblemException.invalid("year", "must be a year from 2000 to this year");
        }
        areas.requireCountry(country, "country");
        if (!caller.is(Role.ADMIN) && !(caller.is(Role.NETWORK_COORDINATOR) && country.equals(caller.country()))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the network coordinator of " + country
                    + " or an administrator closes its periods.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int inserted = em.createNativeQuery("insert into closed_period (country_code, year, closed_at, closed_by)"
                        + " values (:country, :year, :at, :by) on conflict do nothing")
                .setParameter("country", country).setParameter("year", year).setParameter("at", now)
                .setParameter("by", caller.accountId()).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("The period " + country + " " + year + " is closed already.");
        }
        return new ClosedPeriod(country, year, now);
    }

    @Transactional
    public void reopen(String country, int year) {
        if (!caller.is(Role.ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only an administrator reopens a closed period.");
        }
        int deleted = em.createNativeQuery("delete from closed_period where country_code = :country and year = :year")
                .setParameter("country", country).setParameter("year", year).executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("The closed period " + country + " " + year);
        }
    }

    /** 409 naming the period when the date falls in a closed year of the country. */
    public void requireOpen(String country, LocalDate date) {
        if (closedYears(country, date.getYear(), date.getYear()) > 0) {
            throw closed(country, date);
        }
    }

    /** Every closed period, as {@code "SI 2018"}: read once to check many sessions. */
    public Set<String> closedNow() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select country_code, year from closed_period")
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        Set<String> closed = new HashSet<>();
        rows.forEach(r -> closed.add(r[0] + " " + r[1]));
        return closed;
    }

    /** As {@link #requireOpen(String, LocalDate)}, against the periods of {@link #closedNow()}. */
    public static void requireOpen(Set<String> closed, String country, LocalDate date) {
        if (closed.contains(country + " " + date.getYear())) {
            throw closed(country, date);
        }
    }

    private static ProblemException closed(String country, LocalDate date) {
        return ProblemException.conflict("The period " + country + " " + date.getYear()
                + " is closed: its sessions can no longer be created, changed or deleted.");
    }

    /** Whether every year from the first to the last is closed for the country. */
    public boolean allClosed(String country, int firstYear, int lastYear) {
        return closedYears(country, firstYear, lastYear) == lastYear - firstYear + 1;
    }

    public List<ClosedPeriod> list(String country) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select country_code, year, closed_at from closed_period"
                + " where country_code = :country order by year").setParameter("country", country).getResultList();
        return rows.stream().map(r -> new ClosedPeriod((String) r[0], ((Number) r[1]).intValue(),
                r[2] instanceof Instant i ? i : ((java.time.OffsetDateTime) r[2]).toInstant())).toList();
    }

    private long closedYears(String country, int firstYear, int lastYear) {
        return ((Number) em.createNativeQuery("select count(*) from closed_period where country_code = :country"
                        + " and year between :first and :last")
                // Reads only closed_period: no need to flush every pending session before it.
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("country", country).setParameter("first", firstYear).setParameter("last", lastYear)
                .getSingleResult()).longValue();
    }
}
