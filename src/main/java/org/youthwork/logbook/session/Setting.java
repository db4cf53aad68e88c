package org.youthwork.logbook.session;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the session took place. */
public enum Setting implements Coded {
    YOUTH_CENTRE("Youth centre", "Mladinski center", "Младежки център"),
    PUBLIC_SPACE("Public space", "Javni prostor", "Обществено пространство"),
    ONLINE("Online", "Splet", "Онлайн"),
    SCHOOL("School", "Šola", "Училище"),
    OTHER("Other", "Drugo", "Друго");

    private final Labels labels;

    Setting(String en, String sl, String bg) {
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
