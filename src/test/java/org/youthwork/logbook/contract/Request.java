package org.youthwork.logbook.contract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request, exactly as it goes on the wire: the target is already percent-encoded (so that malformed
 * escapes can be sent too), the body is bytes. Who sends it is a {@link Caller}, resolved to a token only when it is
 * sent, and an {@code If-Match} of {@link #CURRENT_ETAG} is resolved to the resource's ETag then: a token or a version
 * is not something to generate, and both change while the properties run.
 *
 * <p>{@link #toString()} is a curl command against the development start ({@code ./mvnw quarkus:dev}), so that the
 * shrunk sample jqwik prints can be pasted as it is.
 */
record Request(String method, String template, String target, Caller caller, List<Header> headers, byte[] body) {

    static final String CURRENT_ETAG = "<current ETag>";
    private static final String BASE = "http://localhost:8080";
    /** Bodies longer than this are described, not printed. */
    private static final int SHOWN = 8192;

    /** Who a request goes as. */
    enum Caller {
        ADMIN("$TOKEN"), LEAD("$LEAD_TOKEN"), NOBODY(null), FORGED(null), NOT_A_JWT(null);

        private final String shellToken;

        Caller(String shellToken) {
            this.shellToken = shellToken;
        }
    }

    record Header(String name, String value) {
    }

    /** The target's path without the query, as sent. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        StringBuilder curl = new StringBuilder();
        String text = body == null ? null : printable(body);
        boolean huge = body != null && body.length > SHOWN;
        if (body != null && text == null && !huge) {
            curl.append("printf '").append(printfEscaped(body)).append("' | ");
        }
        curl.append("curl -si --path-as-is -g -X ").append(method).append(' ').append(quote(BASE + target));
        if (caller.shellToken != null) {
            curl.append(" -H \"Authorization: Bearer ").append(caller.shellToken).append('"');
        } else if (caller == Caller.FORGED) {
            curl.append(" -H ").append(quote("Authorization: Bearer " + Tokens.FORGED));
        } else if (caller == Caller.NOT_A_JWT) {
            curl.append(" -H ").append(quote("Authorization: Bearer " + Tokens.NOT_A_JWT));
        }
        for (Header h : headers) {
            curl.append(" -H ").append(quote(h.name() + ": " + h.value()));
        }
        if (huge) {
            curl.append(" --data-binary @body # a body of ").append(body.length).append(" bytes, starting ")
                    .append(quote(printfEscaped(java.util.Arrays.copyOf(body, 300))));
        } else if (body != null) {
            curl.append(" --data-binary ").append(text == null ? "@-" : quote(text));
        }
        return curl.toString();
    }

    /** The body as text when it is UTF-8 without control characters other than line breaks; else null. */
    private static String printable(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            boolean plain = text.chars().allMatch(c -> c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f));
            return plain ? text : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String printfEscaped(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '%') {
                out.append("%%");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\'') {
                out.append("'\\''");
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append(String.format("\\%03o", c));
            }
        }
        return out.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
