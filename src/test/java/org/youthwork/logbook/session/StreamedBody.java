package org.youthwork.logbook.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A request body made while it is sent, never held: a head, a run of one byte repeated, and a tail. Sent over a plain
 * socket, with Content-Length or chunked, so that a test controls exactly what reaches the service and when, and can
 * announce a length it never sends.
 */
final class StreamedBody extends InputStream {

    private final byte[] head;
    private final long runLength;
    private final byte run;
    private final byte[] tail;
    private long pos;

    StreamedBody(String head, long runLength, char run, String tail) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.runLength = runLength;
        this.run = (byte) run;
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
    }

    long length() {
        return head.length + runLength + tail.length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= length()) {
            return -1;
        }
        int n = 0;
        while (n < len && pos < length()) {
            if (pos < head.length) {
                int k = (int) Math.min(len - n, head.length - pos);
                System.arraycopy(head, (int) pos, b, off + n, k);
                n += k;
                pos += k;
            } else if (pos < head.length + runLength) {
                int k = (int) Math.min(len - n, head.length + runLength - pos);
                Arrays.fill(b, off + n, off + n + k, run);
                n += k;
                pos += k;
            } else {
                int at = (int) (pos - head.length - runLength);
                int k = Math.min(len - n, tail.length - at);
                System.arraycopy(tail, at, b, off + n, k);
                n += k;
                pos += k;
            }
        }
        return n;
    }

    record Answer(int status, String contentType, String connection, JsonNode body) {
    }

    enum Sending {
        /** With Content-Length. */
        LENGTH,
        /** Chunked, as a client sends what it makes while sending. */
        CHUNKED,
        /** Chunked, then waiting for the answer without the closing chunk, as a client that would go on sending. */
        CHUNKED_UNFINISHED
    }

    /** POSTs the body and reads the answer once all of it is sent. */
    static Answer post(URI uri, String token, String contentType, InputStream body, long length, Sending sending) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            boolean chunked = sending != Sending.LENGTH;
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: " + contentType + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + length) + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[64 * 1024];
            for (int n = body.read(buffer); n > 0; n = body.read(buffer)) {
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(buffer, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (sending == Sending.CHUNKED) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String contentType = null;
        String connection = null;
        long length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String name = header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT);
            String value = header.substring(header.indexOf(':') + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "connection" -> connection = value;
                case "content-length" -> length = Long.parseLong(value);
                default -> {
                }
            }
        }
        byte[] body = in.readNBytes((int) length);
        return new Answer(status, contentType, connection, body.length == 0 ? null : new ObjectMapper().readTree(body));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed before the answer ended");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
