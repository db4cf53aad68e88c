package org.youthwork.logbook.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.youthwork.logbook.period.ClosedPeriods;
import org.youthwork.logbook.system.InvalidInput;
import org.youthwork.logbook.system.LogbookConfig;
import org.youthwork.logbook.system.Problem;
import org.youthwork.logbook.system.DatabaseOutage;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bulk import of sessions, one per line of NDJSON or CSV, with the same fields and rules as a single session. The
 * body is streamed and cut into lines by {@link ImportLines}, which holds at most one line of a bounded size: memory
 * does not grow with the file nor with its lines. Lines are committed in batches of {@value #BATCH}: a report says
 * which lines were stored, which were stored already (same id, same content: nothing is stored twice), and which were
 * refused, with their line numbers and problems. A refused line never stops the others. A body that cannot be read to
 * its end (a quoted CSV field never closed, more bytes than an import may have) is refused as a whole, with the line
 * where it broke and the report of what was stored before it.
 */
@ApplicationScoped
public class SessionImport {

    static final int BATCH = 2000;
    static final int MAX_ERRORS = 1000;
    private static final Logger LOG = Logger.getLogger(SessionImport.class);

    @Schema(name = "ImportReport")
    public record Report(
            @Schema(description = "Sessions read") long lines,
            @Schema(description = "Stored by this import") long accepted,
            @Schema(description = "Stored already with the same id and content: left as they were") long unchanged,
            @Schema(description = "Refused; see errors") long rejected,
            @Schema(description = "The refused lines, the first 1000 of them by line number") List<LineError> errors,
            @Schema(description = "True when more lines were refused than errors lists; rejected counts them all")
            boolean errorsTruncated) {
    }

    @Schema(name = "ImportLineError")
    public record LineError(@Schema(description = "Line number in the file, from 1") long line, String id,
                            List<Problem.Violation> problems) {
    }

    private record Parsed(long line, SessionRequest request) {
    }

    /**
     * The lines read for the next batch and their ids (an id may appear once in a batch: the first is stored before a
     * second is compared with it), and the lines refused on the way.
     */
    private static final class Batch {
        final List<Parsed> lines = new ArrayList<>(BATCH);
        final Set<UUID> ids = new HashSet<>();
        final Tally refused = new Tally();

        boolean fits(Parsed p) {
            return p.request().id() == null || !ids.contains(p.request().id());
        }

        void add(Parsed p) {
            lines.add(p);
            if (p.request().id() != null) {
                ids.add(p.request().id());
            }
        }

        boolean full() {
            return lines.size() == BATCH;
        }

        Chunk chunk() {
            return new Chunk(lines, refused, false, null, null);
        }

        Chunk last(ImportLines.Broken broken, Throwable failure) {
            return new Chunk(lines, refused, true, broken, failure);
        }
    }

    /** A batch as the reader hands it on; the last one also says whether the body broke off or reading it failed. */
    private record Chunk(List<Parsed> lines, Tally refused, boolean last, ImportLines.Broken broken, Throwable failure) {
    }

    private final SessionService sessions;
    private final SessionWriter writer;
    private final ClosedPeriods closedPeriods;
    private final ObjectMapper json;
    private final Validator validator;
    private final LogbookConfig.Import limits;
    /** Two objects on one line are refused, not read as the first one. */
    private final ObjectReader ndjsonLine;
    private final ObjectReader csvRecord = new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY);
    /** One thread for each import running: it reads and checks the lines, while the import's own thread stores them. */
    private final ExecutorService readers = Executors.newCachedThreadPool(task -> {
        Thread reader = new Thread(task, "session-import-reader");
        reader.setDaemon(true);
        return reader;
    });

    SessionImport(SessionService sessions, SessionWriter writer, ClosedPeriods closedPeriods, ObjectMapper json, Validator validator,
                  LogbookConfig config) {
        this.sessions = sessions;
        this.writer = writer;
        this.closedPeriods = closedPeriods;
        this.json = json;
        this.validator = validator;
        this.limits = config.imports();
        this.ndjsonLine = json.readerFor(SessionRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    public Report ndjson(InputStream body) throws IOException {
        return read(lines(body, ImportLines.Format.NDJSON), ndjsonLine::readValue);
    }

    public Report csv(InputStream body) throws IOException {
        ImportLines lines = lines(body, ImportLines.Format.CSV);
        SessionCsv columns;
        try {
            columns = SessionCsv.of(header(lines.next()));
        } catch (ImportLines.Broken e) {
            throw broken(e, new Tally());
        }
        return read(lines, text -> json.convertValue(columns.toMap(fields(text)), SessionRequest.class));
    }

    /** How one line of a format becomes a session. */
    private interface LineFormat {
        SessionRequest read(String text) throws JsonProcessingException;
    }

    /**
     * Reading and checking the lines takes about as long as the database takes to store them, so the two overlap: a
     * reader thread cuts the body into checked batches while this thread stores the one before. The reader is one
     * batch ahead at most (it waits until this thread takes it), and stops when this thread does.
     */
    private Report read(ImportLines lines, LineFormat format) throws IOException {
        Tally tally = new Tally();
        Handover chunks = new Handover();
        Future<?> reading = readers.submit(() -> readAll(lines, format, chunks));
        try {
            while (true) {
                Chunk chunk = chunks.take();
                tally.add(chunk.refused());
                store(chunk.lines(), tally);
                if (chunk.broken() != null) {
                    throw broken(chunk.broken(), tally);
                }
                if (chunk.failure() instanceof IOException e) {
                    throw e;
                }
                if (chunk.failure() instanceof RuntimeException e) {
                    throw e;
                }
                if (chunk.failure() instanceof Error e) {
                    throw e;
                }
                if (chunk.last()) {
                    return tally.report();
                }
            }
        } finally {
            chunks.stopped = true;
            reading.cancel(true); // wakes a reader waiting for the body
        }
    }

    /** From the reader to the import's thread, one chunk at a time; the reader gives up once the import has stopped. */
    private static final class Handover {
        private final BlockingQueue<Chunk> queue = new SynchronousQueue<>();
        volatile boolean stopped;

        /** False when the import stopped before taking it. */
        boolean put(Chunk chunk) {
            try {
                while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                    if (stopped) {
                        return false;
                    }
                }
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }

        Chunk take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the import was interrupted", e);
            }
        }
    }

    /** On the reader thread: every line parsed and checked, handed on in batches; the last chunk says how the body ended. */
    private void readAll(ImportLines lines, LineFormat format, Handover chunks) {
        Batch batch = new Batch();
        try {
            for (ImportLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.refusal() != null) {
                    batch.refused.refuse(line.number(), null, List.of(new Problem.Violation(null, line.refusal())));
                    continue;
                }
                Parsed parsed = line.text().isBlank() ? null : check(batch.refused, line, format);
                if (parsed == null) {
                    continue;
                }
                if (!batch.fits(parsed)) {
                    if (!chunks.put(batch.chunk())) {
                        return;
                    }
                    batch = new Batch();
                }
                batch.add(parsed);
                if (batch.full()) {
                    if (!chunks.put(batch.chunk())) {
                        return;
                    }
                    batch = new Batch();
                }
            }
            chunks.put(batch.last(null, null));
        } catch (ImportLines.Broken e) {
            chunks.put(batch.last(e, null));
        } catch (Throwable e) {
            chunks.put(batch.last(null, e));
        }
    }

    /** One line parsed and checked, or null when it is refused. */
    private Parsed check(Tally refused, ImportLines.Line line, LineFormat format) {
        SessionRequest request;
        try {
            request = format.read(line.text());
        } catch (ProblemException e) {
            refused.refuse(line.number(), null, e.violations());
            return null;
        } catch (JsonProcessingException e) {
            refused.refuse(line.number(), null, List.of(InvalidInput.fromJackson(e)));
            return null;
        } catch (IllegalArgumentException e) {
            // Jackson's convertValue, for a CSV line: the cause says which field.
            refused.refuse(line.number(), null, List.of(e.getCause() instanceof JsonProcessingException j
                    ? InvalidInput.fromJackson(j) : new Problem.Violation(null, "invalid value")));
            return null;
        }
        if (request == null) {
            refused.refuse(line.number(), null, List.of(new Problem.Violation(null, "a session must be a JSON object")));
            return null;
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            refused.refuse(line.number(), request.id() == null ? null : request.id().toString(),
                    InvalidInput.fromConstraintViolations(violations));
            return null;
        }
        return new Parsed(line.number(), request);
    }

    private ImportLines lines(InputStream body, ImportLines.Format format) {
        return new ImportLines(body, format, limits.maxLineSize().asLongValue(), limits.maxBodySize().asLongValue());
    }

    private List<String> header(ImportLines.Line line) {
        if (line == null) {
            throw ProblemException.invalid(null, "the CSV needs a header row");
        }
        if (line.refusal() != null) {
            throw ProblemException.invalid(null, "the header row " + line.refusal());
        }
        return fields(line.text());
    }

    /** The fields of one CSV record, decoded by Jackson: one line of {@link ImportLines} is one record. */
    private List<String> fields(String record) {
        try (MappingIterator<String[]> records = csvRecord.readValues(record)) {
            String[] fields = records.nextValue();
            if (records.hasNextValue()) {
                throw ProblemException.invalid(null, "malformed CSV: more than one record on the line");
            }
            return Arrays.asList(fields);
        } catch (StreamReadException e) {
            throw ProblemException.invalid(null, "malformed CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.invalid(null, "malformed CSV");
        }
    }

    /**
     * The body broke off: the complete lines before the break are stored like any others, and the problem says where
     * it broke and what was stored, since earlier batches are committed already and a client must not think otherwise.
     */
    private ProblemException broken(ImportLines.Broken e, Tally tally) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("line", e.line);
        extensions.put("report", tally.report());
        return switch (e.reason) {
            case QUOTE_NEVER_CLOSED -> new ProblemException(ProblemType.INVALID_INPUT, "Line " + e.line
                    + " opens a quoted field that is never closed, so the rest of the body cannot be read; the lines"
                    + " before it were imported as the report says.",
                    List.of(new Problem.Violation(null, "line " + e.line + ": a quoted field is never closed")), extensions);
            case TOO_LARGE -> new ProblemException(ProblemType.BODY_TOO_LARGE, "An import may have at most "
                    + limits.maxBodySize().asLongValue() + " bytes; this one passed that in line " + e.line
                    + ". The lines before it were imported as the report says: send the rest from line " + e.line + ".",
                    null, extensions);
        };
    }

    /**
     * The database went away during the import: the batches before this one are committed, this one is not. The
     * problem says so, so that the client sends the file again (stored lines with ids are left as they are).
     */
    private ProblemException unavailable(List<Parsed> batch, Tally tally) {
        long line = batch.get(0).line();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("line", line);
        extensions.put("report", tally.report());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The database became unavailable at line " + line
                + "; the lines before it were imported as the report says, none from it on. Send the rest again in a"
                + " few seconds.", null, extensions);
    }

    /** One transaction per batch; should the database refuse a line the checks let through, the batch goes line by line. */
    private void store(List<Parsed> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            tally.add(QuarkusTransaction.requiringNew().call(() -> storeAll(batch)));
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                throw unavailable(batch, tally);
            }
            LOG.warnf("An import batch was refused by the database (%s); storing it line by line", e.getMessage());
            for (Parsed p : batch) {
                try {
                    tally.add(QuarkusTransaction.requiringNew().call(() -> {
                        Tally t = new Tally();
                        storeOne(p, t);
                        return t;
                    }));
                } catch (RuntimeException lineFailure) {
                    if (DatabaseOutage.isCause(lineFailure)) {
                        throw unavailable(batch, tally);
                    }
                    tally.refuse(p.line(), id(p), List.of(new Problem.Violation(null, "the database refused this session")));
                }
            }
        }
    }

    /** Checks every line as a single session is checked, then writes those that pass in one go. */
    private Tally storeAll(List<Parsed> lines) {
        Tally t = new Tally();
        Set<String> closed = closedPeriods.closedNow();
        sessions.preloadOrganisations(lines.stream().map(p -> sessions.organisationOf(p.request())).distinct().toList());
        List<YouthSession> ready = new ArrayList<>(lines.size());
        Map<UUID, Long> lineOf = new HashMap<>();
        for (Parsed p : lines) {
            try {
                SessionService.Prepared prepared = sessions.prepare(p.request());
                ClosedPeriods.requireOpen(closed, prepared.country(), prepared.session().date);
                ready.add(prepared.session());
                lineOf.put(prepared.session().id, p.line());
            } catch (ProblemException e) {
                t.refuse(p.line(), id(p), e.violations());
            }
        }
        if (ready.isEmpty()) {
            return t;
        }
        Set<UUID> storedAlready = writer.insertNew(ready);
        t.accepted += ready.size() - storedAlready.size();
        if (!storedAlready.isEmpty()) {
            Map<UUID, YouthSession> stored = sessions.stored(storedAlready);
            for (YouthSession candidate : ready) {
                if (storedAlready.contains(candidate.id)) {
                    try {
                        sessions.retried(stored.get(candidate.id), candidate);
                        t.unchanged++;
                    } catch (ProblemException e) {
                        t.refuse(lineOf.get(candidate.id), candidate.id.toString(), e.violations());
                    }
                }
            }
        }
        return t;
    }

    /** The single-session path, for the lines of a batch the database refused. */
    private void storeOne(Parsed p, Tally t) {
        try {
            if (sessions.store(p.request()).isNew()) {
                t.accepted++;
            } else {
                t.unchanged++;
            }
        } catch (ProblemException e) {
            t.refuse(p.line(), id(p), e.violations());
        }
    }

    private static String id(Parsed p) {
        return p.request().id() == null ? null : p.request().id().toString();
    }

    /** What an import did so far. Every refused line counts; the errors kept are those of the lowest line numbers. */
    private static final class Tally {
        long accepted;
        long unchanged;
        long rejected;
        /** The highest line on top, so that a lower one can take its place. */
        final PriorityQueue<LineError> errors = new PriorityQueue<>(Comparator.comparingLong(LineError::line).reversed());

        void refuse(long line, String id, List<Problem.Violation> problems) {
            rejected++;
            keep(new LineError(line, id, problems));
        }

        private void keep(LineError error) {
            errors.add(error);
            if (errors.size() > MAX_ERRORS) {
                errors.poll();
            }
        }

        void add(Tally other) {
            accepted += other.accepted;
            unchanged += other.unchanged;
            rejected += other.rejected;
            other.errors.forEach(this::keep);
        }

        Report report() {
            List<LineError> sorted = errors.stream().sorted(Comparator.comparingLong(LineError::line)).toList();
            return new Report(accepted + unchanged + rejected, accepted, unchanged, rejected, sorted, rejected > sorted.size());
        }
    }

    /** The CSV columns: the fields of a session, lists split by |, one column per (age band, gender) such as "15-19 FEMALE". */
    static final class SessionCsv {
        private static final Set<String> TEXT = Set.of("id", "organisationId", "municipalityCode", "date", "startTime",
                "title", "setting", "notes");
        private static final Set<String> NUMBERS = Set.of("durationMinutes", "firstTimeParticipants", "unorganisedYouth",
                "fewerOpportunities", "youthWorkers", "volunteers", "youngLeaders");
        private static final Set<String> FLAGS = Set.of("participantsEstimated", "youthLed");
        private static final Set<String> LISTS = Set.of("methods", "themes");

        private final List<String> names;

        private SessionCsv(List<String> names) {
            this.names = names;
        }

        static SessionCsv of(List<String> header) {
            List<Problem.Violation> unknown = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String name : header) {
                if (!TEXT.contains(name) && !NUMBERS.contains(name) && !FLAGS.contains(name) && !LISTS.contains(name)
                        && pair(name) == null) {
                    unknown.add(new Problem.Violation(name, "unknown column"));
                } else if (!seen.add(name)) {
                    unknown.add(new Problem.Violation(name, "column named twice"));
                }
            }
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid(unknown);
            }
            return new SessionCsv(header);
        }

        Map<String, Object> toMap(List<String> record) {
            if (record.size() != names.size()) {
                throw ProblemException.invalid(null, "has " + record.size() + " fields, the header " + names.size());
            }
            Map<String, Object> session = new HashMap<>();
            List<Map<String, Object>> participants = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                // Notes are stored as written, as from JSON; every other value is read without the blanks around it.
                String value = name.equals("notes") ? record.get(i) : record.get(i).strip();
                if (value.isEmpty()) {
                    continue;
                }
                String[] pair = pair(name);
                if (pair != null) {
                    participants.add(Map.of("ageBand", pair[0], "gender", pair[1], "count", number(name, value)));
                } else if (NUMBERS.contains(name)) {
                    session.put(name, number(name, value));
                } else if (FLAGS.contains(name)) {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw ProblemException.invalid(name, "must be true or false");
                    }
                    session.put(name, Boolean.valueOf(value));
                } else if (LISTS.contains(name)) {
                    session.put(name, List.of(value.split("\\s*\\|\\s*")));
                } else {
                    session.put(name, value);
                }
            }
            session.put("participants", participants);
            return session;
        }

        private static Object number(String name, String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(name, "must be a whole number");
            }
        }

        /** "15-19 FEMALE" to its age band and gender code, or null. */
        private static String[] pair(String name) {
            String[] parts = name.split(" ");
            if (parts.length != 2) {
                return null;
            }
            boolean band = false;
            for (AgeBand b : AgeBand.values()) {
                band |= b.code().equals(parts[0]);
            }
            boolean gender = false;
            for (Gender g : Gender.values()) {
                gender |= g.code().equals(parts[1]);
            }
            return band && gender ? parts : null;
        }
    }
}
