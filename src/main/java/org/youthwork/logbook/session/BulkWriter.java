package org.youthwork.logbook.session;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.youthwork.logbook.account.Caller;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a batch of new sessions, each checked already, as PostgreSQL writes bulk data best: one COPY into a
 * temporary table, then one statement that inserts them, skips the ids stored already, and writes their audit rows
 * (without an after-image: see {@link org.youthwork.logbook.audit.AuditLog#history}).
 * The rollup triggers run once for the statement, not once a session. Runs in the caller's transaction.
 */
@ApplicationScoped
class BulkWriter {

    private static final String COLUMNS = "id, organisation_id, municipality_code, held_on, start_time, duration_minutes,"
            + " title, methods, themes, setting,"
            + " under15_female, under15_male, under15_other, age15_19_female, age15_19_male, age15_19_other,"
            + " age20_24_female, age20_24_male, age20_24_other, age25_29_female, age25_29_male, age25_29_other,"
            + " over29_female, over29_male, over29_other,"
            + " participants_estimated, first_time_participants, unorganised_youth, fewer_opportunities, youth_workers,"
            + " volunteers, youth_led, young_leaders, notes, version, created_at, updated_at, logged_by";

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

    BulkWriter(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** Stores the sessions (distinct ids) that are not stored yet; answers the ids that were stored already. */
    Set<UUID> insertNew(List<YouthSession> sessions) {
        String rows = csv(sessions);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(STAGING);
            }
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy session_import (" + COLUMNS + ") from stdin (format csv)", new StringReader(rows));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<UUID> stored = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, caller.accountId());
                insert.setString(2, caller.name());
                insert.setString(3, caller.role().name());
                try (ResultSet found = insert.executeQuery()) {
                    while (found.next()) {
                        stored.add(found.getObject(1, UUID.class));
                    }
                }
            }
            return stored;
        });
    }

    /**
     * The batch in COPY's CSV format. Every text is quoted and a missing value is left empty, since an unquoted empty
     * field is how COPY tells a null from an empty string.
     */
    private String csv(List<YouthSession> sessions) {
        StringWriter rows = new StringWriter(sessions.size() * 700);
        try (CsvGenerator copy = (CsvGenerator) COPY_CSV.createGenerator(rows)) {
            copy.setSchema(CsvSchema.emptySchema());
            // Rows inside one array: a null directly in a top-level row would be dropped rather than left empty.
            copy.writeStartArray();
            for (YouthSession s : sessions) {
                copy.writeStartArray();
                copy.writeString(s.id.toString());
                copy.writeString(s.organisationId.toString());
                copy.writeString(s.municipalityCode);
                copy.writeString(s.date.toString());
                copy.writeString(s.startTime == null ? null : s.startTime.toString());
                copy.writeNumber(s.durationMinutes);
                copy.writeString(s.title);
                copy.writeNumber(CodeSets.toBits(s.methods, m -> m.bit));
                copy.writeNumber(CodeSets.toBits(s.themes, t -> t.bit));
                copy.writeString(s.setting.name());
                for (AgeBand band : AgeBand.values()) {
                    for (Gender gender : Gender.values()) {
                        Integer count = s.participants.get(band, gender);
                        if (count == null) {
                            copy.writeNull();
                        } else {
                            copy.writeNumber(count);
                        }
                    }
                }
                copy.writeBoolean(s.participantsEstimated);
                copy.writeNumber(s.firstTimeParticipants);
                copy.writeNumber(s.unorganisedYouth);
                copy.writeNumber(s.fewerOpportunities);
                copy.writeNumber(s.youthWorkers);
                copy.writeNumber(s.volunteers);
                copy.writeBoolean(s.youthLed);
                copy.writeNumber(s.youngLeaders);
                copy.writeString(s.notes);
                copy.writeNumber(s.version);
                copy.writeString(s.createdAt.toString());
                copy.writeString(s.updatedAt.toString());
                copy.writeString(s.loggedBy == null ? null : s.loggedBy.toString());
                copy.writeEndArray();
            }
            copy.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.toString();
    }
}
