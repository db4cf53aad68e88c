package org.youthwork.logbook.organisation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.account.Caller;
import org.youthwork.logbook.account.Role;
import org.youthwork.logbook.area.AreaService;
import org.youthwork.logbook.audit.AuditEntry;
import org.youthwork.logbook.audit.AuditLog;
import org.youthwork.logbook.area.Municipality;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;
import org.youthwork.logbook.system.QueryParams.Paging;
import org.youthwork.logbook.system.Versions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.UUID;

@ApplicationScoped
public class OrganisationService {

    private final AreaService areas;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationService(AreaService areas, Caller caller, AuditLog audit, Clock clock) {
        this.areas = areas;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public OrganisationResponse create(OrganisationRequest request) {
        requireAdministrator();
        Municipality municipality = municipality(request.municipalityCode());
        Organisation o = new Organisation();
        o.id = UUID.randomUUID();
        o.createdAt = now();
        apply(o, request, municipality);
        o.persistAndFlush();
        OrganisationResponse created = OrganisationResponse.from(o);
        audit.record(AuditEntry.Type.ORGANISATION, o.id, AuditEntry.Action.CREATE, null, created);
        return created;
    }

    public OrganisationResponse get(UUID id) {
        return OrganisationResponse.from(visible(id));
    }

    /** Loads these organisations into the transaction's persistence context in one query; {@link #find} then reads none. */
    public void preload(Collection<UUID> ids) {
        Set<UUID> distinct = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (!distinct.isEmpty()) {
            Organisation.list("id in ?1", distinct);
        }
    }

    public Optional<Organisation> find(UUID id) {
        return id == null ? Optional.empty() : Organisation.findByIdOptional(id);
    }

    @Transactional
    public OrganisationResponse replace(UUID id, OrganisationRequest request, String ifMatch) {
        Organisation o = visible(id);
        requireAdministrator();
        Versions.requireMatch(ifMatch, o.version);
        Municipality municipality = municipality(request.municipalityCode());
        OrganisationResponse before = OrganisationResponse.from(o);
        apply(o, request, municipality);
        o.persistAndFlush();
        OrganisationResponse after = OrganisationResponse.from(o);
        audit.record(AuditEntry.Type.ORGANISATION, o.id, AuditEntry.Action.UPDATE, before, after);
        return after;
    }

    public Page<OrganisationResponse> list(String country, String municipalityCode, Boolean member, Paging paging) {
        if (country != null) {
            areas.requireCountry(country, "country");
        }
        if (municipalityCode != null && areas.municipality(municipalityCode).isEmpty()) {
            throw ProblemException.invalid("municipalityCode", "unknown municipality");
        }
        Role role = caller.role();
        if (role == null || role == Role.MUNICIPALITY) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A municipality sees aggregates only.");
        }
        UUID own = role == Role.YOUTH_WORKER || role == Role.ORGANISATION_LEAD ? caller.organisationId() : null;
        String ownCountry = role == Role.NETWORK_COORDINATOR ? caller.country() : null;
        if ((own == null && role != Role.NETWORK_COORDINATOR && role != Role.ADMIN) || (ownCountry == null && role == Role.NETWORK_COORDINATOR)) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0); // a token that names no scope sees nothing
        }
        PanacheQuery<Organisation> query = Organisation.find(
                "(:country is null or municipality.countryCode = :country)"
                        + " and (:municipality is null or municipality.code = :municipality)"
                        + " and (:member is null or member = :member)"
                        + " and (:own is null or id = :own)"
                        + " and (:ownCountry is null or municipality.countryCode = :ownCountry)",
                Sort.by("name").and("id"),
                Parameters.with("country", country).and("municipality", municipalityCode).and("member", member)
                        .and("own", own).and("ownCountry", ownCountry));
        var items = query.page(paging.page(), paging.size()).list();
        return new Page<>(items, paging.page(), paging.size(), query.count())
                .map(OrganisationResponse::from);
    }

    /** The organisation if the caller may see it; 404 otherwise, so that its existence does not leak. */
    private Organisation visible(UUID id) {
        return find(id).filter(o -> caller.canSee(o.id, o.municipality.countryCode))
                .orElseThrow(() -> ProblemException.notFound("The organisation"));
    }

    private void requireAdministrator() {
        if (!caller.is(Role.ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only administrators create and change organisations.");
        }
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
