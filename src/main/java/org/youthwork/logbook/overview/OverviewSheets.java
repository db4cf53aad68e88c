package org.youthwork.logbook.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.youthwork.logbook.overview.Sheet.Kind;
import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Coded;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Setting;
import org.youthwork.logbook.session.Theme;

import java.util.ArrayList;
import java.util.List;

import static org.youthwork.logbook.overview.Words.*;

/**
 * The sheets of an overview's download, read from its JSON tree (the exact overview, or one made for publication,
 * whose small counts are texts): totals, the breakdowns, indicator 2.2.3, and an About sheet; a breakdown the
 * overview has not (byRegion of a municipality) has no sheet. Codes are shown by their labels.
 */
final class OverviewSheets {

    private final String language;

    private OverviewSheets(String language) {
        this.language = language;
    }

    static List<Sheet> of(JsonNode overview, String language) {
        return new OverviewSheets(language).sheets(overview);
    }

    private List<Sheet> sheets(JsonNode overview) {
        String areaHeading = w(areaWord(overview.path("area").path("level").asText()));
        List<Sheet> sheets = new ArrayList<>();
        Sheet.Builder totals = new Sheet.Builder(w(TOTALS)).text(areaHeading, "area", "name")
                .count(w(SESSIONS), "totals", "sessions")
                .hours(w(HOURS), "totals", "hours")
                .count(w(MINUTES), "totals", "minutes")
                .hours(w(YOUTH_WORKER_HOURS), "totals", "youthWorkerHours")
                .count(w(YOUTH_WORKER_MINUTES), "totals", "youthWorkerMinutes")
                .count(w(PARTICIPANTS), "totals", "participants")
                .count(w(FIRST_TIME), "totals", "firstTimeParticipants")
                .count(w(UNORGANISED), "totals", "unorganisedYouth")
                .count(w(FEWER_OPPORTUNITIES), "totals", "fewerOpportunities")
                .count(w(YOUTH_LED_SESSIONS), "totals", "youthLedSessions")
                .hours(w(YOUTH_LED_HOURS), "totals", "youthLedHours")
                .count(w(YOUTH_LED_MINUTES), "totals", "youthLedMinutes");
        if (overview.has("organisationsTotal")) {
            totals.count(w(ORGANISATIONS_TOTAL), "organisationsTotal");
        }
        sheets.add(totals.row(overview).build());
        sheets.add(figures(new Sheet.Builder(w(BY_MONTH)).text(w(MONTH), "month")).rows(overview.path("byMonth")).build());
        sheets.add(figures(labelled(w(METHODS), w(METHOD), "method", Method.values())).rows(overview.path("byMethod")).build());
        sheets.add(figures(labelled(w(THEMES), w(THEME), "theme", Theme.values())).rows(overview.path("byTheme")).build());
        sheets.add(figures(labelled(w(SETTINGS), w(SETTING), "setting", Setting.values())).rows(overview.path("bySetting")).build());
        sheets.add(participants(w(AGE_BANDS), w(AGE_BAND), AgeBand.values(), overview.path("byAgeBand")));
        sheets.add(participants(w(GENDERS), w(GENDER), Gender.values(), overview.path("byGender")));
        if (overview.has("byAgeBandAndGender")) {
            sheets.add(ageBandsByGender(overview));
        }
        if (overview.has("byOrganisation")) {
            sheets.add(figures(new Sheet.Builder(w(ORGANISATIONS)).text(w(ORGANISATION), "name"))
                    .text(w(ORGANISATION_ID), "organisationId").rows(overview.path("byOrganisation")).build());
        }
        if (overview.has("byMunicipality")) {
            sheets.add(areas(w(MUNICIPALITIES), w(MUNICIPALITY), overview.path("byMunicipality")));
        }
        if (overview.has("byRegion")) {
            sheets.add(areas(w(REGIONS), w(REGION), overview.path("byRegion")));
        }
        if (overview.has("indicator223")) {
            indicator(sheets, overview, areaHeading);
        }
        sheets.add(about(overview, areaHeading));
        return sheets;
    }

    private String w(Words word) {
        return word.in(language);
    }

    private static Words areaWord(String level) {
        return switch (level) {
            case "MUNICIPALITY" -> MUNICIPALITY;
            case "REGION" -> REGION;
            case "COUNTRY" -> COUNTRY;
            default -> ORGANISATION;
        };
    }

    /** Sessions, hours, minutes and participants: the figures of every row of a breakdown. */
    private Sheet.Builder figures(Sheet.Builder sheet) {
        return sheet.count(w(SESSIONS), "sessions").hours(w(HOURS), "hours").count(w(MINUTES), "minutes")
                .count(w(PARTICIPANTS), "participants");
    }

    private Sheet.Builder labelled(String name, String heading, String field, Coded[] codes) {
        return new Sheet.Builder(name).column(heading, Kind.TEXT, row -> label(codes, row.path(field), language));
    }

    private Sheet areas(String name, String heading, JsonNode rows) {
        return figures(new Sheet.Builder(name).text(heading, "name").text(w(CODE), "code")).rows(rows).build();
    }

    /** A map of participants by code as rows in the code list's order, each with its label. */
    private Sheet participants(String name, String heading, Coded[] codes, JsonNode byCode) {
        Sheet.Builder sheet = new Sheet.Builder(name).text(heading, "label").count(w(PARTICIPANTS), "participants");
        for (Coded code : codes) {
            ObjectNode row = JsonNodeFactory.instance.objectNode().put("label", code.labels().in(language));
            row.set("participants", byCode.has(code.code()) ? byCode.get(code.code()) : NullNode.getInstance());
            sheet.row(row);
        }
        return sheet.build();
    }

    /** A row per age band: its participants by gender, then all of them (byAgeBand), as the overview publishes them. */
    private Sheet ageBandsByGender(JsonNode overview) {
        Sheet.Builder sheet = new Sheet.Builder(w(AGE_BANDS_BY_GENDER)).text(w(AGE_BAND), "label");
        for (Gender gender : Gender.values()) {
            sheet.count(gender.labels().in(language), gender.code());
        }
        sheet.count(w(PARTICIPANTS), "participants");
        for (AgeBand band : AgeBand.values()) {
            ObjectNode row = JsonNodeFactory.instance.objectNode().put("label", band.labels().in(language));
            JsonNode cells = overview.path("byAgeBandAndGender").path(band.code());
            for (Gender gender : Gender.values()) {
                row.set(gender.code(), cells.has(gender.code()) ? cells.get(gender.code()) : NullNode.getInstance());
            }
            JsonNode total = overview.path("byAgeBand").path(band.code());
            row.set("participants", total.isMissingNode() ? NullNode.getInstance() : total);
            sheet.row(row);
        }
        return sheet.build();
    }

    private void indicator(List<Sheet> sheets, JsonNode overview, String areaHeading) {
        JsonNode indicator = overview.path("indicator223");
        Sheet.Builder sheet = new Sheet.Builder(w(INDICATOR)).text(areaHeading, "area", "name");
        optional(sheet, indicator, w(MEMBERS), Kind.COUNT, "memberOrganisations");
        optional(sheet, indicator, w(RECORDING), Kind.COUNT, "recordingOrganisations");
        optional(sheet, indicator, w(REGULARLY_RECORDING), Kind.COUNT, "regularlyRecordingOrganisations");
        optional(sheet, indicator, w(INDICATOR), Kind.SHARE, "value");
        optional(sheet, indicator, w(MONTHS_RECORDED), Kind.COUNT, "monthsRecorded");
        optional(sheet, indicator, w(MONTHS_REQUIRED), Kind.COUNT, "regularMonthsRequired");
        if (indicator.has("regular")) {
            sheet.column(w(REGULAR), Kind.TEXT, row -> yesNo(row.path("indicator223").path("regular")));
        }
        optional(sheet, indicator, w(MONTHS_COUNTED), Kind.COUNT, "monthsCounted");
        optional(sheet, indicator, w(AS_OF), Kind.TEXT, "asOf");
        optional(sheet, indicator, w(MUNICIPALITIES_COVERED), Kind.COUNT, "municipalitiesCovered");
        sheets.add(sheet.row(overview).build());
        if (indicator.has("completeness")) {
            sheets.add(new Sheet.Builder(w(COMPLETENESS)).text(w(MONTH), "month").count(w(RECORDING), "recordingOrganisations")
                    .rows(indicator.path("completeness")).build());
        }
        if (indicator.has("notRegular")) {
            sheets.add(new Sheet.Builder(w(NOT_REGULAR)).text(w(ORGANISATION), "name").count(w(MONTHS_RECORDED), "monthsRecorded")
                    .text(w(ORGANISATION_ID), "organisationId").rows(indicator.path("notRegular")).build());
        }
    }

    private static void optional(Sheet.Builder sheet, JsonNode indicator, String heading, Kind kind, String field) {
        if (indicator.has(field)) {
            sheet.column(heading, kind, Sheet.at("indicator223", field));
        }
    }

    private JsonNode yesNo(JsonNode value) {
        return value.isBoolean() ? Sheet.text(w(value.booleanValue() ? YES : NO)) : value;
    }

    private Sheet about(JsonNode overview, String areaHeading) {
        JsonNode area = overview.path("area");
        boolean organisation = "ORGANISATION".equals(area.path("level").asText());
        Sheet.Builder about = new Sheet.Builder(w(ABOUT)).text(w(WHAT), "what").text(w(MEANING), "meaning")
                .texts(areaHeading, area.path("name").asText() + (organisation ? "" : " (" + area.path("code").asText() + ")"))
                .texts(w(PERIOD), overview.path("from").asText() + " – " + overview.path("to").asText())
                .texts(w(FIGURES), w(overview.path("closed").asBoolean() ? FINAL : PROVISIONAL));
        meanings(about, language);
        int listed = overview.path("byOrganisation").size();
        long total = overview.path("organisationsTotal").asLong(listed);
        if (total > listed) {
            about.texts(w(ORGANISATIONS), String.format(w(ABOUT_ORGANISATIONS_LISTED), listed, total));
        }
        if (overview.has("indicator223")) {
            about.texts(w(INDICATOR), w(ABOUT_INDICATOR));
        }
        return about.build();
    }

    /** What the figures mean, the same for an overview and the annual analysis. */
    static void meanings(Sheet.Builder about, String language) {
        about.texts(SESSIONS.in(language), ABOUT_SESSIONS.in(language))
                .texts(HOURS.in(language), ABOUT_HOURS.in(language))
                .texts(YOUTH_WORKER_HOURS.in(language), ABOUT_YOUTH_WORKER_HOURS.in(language))
                .texts(PARTICIPANTS.in(language), ABOUT_PARTICIPANTS.in(language))
                .texts(METHODS.in(language) + ", " + THEMES.in(language), ABOUT_METHODS.in(language))
                .texts(YOUTH_LED_SESSIONS.in(language), ABOUT_YOUTH_LED.in(language));
    }

    /** A code's label in the language; a code the lists do not know is left as it is. */
    static JsonNode label(Coded[] codes, JsonNode code, String language) {
        for (Coded c : codes) {
            if (c.code().equals(code.asText())) {
                return Sheet.text(c.labels().in(language));
            }
        }
        return code;
    }
}
