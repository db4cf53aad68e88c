package org.youthwork.logbook.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The network's annual youth-centre analysis: one row per member organisation of a country, none left out. */
@Schema(name = "AnnualAnalysis")
public record AnnualAnalysis(
        @Schema(examples = "SI") String country,
        @Schema(examples = "2026") int year,
        LocalDate from,
        LocalDate to,
        List<Row> organisations) {

    /** An organisation's sessions of the year, wherever they were held. */
    @Schema(name = "AnnualAnalysisRow")
    public record Row(
            UUID organisationId,
            String name,
            String municipalityCode,
            String municipality,
            long sessions,
            BigDecimal hours,
            long minutes,
            BigDecimal youthWorkerHours,
            long youthWorkerMinutes,
            long participants,
            Map<String, Long> participantsByAgeBand,
            Map<String, Long> participantsByGender,
            @Schema(description = "Sessions per method; a session with several methods counts under each") Map<String, Long> sessionsByMethod,
            @Schema(description = "Sessions per theme; a session with several themes counts under each") Map<String, Long> sessionsByTheme,
            long youthLedSessions,
            @Schema(description = "Distinct calendar months with at least one session") long monthsRecorded,
            long firstTimeParticipants,
            long unorganisedYouth,
            long fewerOpportunities) {
    }
}
