package org.youthwork.logbook.session;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Gender implements Coded {
    FEMALE("Female", "Ženske", "Жени"),
    MALE("Male", "Moški", "Мъже"),
    OTHER("Other or not stated", "Drugo ali ni navedeno", "Друго или непосочено");

    private final Labels labels;

    Gender(String en, String sl, String bg) {
        this.labels = new Labels(en, sl, bg);
    }

    @JsonValue
    @Override
    public String code() {
        return name();
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
