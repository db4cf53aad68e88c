package org.youthwork.logbook.organisation;

public enum OrganisationType {
    YOUTH_CENTRE, YOUTH_ORGANISATION, OTHER
}
