package org.youthwork.logbook.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Which months of a year each member organisation of a country recorded in: the rows of indicator 2.2.3's grid. */
@Schema(name = "MonthsRecorded")
public record MonthsRecorded(
        @Schema(examples = "SI") String country,
        @Schema(examples = "2026") int year,
        LocalDate from,
        LocalDate to,
        @Schema(description = "Every member organisation based in the country, by name") List<Row> organisations) {

    @Schema(name = "MonthsRecordedRow")
    public record Row(
            UUID organisationId,
            String name,
            @Schema(examples = "SI-133") String municipalityCode,
            @Schema(examples = "Velenje") String municipality,
            @Schema(description = "The months of the year with at least one session of the organisation, wherever held, "
                    + "in order", examples = "[\"2026-01\", \"2026-03\"]") List<String> months,
            @Schema(description = "How many months that is") int monthsRecorded) {
    }
}
