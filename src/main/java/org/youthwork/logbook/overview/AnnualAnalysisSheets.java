package org.youthwork.logbook.overview;

import com.fasterxml.jackson.databind.JsonNode;
import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Coded;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Theme;

import java.util.List;

import static org.youthwork.logbook.overview.Words.*;

/** The annual analysis as a sheet with a row per member organisation, its name first, and an About sheet. */
final class AnnualAnalysisSheets {

    private AnnualAnalysisSheets() {
    }

    static List<Sheet> of(JsonNode analysis, String language) {
        return List.of(table(analysis, language), about(analysis, language));
    }

    static Sheet table(JsonNode analysis, String l) {
        Sheet.Builder sheet = new Sheet.Builder(ANNUAL_ANALYSIS.in(l)).text(ORGANISATION.in(l), "name")
                .text(MUNICIPALITY.in(l), "municipality").text(MUNICIPALITY_CODE.in(l), "municipalityCode")
                .count(SESSIONS.in(l), "sessions").hours(HOURS.in(l), "hours").count(MINUTES.in(l), "minutes")
                .hours(YOUTH_WORKER_HOURS.in(l), "youthWorkerHours").count(YOUTH_WORKER_MINUTES.in(l), "youthWorkerMinutes")
                .count(PARTICIPANTS.in(l), "participants");
        breakdown(sheet, PARTICIPANTS.in(l), "participantsByAgeBand", AgeBand.values(), l);
        breakdown(sheet, PARTICIPANTS.in(l), "participantsByGender", Gender.values(), l);
        breakdown(sheet, SESSIONS.in(l), "sessionsByMethod", Method.values(), l);
        breakdown(sheet, SESSIONS.in(l), "sessionsByTheme", Theme.values(), l);
        return sheet.count(YOUTH_LED_SESSIONS.in(l), "youthLedSessions").count(MONTHS_RECORDED.in(l), "monthsRecorded")
                .count(FIRST_TIME.in(l), "firstTimeParticipants").count(UNORGANISED.in(l), "unorganisedYouth")
                .count(FEWER_OPPORTUNITIES.in(l), "fewerOpportunities").text(ORGANISATION_ID.in(l), "organisationId")
                .rows(analysis.path("organisations")).build();
    }

    /** A column per code: "Participants: 15–19 let". */
    private static void breakdown(Sheet.Builder sheet, String figure, String field, Coded[] codes, String language) {
        for (Coded code : codes) {
            sheet.count(figure + ": " + code.labels().in(language), field, code.code());
        }
    }

    private static Sheet about(JsonNode analysis, String l) {
        Sheet.Builder about = new Sheet.Builder(ABOUT.in(l)).text(WHAT.in(l), "what").text(MEANING.in(l), "meaning")
                .texts(COUNTRY.in(l), analysis.path("country").asText())
                .texts(YEAR.in(l), analysis.path("year").asText())
                .texts(PERIOD.in(l), analysis.path("from").asText() + " – " + analysis.path("to").asText())
                .texts(ANNUAL_ANALYSIS.in(l), ABOUT_ANNUAL.in(l));
        OverviewSheets.meanings(about, l);
        return about.build();
    }
}
