package org.youthwork.logbook.session;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the work was about: the nine fields of the youth sector (ZJIMS, article 4). The bit is what the database stores. */
public enum Theme implements Coded {
    AUTONOMY(1, "Autonomy of young people", "Avtonomija mladih", "Самостоятелност на младите хора"),
    NON_FORMAL_LEARNING(2, "Non-formal learning and training", "Neformalno učenje in usposabljanje",
            "Неформално учене и обучение"),
    EMPLOYMENT(4, "Access to work and entrepreneurship", "Zaposlovanje in podjetništvo mladih",
            "Достъп до работа и предприемачество"),
    FEWER_OPPORTUNITIES(8, "Care for young people with fewer opportunities", "Skrb za mlade z manj priložnostmi",
            "Грижа за младите хора с по-малко възможности"),
    VOLUNTEERING(16, "Volunteering, solidarity and intergenerational cooperation",
            "Prostovoljstvo, solidarnost in medgeneracijsko sodelovanje",
            "Доброволчество, солидарност и сътрудничество между поколенията"),
    MOBILITY(32, "Mobility and international cooperation", "Mobilnost in mednarodno povezovanje",
            "Мобилност и международно сътрудничество"),
    HEALTH(64, "Healthy lifestyle and prevention of addiction", "Zdrav način življenja in preprečevanje zasvojenosti",
            "Здравословен начин на живот и превенция на зависимостите"),
    CULTURE(128, "Access to culture, creativity and innovation", "Dostop do kulture, ustvarjalnost in inovativnost",
            "Достъп до култура, творчество и иновации"),
    PARTICIPATION(256, "Participation of young people in public affairs", "Participacija mladih v javnih zadevah",
            "Участие на младите хора в обществения живот");

    public final int bit;
    private final Labels labels;

    Theme(int bit, String en, String sl, String bg) {
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
