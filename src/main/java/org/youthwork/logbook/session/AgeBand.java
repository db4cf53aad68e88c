package org.youthwork.logbook.session;

import com.fasterxml.jackson.annotation.JsonValue;

/** The age bands of participants: the target group is 15-29, the outer bands let real sessions be logged honestly. */
public enum AgeBand implements Coded {
    UNDER_15("UNDER_15", "Under 15", "Mlajši od 15 let", "Под 15 години"),
    AGE_15_19("15-19", "15–19", "15–19 let", "15–19 години"),
    AGE_20_24("20-24", "20–24", "20–24 let", "20–24 години"),
    AGE_25_29("25-29", "25–29", "25–29 let", "25–29 години"),
    OVER_29("OVER_29", "Over 29", "Starejši od 29 let", "Над 29 години");

    private final String code;
    private final Labels labels;

    AgeBand(String code, String en, String sl, String bg) {
        this.code = code;
        this.labels = new Labels(en, sl, bg);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
