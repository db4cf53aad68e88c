package org.youthwork.logbook.session;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A stored session: what the client sent, with the defaults filled in, plus what the service adds. */
@Schema(name = "Session")
public record SessionResponse(
        UUID id,
        UUID organisationId,
        @Schema(examples = "SI-133") String municipalityCode,
        @Schema(examples = "2026-03-14") LocalDate date,
        @JsonFormat(pattern = "HH:mm") @Schema(implementation = String.class, examples = "09:30", nullable = true) LocalTime startTime,
        @Schema(examples = "120") int durationMinutes,
        @Schema(examples = "Street outreach at the bus station") String title,
        List<Method> methods,
        List<Theme> themes,
        Setting setting,
        List<ParticipantCount> participants,
        @Schema(description = "Sum of the participant counts (contacts, not persons)", examples = "11") int participantsTotal,
        boolean participantsEstimated,
        int firstTimeParticipants,
        int unorganisedYouth,
        int fewerOpportunities,
        int youthWorkers,
        int volunteers,
        boolean youthLed,
        int youngLeaders,
        @Schema(nullable = true) String notes,
        @Schema(description = "Changes with every change; served as the ETag") int version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true, description = "The account that logged the session (a youth worker may correct and delete "
                + "the sessions they logged); null for sessions the service made itself or an external identity provider's users logged")
        UUID loggedBy) {

    static SessionResponse from(YouthSession s) {
        return new SessionResponse(s.id, s.organisationId, s.municipalityCode, s.date, s.startTime, s.durationMinutes,
                s.title, List.copyOf(s.methods), List.copyOf(s.themes), s.setting, s.participants.counts(),
                s.participantsTotal, s.participantsEstimated, s.firstTimeParticipants, s.unorganisedYouth,
                s.fewerOpportunities, s.youthWorkers, s.volunteers, s.youthLed, s.youngLeaders, s.notes, s.version,
                s.createdAt, s.updatedAt, s.loggedBy);
    }
}
