package org.youthwork.logbook.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many young people of one age band and gender came: contacts, not persons. */
@Schema(name = "ParticipantCount")
public record ParticipantCount(
        @NotNull @Schema(examples = "15-19") AgeBand ageBand,
        @NotNull @Schema(examples = "FEMALE") Gender gender,
        @NotNull @Min(0) @Max(10000) @Schema(examples = "4", minimum = "0", maximum = "10000") Integer count) {
}
