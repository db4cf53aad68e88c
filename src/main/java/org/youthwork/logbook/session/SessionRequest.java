package org.youthwork.logbook.session;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.youthwork.logbook.system.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A session as a youth worker's app sends it. Optional fields are null when left out. */
@SessionRules
@Schema(name = "SessionRequest", description = "A session of youth work as a client logs it")
public record SessionRequest(
        @Schema(description = "Optional: a client that logs offline makes its own UUID; a retry with the same id stores nothing twice",
                nullable = true)
        UUID id,
        @Schema(nullable = true, description = "The organisation that held the session; left out, the caller's own, for an "
                + "account that belongs to one organisation (youth worker, lead). Other accounts must give it.")
        UUID organisationId,
        @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{2,10}", message = "must be a municipality code such as SI-133")
        @Schema(ref = "MunicipalityCode", nullable = true,
                description = "Where the session took place; the organisation's municipality when left out")
        String municipalityCode,
        @NotNull
        @Schema(implementation = String.class, format = "date", pattern = "^[2-9][0-9]{3}-[0-9]{2}-[0-9]{2}$",
                examples = "2026-03-14", description = "From 2000-01-01 to today")
        LocalDate date,
        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(implementation = String.class, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", examples = "09:30", nullable = true)
        LocalTime startTime,
        @NotNull @Min(1) @Max(1440)
        @Schema(examples = "120", minimum = "1", maximum = "1440")
        Integer durationMinutes,
        @NotNull @Pattern(regexp = Text.NOT_BLANK, message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        @Schema(examples = "Street outreach at the bus station", minLength = 1, maxLength = 200, pattern = Text.VISIBLE,
                description = "1 to 200 characters, not only blanks")
        String title,
        @NotEmpty
        @Schema(description = "One or more distinct methods", minItems = 1, uniqueItems = true)
        List<@NotNull Method> methods,
        @NotEmpty
        @Schema(description = "One or more distinct themes", minItems = 1, uniqueItems = true)
        List<@NotNull Theme> themes,
        @NotNull
        Setting setting,
        @NotEmpty @Size(max = 15)
        @Schema(description = "Head counts by age band and gender; each pair at most once", minItems = 1, maxItems = 15)
        List<@NotNull @Valid ParticipantCount> participants,
        @Schema(description = "The head counts are estimates, as in street or online work; default false", nullable = true)
        Boolean participantsEstimated,
        @Min(0) @Schema(description = "Young people at their first contact with the organisation; at most the participants; default 0",
                minimum = "0", maximum = "150000", nullable = true)
        Integer firstTimeParticipants,
        @Min(0) @Schema(description = "Young people who are members of no youth organisation; at most the participants; default 0",
                minimum = "0", maximum = "150000", nullable = true)
        Integer unorganisedYouth,
        @Min(0) @Schema(description = "Young people with fewer opportunities; at most the participants; default 0",
                minimum = "0", maximum = "150000", nullable = true)
        Integer fewerOpportunities,
        @NotNull @Min(1) @Max(1000)
        @Schema(examples = "2", minimum = "1", maximum = "1000")
        Integer youthWorkers,
        @Min(0) @Max(1000) @Schema(description = "Default 0", minimum = "0", maximum = "1000", nullable = true)
        Integer volunteers,
        @Schema(description = "Young people ran or co-created the session; default false", nullable = true)
        Boolean youthLed,
        @Min(0) @Max(1000) @Schema(description = "How many young people ran it; default 0", minimum = "0", maximum = "1000", nullable = true)
        Integer youngLeaders,
        @Size(max = 4000, message = "must be at most 4000 characters") @Schema(maxLength = 4000, nullable = true)
        String notes) {

    /** The sum of the head counts; 0 when there are none yet. */
    int participantTotal() {
        if (participants == null) {
            return 0;
        }
        return participants.stream().filter(p -> p != null && p.count() != null).mapToInt(ParticipantCount::count).sum();
    }
}
