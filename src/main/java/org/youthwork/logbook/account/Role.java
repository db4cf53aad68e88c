package org.youthwork.logbook.account;

/** What an account may do; each role belongs to one organisation, municipality or country, or (ADMIN) to all. */
public enum Role {
    YOUTH_WORKER, ORGANISATION_LEAD, MUNICIPALITY, NETWORK_COORDINATOR, ADMIN;

    boolean belongsToOrganisation() {
        return this == YOUTH_WORKER || this == ORGANISATION_LEAD;
    }
}
