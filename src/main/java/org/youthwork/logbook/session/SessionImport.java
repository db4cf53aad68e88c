package org.youthwork.logbook.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.youthwork.logbook.period.ClosedPeriods;
import org.youthwork.logbook.system.InvalidInput;
import org.youthwork.logbook.system.Problem;
import org.youthwork.logbook.system.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk import of sessions, one per line of NDJSON or CSV, with the same fields and rules as a single session. The
 * body is streamed: memory does not grow with the file. Lines are committed in batches of {@value #BATCH}: a report
 * says which lines were stored, which were stored already (same id, same content: nothing is stored twice), and
 * which were refused, with their line numbers and problems. A refused line never stops the others.
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

    /** The lines waiting to be stored, and their ids: an id may appear once in a batch. */
    private static final class Batch {
        final List<Parsed> lines = new ArrayList<>(BATCH);
        final Set<UUID> ids = new HashSet<>();
    }

    private final SessionService sessions;
    private final BulkWriter writer;
    private final ClosedPeriods closedPeriods;
    private final ObjectMapper json;
    private final Validator validator;

    SessionImport(SessionService sessions, BulkWriter writer, ClosedPeriods closedPeriods, ObjectMapper json, Validator validator) {
        this.sessions = sessions;
        this.writer = writer;
        this.closedPeriods = closedPeriods;
        this.json = json;
        this.validator = validator;
    }

    public Report ndjson(InputStream body) throws IOException {
        Tally tally = new Tally();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String text;
            long line = 0;
            Batch batch = new Batch();
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    add(batch, tally, line, json.readValue(text, SessionRequest.class));
                } catch (JsonProcessingException e) {
                    tally.refuse(line, null, List.of(InvalidInput.fromJackson(e)));
                }
            }
            store(batch, tally);
        }
        return tally.report();
    }

    public Report csv(InputStream body) throws IOException {
        Tally tally = new Tally();
        CsvRecords records = new CsvRecords(new BufferedReader(new InputStreamReader(skipBom(body), StandardCharsets.UTF_8)));
        List<String> header = records.next();
        if (header == null) {
            throw ProblemException.invalid(null, "the CSV needs a header row");
        }
        SessionCsv columns = SessionCsv.of(header);
        Batch batch = new Batch();
        for (List<String> record = records.next(); record != null; record = records.next()) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            long line = records.line();
            try {
                add(batch, tally, line, json.convertValue(columns.toMap(record), SessionRequest.class));
            } catch (ProblemException e) {
                tally.refuse(line, null, e.violations());
            } catch (IllegalArgumentException e) {
                Throwable cause = e.getCause();
                tally.refuse(line, null, List.of(cause instanceof JsonProcessingException j ? InvalidInput.fromJackson(j)
                        : new Problem.Violation(null, "invalid value")));
            }
        }
        store(batch, tally);
        return tally.report();
    }

    private void add(Batch batch, Tally tally, long line, SessionRequest request) {
        if (request == null) {
            tally.refuse(line, null, List.of(new Problem.Violation(null, "a session must be a JSON object")));
            return;
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            tally.refuse(line, request.id() == null ? null : request.id().toString(), InvalidInput.fromConstraintViolations(violations));
            return;
        }
        if (request.id() != null && !batch.ids.add(request.id())) {
            // The same id twice in one batch: the first is stored before the second is compared with it.
            store(batch, tally);
            batch.ids.add(request.id());
        }
        batch.lines.add(new Parsed(line, request));
        if (batch.lines.size() == BATCH) {
            store(batch, tally);
        }
    }

    /** One transaction per batch; should the database refuse a line the checks let through, the batch goes line by line. */
    private void store(Batch batch, Tally tally) {
        if (batch.lines.isEmpty()) {
            return;
        }
        try {
            tally.add(QuarkusTransaction.requiringNew().call(() -> storeAll(batch.lines)));
        } catch (RuntimeException e) {
            LOG.warnf("An import batch was refused by the database (%s); storing it line by line", e.getMessage());
            for (Parsed p : batch.lines) {
                try {
                    tally.add(QuarkusTransaction.requiringNew().call(() -> {
                        Tally t = new Tally();
                        storeOne(p, t);
                        return t;
                    }));
                } catch (RuntimeException lineFailure) {
                    tally.refuse(p.line(), id(p), List.of(new Problem.Violation(null, "the database refused this session")));
                }
            }
        }
        batch.lines.clear();
        batch.ids.clear();
    }

    /** Checks every line as a single session is checked, then writes those that pass in one go. */
    private Tally storeAll(List<Parsed> lines) {
        Tally t = new Tally();
        Set<String> closed = closedPeriods.closedNow();
        sessions.preloadOrganisations(lines.stream().map(p -> p.request().organisationId()).toList());
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

    private static InputStream skipBom(InputStream in) throws IOException {
        var buffered = new java.io.BufferedInputStream(in);
        buffered.mark(3);
        byte[] bom = buffered.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
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
            for (String name : header) {
                if (!TEXT.contains(name) && !NUMBERS.contains(name) && !FLAGS.contains(name) && !LISTS.contains(name)
                        && pair(name) == null) {
                    unknown.add(new Problem.Violation(name, "unknown column"));
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
                String value = record.get(i).strip();
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
