package org.youthwork.logbook.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.audit.AuditEntry;
import org.youthwork.logbook.audit.AuditLog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The accounts of one organisation as a whole: what a merge of a duplicate organisation does to them. */
@ApplicationScoped
public class OrganisationAccounts {

    /** What the audit trail keeps of a moved account. */
    record MovedAccount(UUID id, Account.Kind kind, String login, String name, Role role, UUID organisationId) {
    }

    private final AuditLog audit;
    private final EntityManager em;

    OrganisationAccounts(AuditLog audit, EntityManager em) {
        this.audit = audit;
        this.em = em;
    }

    /**
     * Moves the organisation's live accounts (disabled ones too) to another organisation. Their tokens name the old
     * organisation, so their credentials count as changed now: the tokens stop working and the people sign in again,
     * to tokens that name the new one. Deleted accounts stay where they were. Answers how many moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int moveAll(UUID from, UUID to, Instant at, String note) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> moved = em.createNativeQuery("""
                        update account set organisation_id = :to, credentials_changed_at = :at, version = version + 1
                        where organisation_id = :from and deleted_at is null
                        returning id, kind, login, name, role
                        """)
                .setParameter("to", to).setParameter("at", at).setParameter("from", from).getResultList();
        for (Object[] row : moved) {
            UUID id = row[0] instanceof UUID u ? u : UUID.fromString(row[0].toString());
            Account.Kind kind = Account.Kind.valueOf(row[1].toString());
            Role role = Role.valueOf(row[4].toString());
            String name = row[3] == null ? null : row[3].toString();
            audit.record(AuditEntry.Type.ACCOUNT, id, AuditEntry.Action.UPDATE,
                    new MovedAccount(id, kind, row[2].toString(), name, role, from),
                    new MovedAccount(id, kind, row[2].toString(), name, role, to), note);
        }
        return moved.size();
    }
}
