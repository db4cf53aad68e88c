package org.youthwork.logbook.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.UUID;

/**
 * Who is asking, from the verified token: the role and what it belongs to. Every service asks it what the caller may
 * see and change; the rules are the table "Who uses it" of the contract.
 */
@RequestScoped
public class Caller {

    public static final String ORGANISATION = "organisationId";
    public static final String MUNICIPALITY = "municipalityCode";
    public static final String COUNTRY = "country";
    /** When a token of ours was issued, in milliseconds: iat has whole seconds (see {@link AccountCheck}). */
    public static final String ISSUED_AT_MILLIS = "issuedAtMillis";

    @Inject
    SecurityIdentity identity;

    private boolean system;

    /** For work the service does on its own (demo data at start): everything is allowed, and audited as "system". */
    public void actAsSystem() {
        system = true;
    }

    public Role role() {
        if (system) {
            return Role.ADMIN;
        }
        for (Role role : Role.values()) {
            if (identity.hasRole(role.name())) {
                return role;
            }
        }
        return null;
    }

    public UUID accountId() {
        if (system) {
            return null;
        }
        JsonWebToken jwt = jwt();
        try {
            return jwt == null || jwt.getSubject() == null ? null : UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException external) {
            return null; // an external identity provider's subject is not one of our account ids
        }
    }

    public String name() {
        if (system) {
            return "system";
        }
        return identity.getPrincipal() == null ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The organisation the caller belongs to; null when the token names none or names it wrongly. */
    public UUID organisationId() {
        String value = claim(ORGANISATION);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null; // an external issuer's malformed claim: the caller simply belongs to no organisation
        }
    }

    public String municipalityCode() {
        return claim(MUNICIPALITY);
    }

    public String country() {
        return claim(COUNTRY);
    }

    public boolean is(Role role) {
        return role() == role;
    }

    /** Sessions and records of an organisation: its own people, its country's coordinator, administrators. */
    public boolean canSee(UUID organisationId, String organisationCountry) {
        Role role = role();
        if (role == null) {
            return false;
        }
        return switch (role) {
            case ADMIN -> true;
            case YOUTH_WORKER, ORGANISATION_LEAD -> organisationId.equals(organisationId());
            case NETWORK_COORDINATOR -> organisationCountry.equals(country());
            case MUNICIPALITY -> false;
        };
    }

    /** Logging sessions for an organisation: its youth workers and lead, administrators. */
    public boolean canLogFor(UUID organisationId) {
        Role role = role();
        return role == Role.ADMIN || (role != null && role.belongsToOrganisation() && organisationId.equals(organisationId()));
    }

    /** Correcting and deleting any of an organisation's sessions: its lead, administrators. */
    public boolean canCorrectFor(UUID organisationId) {
        Role role = role();
        return role == Role.ADMIN || (role == Role.ORGANISATION_LEAD && organisationId.equals(organisationId()));
    }

    /**
     * Correcting and deleting one session of an organisation: its lead and administrators any, a youth worker of the
     * organisation those they logged themselves (loggedBy, null for the system's, is their account).
     */
    public boolean canCorrect(UUID organisationId, UUID loggedBy) {
        if (canCorrectFor(organisationId)) {
            return true;
        }
        UUID account = accountId();
        return is(Role.YOUTH_WORKER) && account != null && account.equals(loggedBy) && organisationId.equals(organisationId());
    }

    /** The one organisation the caller belongs to (youth worker, lead); null for every other account. */
    public UUID ownOrganisation() {
        Role role = role();
        return role != null && role.belongsToOrganisation() ? organisationId() : null;
    }

    /** Aggregates of an area: its municipality's account, the coordinator of its country, administrators. */
    public boolean canSeeArea(String municipalityCode, String country) {
        Role role = role();
        if (role == null) {
            return false;
        }
        return switch (role) {
            case ADMIN -> true;
            case NETWORK_COORDINATOR -> country.equals(country());
            case MUNICIPALITY -> municipalityCode != null && municipalityCode.equals(municipalityCode());
            case YOUTH_WORKER, ORGANISATION_LEAD -> false;
        };
    }

    private JsonWebToken jwt() {
        Principal principal = identity.getPrincipal();
        return principal instanceof JsonWebToken token ? token : null;
    }

    private String claim(String name) {
        if (system) {
            return null;
        }
        JsonWebToken jwt = jwt();
        if (jwt == null || !jwt.containsClaim(name)) {
            return null;
        }
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value == null ? null : value.toString();
    }
}
