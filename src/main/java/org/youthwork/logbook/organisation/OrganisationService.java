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

    /**
     * Loads these organisations into the transaction's persistence context in one query; {@link #find} then reads none.
     * Locked as {@link #lockLive} locks them: sessions are about to be logged for them.
     */
    public void preload(Collection<UUID> ids) {
        Set<UUID> distinct = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (!distinct.isEmpty()) {
            em().createNativeQuery("select id from organisation where id in (:ids) order by id for key share")
                    .setParameter("ids", distinct).getResultList();
            Organisation.list("id in ?1", distinct);
        }
    }

    /** A live organisation: a deleted or merged one is found by no read. */
    public Optional<Organisation> find(UUID id) {
        return findIncludingDeleted(id).filter(o -> o.deletedAt == null);
    }

    /** Also a deleted or merged one: for the history of what was logged for it. */
    public Optional<Organisation> findIncludingDeleted(UUID id) {
        return id == null ? Optional.empty() : Organisation.findByIdOptional(id);
    }

    /**
     * Whether the organisation is live, read and locked until the transaction ends: call before logging a session or
     * creating an account for it. A merge or delete locks the row for update first, so the two are one after the
     * other: either the merge finds the new session and moves it, or this finds the organisation gone. The row is read
     * here, after the lock, whatever the persistence context holds.
     */
    public boolean lockLive(UUID id) {
        return id != null && !em().createNativeQuery("select id from organisation where id = :id and deleted_at is null for key share")
                .setParameter("id", id).getResultList().isEmpty();
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
                        + " and (:ownCountry is null or municipality.countryCode = :ownCountry)"
                        + " and deletedAt is null",
                Sort.by("name").and("id"),
                Parameters.with("country", country).and("municipality", municipalityCode).and("member", member)
                        .and("own", own).and("ownCountry", ownCountry));
        var items = query.page(paging.page(), paging.size()).list();
        return new Page<>(items, paging.page(), paging.size(), query.count())
                .map(OrganisationResponse::from);
    }

    /**
     * Deletes an organisation without sessions: its row stays, for the audit trail, and no read finds it any more. One
     * with live sessions is a duplicate to merge; one with accounts keeps them until they are moved (by a merge) or
     * deleted, as deleting them here would lock people out as a side effect. Deleted sessions count as none: they are
     * in no figure, and stay with the deleted organisation for their history.
     */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        visible(id);
        requireAdministrator();
        Organisation o = lockForUpdate(List.of(id)).get(id);
        if (o == null) {
            throw ProblemException.notFound("The organisation");
        }
        Versions.checkMatch(ifMatch, o.version);
        long sessions = count("select count(*) from youth_session where organisation_id = :id and deleted_at is null", id);
        if (sessions > 0) {
            throw ProblemException.conflict("The organisation has " + sessions + (sessions == 1 ? " session" : " sessions")
                    + ": if it duplicates another organisation, merge it into that one"
                    + " (POST /api/v1/organisations/" + id + "/merge), which moves its sessions and accounts.");
        }
        long accounts = count("select count(*) from account where organisation_id = :id and deleted_at is null", id);
        if (accounts > 0) {
            throw ProblemException.conflict("The organisation has " + accounts + (accounts == 1 ? " account" : " accounts")
                    + ": delete them first, or merge the organisation into the one they should belong to"
                    + " (POST /api/v1/organisations/" + id + "/merge).");
        }
        OrganisationResponse before = OrganisationResponse.from(o);
        o.deletedAt = now();
        o.updatedAt = o.deletedAt;
        audit.record(AuditEntry.Type.ORGANISATION, id, AuditEntry.Action.DELETE, before, null);
    }

    /**
     * Locks these organisations' rows for update, in id order (two merges of the same pair never deadlock), and answers
     * the live ones among them, read after the lock.
     */
    java.util.Map<UUID, Organisation> lockForUpdate(Collection<UUID> ids) {
        em().createNativeQuery("select id from organisation where id in (:ids) order by id for update")
                .setParameter("ids", Set.copyOf(ids)).getResultList();
        java.util.Map<UUID, Organisation> live = new java.util.HashMap<>();
        for (UUID id : ids) {
            Organisation o = Organisation.findById(id);
            if (o != null) {
                em().refresh(o);
                if (o.deletedAt == null) {
                    live.put(id, o);
                }
            }
        }
        return live;
    }

    long count(String sql, UUID id) {
        return ((Number) em().createNativeQuery(sql).setParameter("id", id).getSingleResult()).longValue();
    }

    private static jakarta.persistence.EntityManager em() {
        return Organisation.getEntityManager();
    }

    /** The organisation if the caller may see it; 404 otherwise, so that its existence does not leak. */
    Organisation visible(UUID id) {
        return find(id).filter(o -> caller.canSee(o.id, o.municipality.countryCode))
                .orElseThrow(() -> ProblemException.notFound("The organisation"));
    }

    void requireAdministrator() {
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

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
