package org.youthwork.logbook.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts an import body into its lines, working in bytes, and never holds more than {@code maxLineBytes} of one: a
 * longer line is read past to its end and answered as refused, so that no body, however long its lines, grows the
 * heap. A CSV line ends only outside a quoted field, which may hold line breaks; quotes are followed as Jackson's CSV
 * parser reads them (a quote opens a field only at its start, and "" inside one is a quote), so that each line cut
 * here is exactly one record there. Lines end at LF, CRLF or CR; a byte order mark at the start is skipped. A line
 * that is not valid UTF-8 is refused, never decoded into replacement characters.
 */
final class ImportLines {

    enum Format { NDJSON, CSV }

    /** A line of the body, numbered from 1 where it starts: its text, or why it was not read. */
    record Line(long number, String text, String refusal) {
    }

    /** The body cannot be read on from the line where it broke. */
    static final class Broken extends Exception {

        enum Reason { QUOTE_NEVER_CLOSED, TOO_LARGE }

        final Reason reason;
        final long line;

        Broken(Reason reason, long line) {
            super(reason + " at line " + line, null, false, false);
            this.reason = reason;
            this.line = line;
        }
    }

    private enum Csv { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final Format format;
    private final int maxLineBytes;
    private final long maxBodyBytes;
    private final byte[] chunk = new byte[CHUNK];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;
    private int end;
    private long bodyBytes;
    private boolean started;
    private boolean afterCr;
    private long nextLine = 1;
    private long lineStart;
    private byte[] line = new byte[1024];
    private int length;
    private boolean tooLong;

    ImportLines(InputStream in, Format format, long maxLineBytes, long maxBodyBytes) {
        this.in = in;
        this.format = format;
        this.maxLineBytes = (int) Math.min(maxLineBytes, Integer.MAX_VALUE - 8);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException, Broken {
        lineStart = nextLine;
        length = 0;
        tooLong = false;
        boolean any = false;
        Csv csv = Csv.FIELD_START;
        while (true) {
            if (pos == end && !fill()) {
                if (csv == Csv.QUOTED) {
                    throw new Broken(Broken.Reason.QUOTE_NEVER_CLOSED, lineStart);
                }
                return any ? finish() : null;
            }
            byte b = chunk[pos++];
            if (afterCr) {
                afterCr = false;
                if (b == '\n') {
                    // The LF of a CRLF: one line break, already counted.
                    if (csv == Csv.QUOTED) {
                        append(b);
                    }
                    continue;
                }
            }
            any = true;
            if (b == '\n' || b == '\r') {
                nextLine++;
                afterCr = b == '\r';
                if (csv != Csv.QUOTED) {
                    return finish();
                }
            } else if (format == Format.CSV) {
                csv = switch (csv) {
                    case FIELD_START -> b == '"' ? Csv.QUOTED : b == ',' ? Csv.FIELD_START : Csv.UNQUOTED;
                    case UNQUOTED -> b == ',' ? Csv.FIELD_START : Csv.UNQUOTED;
                    case QUOTED -> b == '"' ? Csv.QUOTE_IN_QUOTED : Csv.QUOTED;
                    case QUOTE_IN_QUOTED -> b == '"' ? Csv.QUOTED : b == ',' ? Csv.FIELD_START : Csv.UNQUOTED;
                };
            }
            append(b);
        }
    }

    private void append(byte b) {
        if (length == maxLineBytes) {
            tooLong = true;
            return;
        }
        if (length == line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, 2L * line.length));
        }
        line[length++] = b;
    }

    private Line finish() {
        if (tooLong) {
            return new Line(lineStart, null, "is longer than " + maxLineBytes + " bytes, the most a line may have");
        }
        try {
            return new Line(lineStart, utf8.decode(ByteBuffer.wrap(line, 0, length)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(lineStart, null, "is not valid UTF-8");
        }
    }

    /** Reads on until there is a byte to look at; false at the end of the body. */
    private boolean fill() throws IOException, Broken {
        do {
            int n;
            if (started) {
                n = in.read(chunk, 0, CHUNK);
                pos = 0;
            } else {
                started = true;
                n = in.readNBytes(chunk, 0, 3);
                pos = n == 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF ? 3 : 0;
                n = n == 0 ? -1 : n;
            }
            if (n < 0) {
                pos = end = 0;
                return false;
            }
            end = n;
            bodyBytes += n;
            if (bodyBytes > maxBodyBytes) {
                throw new Broken(Broken.Reason.TOO_LARGE, lineStart);
            }
        } while (pos == end);
        return true;
    }
}
