package org.youthwork.logbook.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.account.Caller;
import org.youthwork.logbook.account.Role;
import org.youthwork.logbook.area.AreaService;
import org.youthwork.logbook.audit.AuditEntry;
import org.youthwork.logbook.audit.AuditLog;
import org.youthwork.logbook.period.ClosedPeriods;
import org.youthwork.logbook.area.Municipality;
import org.youthwork.logbook.organisation.Organisation;
import org.youthwork.logbook.organisation.OrganisationService;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;
import org.youthwork.logbook.system.QueryParams.Paging;
import org.youthwork.logbook.system.Snapshot;
import org.youthwork.logbook.system.Versions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SessionService {

    /** The answer to a create: the stored session, and whether this call stored it or found it stored by a retry. */
    public record Created(SessionResponse session, boolean isNew) {
    }

    /** The filters of the session list; null means "any". */
    public record Filter(UUID organisationId, String municipalityCode, LocalDate from, LocalDate to, Method method) {
    }

    private final OrganisationService organisations;
    private final AreaService areas;
    private final Caller caller;
    private final ClosedPeriods closedPeriods;
    private final AuditLog audit;
    private final SessionWriter writer;
    private final EntityManager em;
    private final Clock clock;

    SessionService(OrganisationService organisations, AreaService areas, Caller caller, ClosedPeriods closedPeriods,
                   AuditLog audit, SessionWriter writer, EntityManager em, Clock clock) {
        this.organisations = organisations;
        this.areas = areas;
        this.caller = caller;
        this.closedPeriods = closedPeriods;
        this.audit = audit;
        this.writer = writer;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Created create(SessionRequest request) {
        return store(request);
    }

    /**
     * Stores one session in the caller's transaction. A refusal (a ProblemException) leaves the transaction usable,
     * so that an import can go on with its next line.
     */
    Created store(SessionRequest request) {
        Prepared prepared = prepare(request);
        YouthSession candidate = prepared.session();
        if (!organisations.lockLive(candidate.organisationId)) { // deleted or merged since prepare read it
            throw ProblemException.invalid("organisationId", "unknown organisation");
        }
        if (request.id() != null) {
            // Identical retries may arrive at once (a phone that timed out): they queue on the id, and each
            // one after the first finds the stored session instead of failing on the primary key.
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(:id as text), 0))")
                    .setFlushMode(FlushModeType.COMMIT) // reads no table: no need to flush pending sessions first
                    .setParameter("id", request.id().toString()).getSingleResult();
            YouthSession stored = YouthSession.findById(request.id());
            if (stored != null) {
                return new Created(retried(stored, candidate), false);
            }
        }
        closedPeriods.requireOpen(prepared.country(), candidate.date);
        writer.insert(candidate); // with its audit entry; a refusal by the database is thrown here, not at the commit
        return new Created(SessionResponse.from(candidate), true);
    }

    /** A new session, checked but not written, and the country of its organisation. */
    record Prepared(YouthSession session, String country) {
    }

    /**
     * Checks a new session for {@link #store} and the importer: rules across fields, organisation, municipality and the
     * caller's right to log for it; not the closed period, which the importer checks per batch. The id is the
     * client's or a new one. Nothing is written.
     */
    Prepared prepare(SessionRequest request) {
        YouthSession candidate = new YouthSession();
        Organisation organisation = apply(candidate, request);
        if (!caller.canLogFor(organisation.id)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You may not log sessions for this organisation.");
        }
        candidate.id = request.id() != null ? request.id() : UUID.randomUUID();
        candidate.createdAt = candidate.updatedAt;
        candidate.loggedBy = caller.accountId();
        return new Prepared(candidate, organisation.municipality.countryCode);
    }

    /** Reads the organisations of many sessions in one query, so that checking each session finds its own in memory. */
    void preloadOrganisations(Collection<UUID> ids) {
        organisations.preload(ids);
    }

    /** The stored sessions of these ids, deleted ones too. */
    Map<UUID, YouthSession> stored(Collection<UUID> ids) {
        Map<UUID, YouthSession> found = new HashMap<>();
        YouthSession.<YouthSession>list("id in ?1", ids).forEach(s -> found.put(s.id, s));
        return found;
    }

    public SessionResponse get(UUID id) {
        return SessionResponse.from(visible(active(id)));
    }

    /** Every change to the session, oldest first; also of a deleted session, to those who could see it. */
    public Page<AuditLog.Change> history(UUID id, Paging paging) {
        YouthSession session = YouthSession.findById(id);
        if (session == null) {
            throw ProblemException.notFound("The session");
        }
        visible(session);
        return audit.history(AuditEntry.Type.SESSION, id, paging, () -> SessionResponse.from(session));
    }

    @Transactional
    public SessionResponse replace(UUID id, SessionRequest request, String ifMatch) {
        YouthSession session = correctable(active(id));
        Versions.requireMatch(ifMatch, session.version);
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.invalid("id", "must be the id in the path, or left out");
        }
        YouthSession candidate = new YouthSession();
        Organisation organisation = apply(candidate, request);
        if (!organisations.lockLive(organisation.id)) { // deleted or merged since this request read it
            throw ProblemException.invalid("organisationId", "unknown organisation");
        }
        if (Content.of(candidate).equals(Content.of(session))) {
            return SessionResponse.from(session);
        }
        if (!caller.canCorrect(organisation.id, session.loggedBy)) {
            throw ProblemException.invalid("organisationId", "unknown organisation");
        }
        closedPeriods.requireOpen(country(session.organisationId), session.date);
        closedPeriods.requireOpen(organisation.municipality.countryCode, candidate.date);
        SessionResponse before = SessionResponse.from(session);
        apply(session, request);
        session.flush();
        SessionResponse after = SessionResponse.from(session);
        audit.record(AuditEntry.Type.SESSION, id, AuditEntry.Action.UPDATE, before, after);
        return after;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        YouthSession session = correctable(active(id));
        Versions.checkMatch(ifMatch, session.version);
        closedPeriods.requireOpen(country(session.organisationId), session.date);
        SessionResponse before = SessionResponse.from(session);
        session.deletedAt = now();
        session.updatedAt = session.deletedAt;
        audit.record(AuditEntry.Type.SESSION, id, AuditEntry.Action.DELETE, before, null);
    }

    /**
     * A numbered page with its total, or with a cursor the page after it (no total). One more session than the page
     * holds is read, to tell whether there is a next page. The page and the total come from one snapshot, so the
     * total counts exactly the sessions being paged through.
     */
    @Transactional
    public SessionPage list(Filter filter, Paging paging, SessionCursor after) {
        Snapshot.begin(em);
        Selection selection = selection(filter);
        List<Object> values = new ArrayList<>(selection.values());
        String where = selection.where();
        if (after != null) {
            where += after.condition();
            values.addAll(after.values());
        }
        Query items = em.createNativeQuery("select * from youth_session where " + new Selection(where, values).ordinal()
                + " order by " + Selection.NEWEST_FIRST + " limit ?" + (values.size() + 1) + " offset ?" + (values.size() + 2),
                YouthSession.class);
        for (int i = 0; i < values.size(); i++) {
            items.setParameter(i + 1, values.get(i));
        }
        items.setParameter(values.size() + 1, paging.size() + 1).setParameter(values.size() + 2, after != null ? 0 : paging.offset());
        @SuppressWarnings("unchecked")
        List<YouthSession> found = items.getResultList();
        List<YouthSession> page = found.subList(0, Math.min(found.size(), paging.size()));
        String next = found.size() > paging.size() ? SessionCursor.after(page.get(page.size() - 1)).encode() : null;
        List<SessionResponse> responses = page.stream().map(SessionResponse::from).toList();
        if (after != null) {
            return new SessionPage(responses, null, paging.size(), null, next);
        }
        Query count = em.createNativeQuery("select count(*) from youth_session where " + selection.ordinal(), Long.class);
        for (int i = 0; i < selection.values().size(); i++) {
            count.setParameter(i + 1, selection.values().get(i));
        }
        return new SessionPage(responses, paging.page(), paging.size(), ((Number) count.getSingleResult()).longValue(), next);
    }

    /**
     * The sessions of a list or an export: those the caller may see that pass the filters, as a condition on
     * youth_session with a JDBC placeholder (?) for each value. A municipality sees no single sessions (403).
     */
    record Selection(String where, List<Object> values) {

        static final String NEWEST_FIRST = "held_on desc, start_time desc nulls last, created_at desc, id desc";

        /** The condition with JPA's numbered placeholders (?1, ?2, …) for a native query. */
        String ordinal() {
            StringBuilder numbered = new StringBuilder();
            int n = 0;
            for (char c : where.toCharArray()) {
                numbered.append(c);
                if (c == '?') {
                    numbered.append(++n);
                }
            }
            return numbered.toString();
        }
    }

    Selection selection(Filter filter) {
        StringBuilder where = new StringBuilder("deleted_at is null");
        List<Object> values = new ArrayList<>();
        Role role = caller.role();
        if (role == Role.MUNICIPALITY || role == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A municipality sees aggregates only, never single sessions.");
        }
        if (role == Role.YOUTH_WORKER || role == Role.ORGANISATION_LEAD) {
            where.append(" and organisation_id = ?");
            values.add(caller.organisationId());
        } else if (role == Role.NETWORK_COORDINATOR) {
            where.append(" and organisation_id in (select o.id from organisation o join municipality m"
                    + " on m.code = o.municipality_code where m.country_code = ?)");
            values.add(caller.country());
        }
        if (filter.organisationId() != null) {
            where.append(" and organisation_id = ?");
            values.add(filter.organisationId());
        }
        if (filter.municipalityCode() != null) {
            if (areas.municipality(filter.municipalityCode()).isEmpty()) {
                throw ProblemException.invalid("municipalityCode", "unknown municipality");
            }
            where.append(" and municipality_code = ?");
            values.add(filter.municipalityCode());
        }
        if (filter.from() != null) {
            where.append(" and held_on >= ?");
            values.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and held_on <= ?");
            values.add(filter.to());
        }
        if (filter.method() != null) {
            where.append(" and methods & ? <> 0");
            values.add(filter.method().bit);
        }
        return new Selection(where.toString(), values);
    }

    /** The session if the caller may see it; 404 otherwise, so that its existence does not leak. */
    private YouthSession visible(YouthSession session) {
        if (!caller.canSee(session.organisationId, country(session.organisationId))) {
            throw ProblemException.notFound("The session");
        }
        return session;
    }

    /** The session if the caller may correct it: 404 when it may not even see it, 403 when it may only see it. */
    private YouthSession correctable(YouthSession session) {
        visible(session);
        if (!caller.canCorrect(session.organisationId, session.loggedBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A youth worker corrects and deletes only the sessions they"
                    + " logged themselves; the organisation's lead corrects and deletes any of its sessions.");
        }
        return session;
    }

    private String country(UUID organisationId) {
        return organisations.findIncludingDeleted(organisationId).map(o -> o.municipality.countryCode).orElseThrow();
    }

    private YouthSession active(UUID id) {
        YouthSession session = YouthSession.findById(id);
        if (session == null || session.deletedAt != null) {
            throw ProblemException.notFound("The session");
        }
        return session;
    }

    /** A POST with an id that is stored already: the same content is a retry, anything else a conflict. */
    SessionResponse retried(YouthSession stored, YouthSession candidate) {
        if (!caller.canSee(stored.organisationId, country(stored.organisationId))) {
            throw ProblemException.conflict("This id is taken; log the session with a new id.");
        }
        if (stored.deletedAt != null) {
            throw ProblemException.conflict("A session with this id existed and was deleted; log it with a new id.");
        }
        if (!Content.of(stored).equals(Content.of(candidate))) {
            throw ProblemException.conflict("A session with this id is stored already with other content; "
                    + "use PUT to change it, or a new id for another session.");
        }
        return SessionResponse.from(stored);
    }

    /**
     * Copies the request onto the session; the organisation must be one the caller may at least see. Left out, it is
     * the caller's own, for an account that belongs to one organisation.
     */
    private Organisation apply(YouthSession s, SessionRequest r) {
        UUID organisationId = organisationOf(r);
        if (organisationId == null) {
            throw ProblemException.invalid("organisationId", "must be given: this account belongs to no organisation");
        }
        Organisation organisation = organisations.find(organisationId)
                .filter(o -> caller.canSee(o.id, o.municipality.countryCode))
                .orElseThrow(() -> ProblemException.invalid("organisationId", "unknown organisation"));
        String municipalityCode = r.municipalityCode() != null ? r.municipalityCode() : organisation.municipality.code;
        Municipality municipality = areas.municipality(municipalityCode).orElseThrow(() -> ProblemException.invalid(
                "municipalityCode", "unknown municipality; the codes are listed at GET /api/v1/municipalities"));
        s.organisationId = organisation.id;
        s.municipalityCode = municipality.code;
        s.date = r.date();
        s.startTime = r.startTime();
        s.durationMinutes = r.durationMinutes();
        s.title = r.title().strip();
        s.methods = EnumSet.copyOf(r.methods());
        s.themes = EnumSet.copyOf(r.themes());
        s.setting = r.setting();
        s.participants = Participants.of(r.participants());
        s.participantsTotal = s.participants.total();
        s.participantsEstimated = Boolean.TRUE.equals(r.participantsEstimated());
        s.firstTimeParticipants = orZero(r.firstTimeParticipants());
        s.unorganisedYouth = orZero(r.unorganisedYouth());
        s.fewerOpportunities = orZero(r.fewerOpportunities());
        s.youthWorkers = r.youthWorkers();
        s.volunteers = orZero(r.volunteers());
        s.youthLed = Boolean.TRUE.equals(r.youthLed());
        s.youngLeaders = orZero(r.youngLeaders());
        s.notes = notes(r.notes());
        s.updatedAt = now();
        return organisation;
    }

    /** The request's organisation, or the caller's own when it names none; null when there is neither. */
    UUID organisationOf(SessionRequest r) {
        return r.organisationId() != null ? r.organisationId() : caller.ownOrganisation();
    }

    /** An empty note is no note: one way to write it, so that a CSV (which cannot tell the two apart) round-trips. */
    private static String notes(String notes) {
        return notes == null || notes.isEmpty() ? null : notes;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** What a client sent, after defaults: two sessions with equal content are the same log entry. */
    private record Content(UUID organisationId, String municipalityCode, LocalDate date, LocalTime startTime,
                           int durationMinutes, String title, Set<Method> methods, Set<Theme> themes, Setting setting,
                           List<ParticipantCount> participants, boolean participantsEstimated,
                           int firstTimeParticipants, int unorganisedYouth, int fewerOpportunities, int youthWorkers,
                           int volunteers, boolean youthLed, int youngLeaders, String notes) {
        static Content of(YouthSession s) {
            return new Content(s.organisationId, s.municipalityCode, s.date, s.startTime, s.durationMinutes, s.title,
                    s.methods, s.themes, s.setting, new ArrayList<>(s.participants.counts()), s.participantsEstimated,
                    s.firstTimeParticipants, s.unorganisedYouth, s.fewerOpportunities, s.youthWorkers, s.volunteers,
                    s.youthLed, s.youngLeaders, SessionService.notes(s.notes));
        }
    }
}
