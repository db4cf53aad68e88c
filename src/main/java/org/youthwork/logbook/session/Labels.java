package org.youthwork.logbook.session;

import java.util.List;
import java.util.Locale;

/** A code's label in the languages the service speaks: English, Slovenian and Bulgarian. */
public record Labels(String en, String sl, String bg) {

    public static final List<String> LANGUAGES = List.of("en", "sl", "bg");

    public String in(String language) {
        return switch (language) {
            case "sl" -> sl;
            case "bg" -> bg;
            default -> en;
        };
    }

    /** The first language of the client's preference that the service speaks, English when none. */
    public static String language(List<Locale> preferred) {
        for (Locale locale : preferred) {
            if (LANGUAGES.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return "en";
    }
}
