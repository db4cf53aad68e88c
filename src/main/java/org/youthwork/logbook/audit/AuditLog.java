package org.youthwork.logbook.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.youthwork.logbook.account.Caller;
import org.youthwork.logbook.account.Role;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.QueryParams.Paging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

/** Writes the audit trail in the transaction of the change it records, and reads it back. */
@ApplicationScoped
public class AuditLog {

    @Schema(name = "Change", description = "One change: who, when, and the representation before and after")
    public record Change(Instant at, AuditEntry.Action action, Actor actor,
                         @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, nullable = true) String before,
                         @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, nullable = true) String after,
                         @Schema(nullable = true, description = "Why, when before and after alone do not say it: e.g. that merging a duplicate organisation moved it",
                                 examples = "Moved from organisation 'MC Velenje (copy)' when it was merged into 'Mladinski center Velenje'") String note) {
    }

    public record Actor(@Schema(nullable = true, description = "The account; none for the service itself (\"system\") "
            + "and for an external identity provider's subject") UUID id, String name, Role role) {
    }

    /**
     * Oldest first by when, then by id. Not by id alone: this service takes ids from the sequence in blocks of 50, an
     * import one at a time in SQL, so a correction made after an import can hold a lower id than the import's entry.
     */
    private static final Sort IN_ORDER = Sort.by("at").and("id");

    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(Caller caller, ObjectMapper json, Clock clock) {
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry.Type type, UUID id, AuditEntry.Action action, Object before, Object after) {
        record(type, id, action, before, after, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry.Type type, UUID id, AuditEntry.Action action, Object before, Object after, String note) {
        AuditEntry entry = new AuditEntry();
        entry.entityType = type;
        entry.entityId = id;
        entry.action = action;
        entry.actorId = caller.accountId();
        entry.actorName = caller.name();
        entry.actorRole = caller.role();
        entry.at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        entry.before = write(before);
        entry.after = write(after);
        entry.note = note;
        entry.persist();
    }

    public Page<Change> history(AuditEntry.Type type, UUID id, Paging paging) {
        return history(type, id, paging, () -> null);
    }

    /**
     * The history of an entity whose CREATE entries may hold no after-image, as a session's do: the row is its own
     * after-image until it changes, and every later entry holds the state before it. So such an entry's after is the
     * next entry's before, or the entity as it is now (current) when nothing has changed since; the trail stays
     * complete, and logging a session writes half as much.
     */
    public Page<Change> history(AuditEntry.Type type, UUID id, Paging paging, Supplier<Object> current) {
        var query = AuditEntry.<AuditEntry>find("entityType = ?1 and entityId = ?2", IN_ORDER, type, id);
        var items = query.page(paging.page(), paging.size()).list().stream()
                .map(e -> new Change(e.at, e.action, new Actor(e.actorId, e.actorName, e.actorRole), e.before,
                        e.action == AuditEntry.Action.CREATE && e.after == null ? createdAs(e, current) : e.after, e.note))
                .toList();
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }

    private String createdAs(AuditEntry created, Supplier<Object> current) {
        AuditEntry next = AuditEntry.<AuditEntry>find("entityType = ?1 and entityId = ?2 and (at > ?3 or (at = ?3 and id > ?4))",
                IN_ORDER, created.entityType, created.entityId, created.at, created.id).firstResult();
        return next != null ? next.before : write(current.get());
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the audit trail", e);
        }
    }
}
