package org.youthwork.logbook.organisation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Merge", description = "What merging a duplicate did")
public record MergeResponse(
        @Schema(description = "The organisation merged into, as it stands now") OrganisationResponse into,
        @Schema(description = "The duplicate: deleted now, found by no read") UUID merged,
        @Schema(description = "Sessions moved to the organisation merged into, deleted ones included", examples = "42") int sessionsMoved,
        @Schema(description = "Accounts moved; each must sign in again", examples = "3") int accountsMoved) {
}
