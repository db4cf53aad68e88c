package org.youthwork.logbook.session;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The sessions a caller may see, as the CSV the import reads: the same columns, so that an export imported again is
 * counted unchanged. Streamed: the rows come from a JDBC cursor ({@value #FETCH} at a time) in a read-only transaction
 * and go out as they come, so memory does not grow with the number of sessions. Texts are written exactly as stored,
 * never defused with a leading ' as the annual analysis is, since the import would store that quote.
 */
@ApplicationScoped
class SessionExport {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final int FETCH = 500;
    /** A long export holds one snapshot open; past this the transaction is ended and the answer breaks off. */
    private static final int TIMEOUT_SECONDS = 30 * 60;
    private static final String BOM = "\uFEFF";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    /** The import's columns (SessionImport.SessionCsv), in the order of a session's fields. */
    static final List<String> HEADER;
    private static final String COLUMNS;

    static {
        List<String> header = new ArrayList<>(List.of("id", "organisationId", "municipalityCode", "date", "startTime",
                "durationMinutes", "title", "methods", "themes", "setting"));
        StringJoiner columns = new StringJoiner(", ").add("id, organisation_id, municipality_code, held_on, start_time,"
                + " duration_minutes, title, methods, themes, setting");
        String[] bands = {"under15", "age15_19", "age20_24", "age25_29", "over29"};
        for (AgeBand band : AgeBand.values()) {
            for (Gender gender : Gender.values()) {
                header.add(band.code() + " " + gender.code());
                columns.add(bands[band.ordinal()] + "_" + gender.name().toLowerCase());
            }
        }
        header.addAll(List.of("participantsEstimated", "firstTimeParticipants", "unorganisedYouth", "fewerOpportunities",
                "youthWorkers", "volunteers", "youthLed", "youngLeaders", "notes"));
        columns.add("participants_estimated, first_time_participants, unorganised_youth, fewer_opportunities,"
                + " youth_workers, volunteers, youth_led, young_leaders, notes");
        HEADER = List.copyOf(header);
        COLUMNS = columns.toString();
    }

    private final SessionService sessions;
    private final AgroalDataSource db;
    private final Clock clock;

    SessionExport(SessionService sessions, AgroalDataSource db, Clock clock) {
        this.sessions = sessions;
        this.db = db;
        this.clock = clock;
    }

    /** The rows to write, and the file's name. The caller's scope and the filters are checked now, not while streaming. */
    record Export(StreamingOutput body, String filename) {
    }

    Export csv(SessionService.Filter filter) {
        SessionService.Selection selection = sessions.selection(filter);
        StreamingOutput body = out -> QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> write(selection, out));
        return new Export(body, "sessions-" + LocalDate.now(clock) + ".csv");
    }

    private void write(SessionService.Selection selection, OutputStream out) {
        String sql = "select " + COLUMNS + " from youth_session where " + selection.where()
                + " order by " + SessionService.Selection.NEWEST_FIRST;
        // The connection is the transaction's: autocommit is off, so that PostgreSQL hands the rows out by the fetch size.
        try (Connection connection = db.getConnection()) {
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("set transaction isolation level repeatable read, read only");
            }
            try (PreparedStatement query = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                query.setFetchSize(FETCH);
                for (int i = 0; i < selection.values().size(); i++) {
                    query.setObject(i + 1, selection.values().get(i));
                }
                Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                text.write(BOM);
                try (ResultSet rows = query.executeQuery(); CsvGenerator csv = (CsvGenerator) CSV.createGenerator(text)) {
                    csv.setSchema(CsvSchema.emptySchema().withLineSeparator("\r\n"));
                    csv.writeStartArray();
                    for (String name : HEADER) {
                        csv.writeString(name);
                    }
                    csv.writeEndArray();
                    while (rows.next()) {
                        row(csv, rows);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The export could not read the sessions", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client went away: the read-only transaction is rolled back
        }
    }

    private static void row(CsvGenerator csv, ResultSet r) throws IOException, SQLException {
        int c = 1;
        csv.writeStartArray();
        csv.writeString(r.getString(c++));
        csv.writeString(r.getString(c++));
        csv.writeString(r.getString(c++));
        csv.writeString(r.getObject(c++, LocalDate.class).toString());
        LocalTime start = r.getObject(c++, LocalTime.class);
        csv.writeString(start == null ? "" : HH_MM.format(start));
        csv.writeNumber(r.getInt(c++));
        csv.writeString(r.getString(c++));
        csv.writeString(codes(CodeSets.fromBits(r.getInt(c++), Method.class, m -> m.bit)));
        csv.writeString(codes(CodeSets.fromBits(r.getInt(c++), Theme.class, t -> t.bit)));
        csv.writeString(r.getString(c++));
        for (int i = 0; i < AgeBand.values().length * Gender.values().length; i++) {
            int count = r.getInt(c++);
            csv.writeString(r.wasNull() ? "" : Integer.toString(count));
        }
        csv.writeString(Boolean.toString(r.getBoolean(c++)));
        for (int i = 0; i < 3; i++) {
            csv.writeNumber(r.getInt(c++));
        }
        csv.writeNumber(r.getInt(c++));
        csv.writeNumber(r.getInt(c++));
        csv.writeString(Boolean.toString(r.getBoolean(c++)));
        csv.writeNumber(r.getInt(c++));
        String notes = r.getString(c);
        csv.writeString(notes == null ? "" : notes);
        csv.writeEndArray();
    }

    private static String codes(Set<? extends Coded> values) {
        StringJoiner joined = new StringJoiner("|");
        values.forEach(v -> joined.add(v.code()));
        return joined.toString();
    }
}
