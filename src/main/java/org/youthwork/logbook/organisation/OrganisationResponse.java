package org.youthwork.logbook.organisation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Organisation")
public record OrganisationResponse(
        UUID id,
        @Schema(examples = "Mladinski center Velenje") String name,
        OrganisationType type,
        @Schema(examples = "SI-133") String municipalityCode,
        @Schema(examples = "SI", description = "The country of its municipality") String country,
        boolean member,
        @Schema(description = "Changes with every change; served as the ETag") int version,
        Instant createdAt,
        Instant updatedAt) {

    static OrganisationResponse from(Organisation o) {
        return new OrganisationResponse(o.id, o.name, o.type, o.municipality.code, o.municipality.countryCode, o.member, o.version,
                o.createdAt, o.updatedAt);
    }
}
