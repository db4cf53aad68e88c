package org.youthwork.logbook.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.youthwork.logbook.account.Role;

import java.time.Instant;
import java.util.UUID;

/** One change to a session or an organisation; the database refuses to change or delete it. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    public enum Type { SESSION, ORGANISATION, ACCOUNT }

    public enum Action { CREATE, UPDATE, DELETE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_id")
    @SequenceGenerator(name = "audit_entry_id", sequenceName = "audit_entry_id_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_type")
    public Type entityType;

    @Column(name = "entity_id")
    public UUID entityId;

    @Enumerated(EnumType.STRING)
    public Action action;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_name")
    public String actorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role")
    public Role actorRole;

    public Instant at;

    @JdbcTypeCode(SqlTypes.JSON)
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    public String after;

    /** Why, when the representations alone do not say it, e.g. that a merge moved the session. */
    public String note;
}
