package org.youthwork.logbook.session;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the work was done. The bit is what the database stores; never reuse or change one. */
public enum Method implements Coded {
    STREET(1, "Street youth work", "Ulično mladinsko delo", "Улична работа с младежи"),
    DIGITAL(2, "Digital youth work", "Digitalno mladinsko delo", "Дигитална работа с младежи"),
    INFORMAL_GROUP(4, "Work with informal groups of young people", "Delo z neformalnimi interesnimi skupinami mladih",
            "Работа с неформални групи от младежи"),
    OPEN(8, "Open youth work (drop-in)", "Odprto mladinsko delo", "Отворена работа с младежи"),
    GROUP_PROGRAMME(16, "Regular organised group (club, workshop series)", "Redna organizirana skupina (klub, cikel delavnic)",
            "Редовна организирана група (клуб, цикъл работилници)"),
    EVENT(32, "One-off event or project activity", "Enkraten dogodek ali projektna aktivnost",
            "Еднократно събитие или проектна дейност"),
    COUNSELLING(64, "Youth information and counselling", "Mladinsko informiranje in svetovanje",
            "Младежко информиране и консултиране");

    public final int bit;
    private final Labels labels;

    Method(int bit, String en, String sl, String bg) {
        this.bit = bit;
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
