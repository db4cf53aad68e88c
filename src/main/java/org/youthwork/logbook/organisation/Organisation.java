package org.youthwork.logbook.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.youthwork.logbook.area.Municipality;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A youth centre or youth organisation, based in one municipality. */
@Entity
public class Organisation extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public OrganisationType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "municipality_code")
    public Municipality municipality;

    /** Belongs to the national network of youth centres. */
    public boolean member;

    @Version
    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Set when deleted or merged: the row stays for the audit trail, but no read finds it. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The organisation this duplicate was merged into. */
    @Column(name = "merged_into")
    public UUID mergedInto;
}
