package org.youthwork.logbook.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A person (USER: username and password) or a machine (CLIENT: client id and secret); secrets only as bcrypt hashes. */
@Entity
public class Account extends PanacheEntityBase {

    public enum Kind { USER, CLIENT }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The username of a person, the client id of a machine. */
    public String login;

    /** A machine's name, e.g. "Velenje council reporting". */
    public String name;

    @Column(name = "secret_hash")
    public String secretHash;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "country_code")
    public String countryCode;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** While set, the account cannot sign in and its tokens are refused. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** The last new password or client secret: tokens issued before it are refused. */
    @Column(name = "credentials_changed_at")
    public Instant credentialsChangedAt;

    @Version
    public int version;

    static Account live(Kind kind, String login) {
        return find("kind = ?1 and lower(login) = lower(?2) and deletedAt is null", kind, login).firstResult();
    }
}
