package org.youthwork.logbook.organisation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.area.AreaService;
import org.youthwork.logbook.area.Municipality;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.QueryParams.Paging;
import org.youthwork.logbook.system.Versions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganisationService {

    private final AreaService areas;
    private final Clock clock;

    OrganisationService(AreaService areas, Clock clock) {
        this.areas = areas;
        this.clock = clock;
    }

    @Transactional
    public OrganisationResponse create(OrganisationRequest request) {
        Municipality municipality = municipality(request.municipalityCode());
        Organisation o = new Organisation();
        o.id = UUID.randomUUID();
        o.createdAt = now();
        apply(o, request, municipality);
        o.persistAndFlush();
        return OrganisationResponse.from(o);
    }

    public OrganisationResponse get(UUID id) {
        Organisation o = find(id).orElseThrow(() -> ProblemException.notFound("The organisation"));
        return OrganisationResponse.from(o);
    }

    public Optional<Organisation> find(UUID id) {
        return id == null ? Optional.empty() : Organisation.findByIdOptional(id);
    }

    @Transactional
    public OrganisationResponse replace(UUID id, OrganisationRequest request, String ifMatch) {
        Organisation o = find(id).orElseThrow(() -> ProblemException.notFound("The organisation"));
        Versions.requireMatch(ifMatch, o.version);
        Municipality municipality = municipality(request.municipalityCode());
        apply(o, request, municipality);
        o.persistAndFlush();
        return OrganisationResponse.from(o);
    }

    public Page<OrganisationResponse> list(String country, String municipalityCode, Boolean member, Paging paging) {
        if (country != null) {
            areas.requireCountry(country, "country");
        }
        if (municipalityCode != null && areas.municipality(municipalityCode).isEmpty()) {
            throw ProblemException.invalid("municipalityCode", "unknown municipality");
        }
        PanacheQuery<Organisation> query = Organisation.find(
                "(:country is null or municipality.countryCode = :country)"
                        + " and (:municipality is null or municipality.code = :municipality)"
                        + " and (:member is null or member = :member)",
                Sort.by("name").and("id"),
                Parameters.with("country", country).and("municipality", municipalityCode).and("member", member));
        var items = query.page(paging.page(), paging.size()).list();
        return new Page<>(items, paging.page(), paging.size(), query.count())
                .map(OrganisationResponse::from);
    }

    private void apply(Organisation o, OrganisationRequest request, Municipality municipality) {
        o.name = request.name().strip();
        o.type = request.type();
        o.municipality = municipality;
        o.member = request.member();
        o.updatedAt = now();
    }

    private Municipality municipality(String code) {
        return areas.municipality(code).orElseThrow(() -> ProblemException.invalid("municipalityCode",
                "unknown municipality; the codes are listed at GET /api/v1/municipalities"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
