package org.youthwork.logbook.system;

/** Rules for text that the service's checks and the contract's schemas state alike. */
public final class Text {

    /**
     * Holds a character above U+0020, i.e. more than spaces and control characters: as a Bean Validation pattern,
     * which must match the whole text.
     */
    public static final String NOT_BLANK = "(?s).*[^\\u0000-\\u0020].*";

    /** The same rule as a JSON Schema pattern, which matches anywhere in the text. */
    public static final String VISIBLE = "[^\\u0000-\\u0020]";

    private Text() {
    }
}
