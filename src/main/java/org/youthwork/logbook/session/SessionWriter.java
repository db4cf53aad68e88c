package org.youthwork.logbook.session;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.youthwork.logbook.account.Caller;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes new sessions, each checked already, with their audit rows (without an after-image: see
 * {@link org.youthwork.logbook.audit.AuditLog#history}), in plain SQL: Hibernate's entity machinery cost more than
 * the database's own work for a session. One session is one statement; a batch is written as PostgreSQL writes bulk
 * data best: one COPY into a temporary table, then one statement that inserts them and skips the ids stored already.
 * The rollup triggers run once for the statement, not once a session. Runs in the caller's transaction.
 */
@ApplicationScoped
class SessionWriter {

    private static final String COLUMNS = "id, organisation_id, municipality_code, held_on, start_time, duration_minutes,"
            + " title, methods, themes, setting,"
            + " under15_female, under15_male, under15_other, age15_19_female, age15_19_male, age15_19_other,"
            + " age20_24_female, age20_24_male, age20_24_other, age25_29_female, age25_29_male, age25_29_other,"
            + " over29_female, over29_male, over29_other,"
            + " participants_estimated, first_time_participants, unorganised_youth, fewer_opportunities, youth_workers,"
            + " volunteers, youth_led, young_leaders, notes, version, created_at, updated_at, logged_by";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;

    private static final String INSERT_ONE = "with inserted as ("
            + " insert into youth_session (" + COLUMNS + ") values (" + "?, ".repeat(COLUMN_COUNT - 1) + "?)"
            + " returning id, created_at)"
            + " insert into audit_entry (entity_type, entity_id, action, actor_id, actor_name, actor_role, at)"
            + " select 'SESSION', id, 'CREATE', ?, ?, ?, created_at from inserted";

    /** Created once per database connection, emptied at every commit. */
    private static final String STAGING = "create temp table if not exists session_import on commit delete rows as"
            + " select " + COLUMNS + " from youth_session with no data";

    private static final String INSERT = "with inserted as ("
            + " insert into youth_session (" + COLUMNS + ") select " + COLUMNS + " from session_import"
            + " on conflict (id) do nothing returning id),"
            + " audited as (insert into audit_entry (entity_type, entity_id, action, actor_id, actor_name, actor_role, at)"
            + " select 'SESSION', s.id, 'CREATE', ?, ?, ?, s.created_at"
            + " from session_import s join inserted i on i.id = s.id)"
            + " select s.id from session_import s where s.id not in (select id from inserted)";

    private static final CsvFactory COPY_CSV = CsvFactory.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS).build();

    private final EntityManager em;
    private final Caller caller;

    SessionWriter(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** Stores a new session; a refusal by the database is thrown here, as Hibernate's exception for it. */
    void insert(YouthSession session) {
        Object[] values = values(session);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ONE)) {
                for (int i = 0; i < values.length; i++) {
                    // The driver takes a point in time as an OffsetDateTime, not an Instant.
                    insert.setObject(i + 1, values[i] instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : values[i]);
                }
                actor(insert, values.length + 1);
                insert.executeUpdate();
            }
        });
    }

    /** Stores the sessions (distinct ids) that are not stored yet; answers the ids that were stored already. */
    Set<UUID> insertNew(List<YouthSession> sessions) {
        byte[] rows = csv(sessions);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(STAGING);
            }
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy session_import (" + COLUMNS + ") from stdin (format csv)", new ByteArrayInputStream(rows));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<UUID> stored = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                actor(insert, 1);
                try (ResultSet found = insert.executeQuery()) {
                    while (found.next()) {
                        stored.add(found.getObject(1, UUID.class));
                    }
                }
            }
            return stored;
        });
    }

    /** The audit row's actor: the caller, from parameter first on. */
    private void actor(PreparedStatement statement, int first) throws SQLException {
        statement.setObject(first, caller.accountId());
        statement.setString(first + 1, caller.name());
        statement.setString(first + 2, caller.role().name());
    }

    /** A session's values in the order of {@link #COLUMNS}. */
    private static Object[] values(YouthSession s) {
        Object[] values = new Object[COLUMN_COUNT];
        int i = 0;
        values[i++] = s.id;
        values[i++] = s.organisationId;
        values[i++] = s.municipalityCode;
        values[i++] = s.date;
        values[i++] = s.startTime;
        values[i++] = s.durationMinutes;
        values[i++] = s.title;
        values[i++] = CodeSets.toBits(s.methods, m -> m.bit);
        values[i++] = CodeSets.toBits(s.themes, t -> t.bit);
        values[i++] = s.setting.name();
        for (AgeBand band : AgeBand.values()) {
            for (Gender gender : Gender.values()) {
                values[i++] = s.participants.get(band, gender);
            }
        }
        values[i++] = s.participantsEstimated;
        values[i++] = s.firstTimeParticipants;
        values[i++] = s.unorganisedYouth;
        values[i++] = s.fewerOpportunities;
        values[i++] = s.youthWorkers;
        values[i++] = s.volunteers;
        values[i++] = s.youthLed;
        values[i++] = s.youngLeaders;
        values[i++] = s.notes;
        values[i++] = s.version;
        values[i++] = s.createdAt;
        values[i++] = s.updatedAt;
        values[i] = s.loggedBy;
        return values;
    }

    /**
     * The batch in COPY's CSV format. Every text is quoted and a missing value is left empty, since an unquoted empty
     * field is how COPY tells a null from an empty string.
     */
    private byte[] csv(List<YouthSession> sessions) {
        ByteArrayOutputStream rows = new ByteArrayOutputStream(sessions.size() * 600);
        try (CsvGenerator copy = (CsvGenerator) COPY_CSV.createGenerator(rows, JsonEncoding.UTF8)) {
            copy.setSchema(CsvSchema.emptySchema());
            // Rows inside one array: a null directly in a top-level row would be dropped rather than left empty.
            copy.writeStartArray();
            for (YouthSession s : sessions) {
                copy.writeStartArray();
                for (Object value : values(s)) {
                    if (value == null) {
                        copy.writeNull();
                    } else if (value instanceof Integer number) {
                        copy.writeNumber(number);
                    } else if (value instanceof Boolean flag) {
                        copy.writeBoolean(flag);
                    } else {
                        copy.writeString(value.toString());
                    }
                }
                copy.writeEndArray();
            }
            copy.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.toByteArray();
    }
}
