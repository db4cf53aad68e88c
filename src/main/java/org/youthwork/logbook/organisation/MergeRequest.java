package org.youthwork.logbook.organisation;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "MergeRequest", description = "The organisation a duplicate is merged into")
public record MergeRequest(
        @NotNull @Schema(required = true, description = "The organisation that takes over the duplicate's sessions and accounts; of the same country")
        UUID into) {
}
