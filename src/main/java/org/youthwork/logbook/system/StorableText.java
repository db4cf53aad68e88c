package org.youthwork.logbook.system;

/**
 * Text PostgreSQL stores exactly as written. It refuses the NUL character, and a lone half of a UTF-16 surrogate
 * pair has no UTF-8 form at all (it would be stored as "?", so an identical retry would no longer be identical).
 * Such text is refused at the door, before anything is stored.
 */
public final class StorableText {

    private StorableText() {
    }

    /** What is wrong with the text, or null when it can be stored as written. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain a lone UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
            }
        }
        return null;
    }

    /** The text with lone surrogates replaced, so that an answer echoing a client's text can always be written. */
    static String printable(String text) {
        if (text == null || problem(text) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
