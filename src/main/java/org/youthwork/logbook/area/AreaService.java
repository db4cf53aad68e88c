package org.youthwork.logbook.area;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.QueryParams.Paging;

import java.util.Optional;

/** Reads of the reference data; it changes only through migrations. */
@ApplicationScoped
public class AreaService {

    public Page<Country> countries(Paging paging) {
        return page(Country.findAll(Sort.by("code")), paging);
    }

    public Page<Region> regions(String country, Paging paging) {
        if (country == null) {
            return page(Region.findAll(Sort.by("code")), paging);
        }
        requireCountry(country, "country");
        return page(Region.find("countryCode", Sort.by("code"), country), paging);
    }

    public Page<Municipality> municipalities(String country, String region, Paging paging) {
        if (country != null) {
            requireCountry(country, "country");
        }
        if (region != null && Region.findByIdOptional(region).isEmpty()) {
            throw ProblemException.invalid("region", "unknown region");
        }
        String query = "(:country is null or countryCode = :country) and (:region is null or regionCode = :region)";
        return page(Municipality.find(query, Sort.by("code"),
                Parameters.with("country", country).and("region", region)), paging);
    }

    public Optional<Municipality> municipality(String code) {
        return code == null ? Optional.empty() : Municipality.findByIdOptional(code);
    }

    public void requireCountry(String code, String field) {
        if (Country.findByIdOptional(code).isEmpty()) {
            throw ProblemException.invalid(field, "unknown country; known are the ISO codes of GET /api/v1/countries");
        }
    }

    private static <T> Page<T> page(PanacheQuery<T> query, Paging paging) {
        return new Page<>(query.page(paging.page(), paging.size()).list(), paging.page(), paging.size(), query.count());
    }
}
