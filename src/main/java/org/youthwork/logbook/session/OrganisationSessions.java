package org.youthwork.logbook.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.audit.AuditEntry;
import org.youthwork.logbook.audit.AuditLog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sessions of one organisation as a whole: what a merge of a duplicate organisation does to them. */
@ApplicationScoped
public class OrganisationSessions {

    /** Every session of the organisation, live and deleted: the two arms let each use its partial index. */
    private static final String ALL_OF = "(organisation_id = :from and deleted_at is null)"
            + " or (organisation_id = :from and deleted_at is not null)";

    private final AuditLog audit;
    private final EntityManager em;

    OrganisationSessions(AuditLog audit, EntityManager em) {
        this.audit = audit;
        this.em = em;
    }

    /** The years of the organisation's live sessions that are closed for this country, in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Integer> closedYears(UUID organisationId, String country) {
        List<?> years = em.createNativeQuery("""
                        select distinct cast(extract(year from s.held_on) as integer) as year
                        from youth_session s
                        join closed_period c on c.country_code = :country and c.year = extract(year from s.held_on)
                        where s.organisation_id = :from and s.deleted_at is null
                        order by 1
                        """)
                .setParameter("country", country).setParameter("from", organisationId).getResultList();
        return years.stream().map(y -> ((Number) y).intValue()).toList();
    }

    /**
     * Moves every session of an organisation, deleted ones too, to another one in one statement: the rollup triggers
     * take each live one out of the old organisation's figures and add it to the new one's (the municipality where it
     * was held stays, so no area's figures change). Each moved session gets a new version and an UPDATE in its history
     * with this note. Answers how many moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int moveAll(UUID from, UUID to, Instant at, String note) {
        @SuppressWarnings("unchecked")
        List<YouthSession> moving = em.createNativeQuery("select * from youth_session where " + ALL_OF + " order by id for update",
                        YouthSession.class)
                .setParameter("from", from).getResultList();
        if (moving.isEmpty()) {
            return 0;
        }
        Map<UUID, SessionResponse> before = moving.stream().collect(Collectors.toMap(s -> s.id, SessionResponse::from));
        em.flush();
        moving.forEach(em::detach);
        em.createNativeQuery("update youth_session set organisation_id = :to, version = version + 1, updated_at = :at where " + ALL_OF)
                .setParameter("to", to).setParameter("at", at).setParameter("from", from).executeUpdate();
        Map<UUID, YouthSession> moved = YouthSession.<YouthSession>list("id in ?1", before.keySet()).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        for (SessionResponse b : before.values().stream().sorted(java.util.Comparator.comparing(SessionResponse::id)).toList()) {
            audit.record(AuditEntry.Type.SESSION, b.id(), AuditEntry.Action.UPDATE, b, SessionResponse.from(moved.get(b.id())), note);
        }
        return moving.size();
    }
}
