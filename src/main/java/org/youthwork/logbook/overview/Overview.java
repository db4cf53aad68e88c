package org.youthwork.logbook.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Setting;
import org.youthwork.logbook.session.Theme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the youth work in an area and period adds up to. Hours are minutes / 60 rounded to two decimals; the minutes
 * beside them are exact, and every breakdown but methods and themes adds up to the totals exactly in minutes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Overview", properties = @SchemaProperty(name = "publication", ref = "PublicationNote"))
public record Overview(
        AreaRef area,
        LocalDate from,
        LocalDate to,
        @Schema(description = "Every year the period touches is closed for the area's country: its figures are final")
        boolean closed,
        Totals totals,
        @Schema(ref = "PublishedCounts", description = "Participants by age band (contacts, not persons)") Map<String, Long> byAgeBand,
        @Schema(ref = "PublishedCounts", description = "Participants by gender (contacts, not persons)") Map<String, Long> byGender,
        @Schema(ref = "PublishedCountsByAgeBand", description = "Participants by age band, and within each by gender: "
                + "each band's counts add up to its byAgeBand, each gender's across the bands to its byGender")
        Map<String, Map<String, Long>> byAgeBandAndGender,
        @Schema(description = "Every method; a session with several methods counts in full under each") List<MethodRow> byMethod,
        @Schema(description = "Every theme; a session with several themes counts in full under each") List<ThemeRow> byTheme,
        List<SettingRow> bySetting,
        @Schema(description = "Every month of the period, zeros included") List<MonthRow> byMonth,
        @Schema(description = "The organisations whose sessions were held in the area, most sessions first (then name, id); "
                + "regions and countries list the first " + OverviewService.TOP_ORGANISATIONS + ", the rest is paged at "
                + "their /organisations") List<OrganisationRow> byOrganisation,
        @Schema(description = "How many organisations have sessions in the area in the period (area overviews only)")
        Long organisationsTotal,
        @Schema(description = "Every municipality of the area (regions and countries only), zeros included; for an "
                + "organisation, the municipalities where it held sessions") List<AreaRow> byMunicipality,
        @Schema(description = "Every region of the country (countries only), zeros included") List<AreaRow> byRegion,
        Indicator223 indicator223) {

    /** Counts of young people: numbers, or with publication=true perhaps "<5" or "x" (see {@link Publication}). */
    static final String PARTICIPANTS = "PublishedCount";

    /** The areas, and ORGANISATION for an organisation's own overview (code: its id). */
    public enum Level { MUNICIPALITY, REGION, COUNTRY, ORGANISATION }

    public record AreaRef(Level level, @Schema(description = "The area's code, or the organisation's id", examples = "SI-133")
                          String code, @Schema(examples = "Velenje") String name) {
    }

    public record Totals(
            long sessions,
            @Schema(description = "Σ durationMinutes / 60, two decimals", examples = "240.5") BigDecimal hours,
            @Schema(description = "Σ durationMinutes, exact") long minutes,
            @Schema(description = "Σ durationMinutes × youthWorkers / 60, two decimals") BigDecimal youthWorkerHours,
            long youthWorkerMinutes,
            @Schema(ref = PARTICIPANTS, description = "Σ participant counts: contacts, not persons") long participants,
            @Schema(ref = PARTICIPANTS) long firstTimeParticipants,
            @Schema(ref = PARTICIPANTS) long unorganisedYouth,
            @Schema(ref = PARTICIPANTS) long fewerOpportunities,
            long youthLedSessions,
            BigDecimal youthLedHours,
            long youthLedMinutes) {
    }

    public record MethodRow(Method method, long sessions, BigDecimal hours, long minutes,
                            @Schema(ref = PARTICIPANTS) long participants) {
    }

    public record ThemeRow(Theme theme, long sessions, BigDecimal hours, long minutes,
                           @Schema(ref = PARTICIPANTS) long participants) {
    }

    public record SettingRow(Setting setting, long sessions, BigDecimal hours, long minutes,
                             @Schema(ref = PARTICIPANTS) long participants) {
    }

    public record MonthRow(@Schema(examples = "2026-01") String month, long sessions, BigDecimal hours, long minutes,
                           @Schema(ref = PARTICIPANTS) long participants) {
    }

    public record OrganisationRow(UUID organisationId, String name, long sessions, BigDecimal hours, long minutes,
                                  @Schema(ref = PARTICIPANTS) long participants) {
    }

    public record AreaRow(String code, String name, long sessions, BigDecimal hours, long minutes,
                          @Schema(ref = PARTICIPANTS) long participants) {
    }

    /**
     * Indicator 2.2.3 of the network's strategy, over the member organisations based in the area: the share that
     * record regularly, at least one session in at least ⌈0.75 × months counted⌉ distinct calendar months. The months
     * counted are those of the period up to and including the current month: a period that reaches past today is
     * judged on the months that have begun. For an organisation's own overview: its months recorded and whether that
     * is regular; the counts over member organisations are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator223(
            @Schema(description = "Member organisations of the network based in the area") Long memberOrganisations,
            @Schema(description = "Of those, how many recorded at least one session in the period, wherever held") Long recordingOrganisations,
            @Schema(description = "Of those, how many recorded in at least regularMonthsRequired distinct months counted") Long regularlyRecordingOrganisations,
            @Schema(description = "Organisation overviews: the distinct months counted in which it recorded a session") Integer monthsRecorded,
            @Schema(description = "⌈0.75 × monthsCounted⌉") int regularMonthsRequired,
            @Schema(description = "Organisation overviews: monthsRecorded ≥ regularMonthsRequired (false when no month is counted)") Boolean regular,
            @Schema(description = "regularlyRecordingOrganisations ÷ memberOrganisations; 0 when there are none") Double value,
            @Schema(description = "The last day counted: the period's end, or today (service time zone) when the period "
                    + "reaches past it") LocalDate asOf,
            @Schema(description = "Calendar months of the period from its first up to and including the month of asOf; "
                    + "0 for a period that begins after today") int monthsCounted,
            @Schema(description = "Municipalities of the area with at least one session in the period") Long municipalitiesCovered,
            @Schema(description = "Per month of the period, how many member organisations recorded at least one session")
            List<Completeness> completeness,
            @Schema(description = "Area overviews: the member organisations based in the area that do not record "
                    + "regularly, fewest months first (then name), for the network to follow up")
            List<NotRegular> notRegular) {
    }

    public record NotRegular(UUID organisationId, String name, int monthsRecorded) {
    }

    public record Completeness(String month, long recordingOrganisations) {
    }
}
