package org.youthwork.logbook.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.youthwork.logbook.account.Caller;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a batch of new sessions, each checked already, as PostgreSQL writes bulk data best: one COPY into a
 * temporary table, then one statement that inserts them, skips the ids stored already, and writes their audit rows.
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
            + " volunteers, youth_led, young_leaders, notes, version, created_at, updated_at";

    /** Created once per database connection, emptied at every commit. */
    private static final String STAGING = "create temp table if not exists session_import on commit delete rows as"
            + " select " + COLUMNS + ", null::jsonb as audit_after from youth_session with no data";

    private static final String INSERT = "with inserted as ("
            + " insert into youth_session (" + COLUMNS + ") select " + COLUMNS + " from session_import"
            + " on conflict (id) do nothing returning id),"
            + " audited as (insert into audit_entry (entity_type, entity_id, action, actor_id, actor_name, actor_role, at, after)"
            + " select 'SESSION', s.id, 'CREATE', ?, ?, ?, s.created_at, s.audit_after"
            + " from session_import s join inserted i on i.id = s.id)"
            + " select s.id from session_import s where s.id not in (select id from inserted)";

    private final EntityManager em;
    private final Caller caller;
    private final ObjectMapper json;

    BulkWriter(EntityManager em, Caller caller, ObjectMapper json) {
        this.em = em;
        this.caller = caller;
        this.json = json;
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
                        .copyIn("copy session_import (" + COLUMNS + ", audit_after) from stdin (format csv)", new StringReader(rows));
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

    private String csv(List<YouthSession> sessions) {
        StringBuilder out = new StringBuilder(sessions.size() * 700);
        for (YouthSession s : sessions) {
            out.append(s.id).append(',').append(s.organisationId).append(',');
            text(out, s.municipalityCode).append(',').append(s.date).append(',');
            if (s.startTime != null) {
                out.append(s.startTime);
            }
            out.append(',').append(s.durationMinutes).append(',');
            text(out, s.title).append(',');
            out.append(CodeSets.toBits(s.methods, m -> m.bit)).append(',').append(CodeSets.toBits(s.themes, t -> t.bit)).append(',');
            out.append(s.setting.name()).append(',');
            for (AgeBand band : AgeBand.values()) {
                for (Gender gender : Gender.values()) {
                    Integer count = s.participants.get(band, gender);
                    if (count != null) {
                        out.append(count);
                    }
                    out.append(',');
                }
            }
            out.append(s.participantsEstimated).append(',').append(s.firstTimeParticipants).append(',')
                    .append(s.unorganisedYouth).append(',').append(s.fewerOpportunities).append(',')
                    .append(s.youthWorkers).append(',').append(s.volunteers).append(',').append(s.youthLed).append(',')
                    .append(s.youngLeaders).append(',');
            if (s.notes != null) {
                text(out, s.notes);
            }
            out.append(',').append(s.version).append(',').append(s.createdAt).append(',').append(s.updatedAt).append(',');
            text(out, audit(s)).append('\n');
        }
        return out.toString();
    }

    private String audit(YouthSession s) {
        try {
            return json.writeValueAsString(SessionResponse.from(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the audit trail", e);
        }
    }

    /** A quoted CSV field: an empty quoted string stays an empty string, never a null. */
    private static StringBuilder text(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }
}
