package org.youthwork.logbook.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.account.OrganisationAccounts;
import org.youthwork.logbook.audit.AuditEntry;
import org.youthwork.logbook.audit.AuditLog;
import org.youthwork.logbook.session.OrganisationSessions;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.Versions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Merges a duplicate organisation into the one it duplicates, in one transaction: its sessions, accounts and their
 * history move, and the duplicate is deleted. Both rows are locked for update first, so a session logged for the
 * duplicate at the same moment is either moved too or refused (session creation locks the row it logs for).
 */
@ApplicationScoped
public class OrganisationMerge {

    private final OrganisationService organisations;
    private final OrganisationSessions sessions;
    private final OrganisationAccounts accounts;
    private final AuditLog audit;

    OrganisationMerge(OrganisationService organisations, OrganisationSessions sessions, OrganisationAccounts accounts, AuditLog audit) {
        this.organisations = organisations;
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public MergeResponse merge(UUID id, MergeRequest request, String ifMatch) {
        organisations.visible(id);
        organisations.requireAdministrator();
        UUID into = request.into();
        if (into.equals(id)) {
            throw ProblemException.invalid("into", "must be another organisation than the duplicate merged into it");
        }
        Map<UUID, Organisation> live = organisations.lockForUpdate(List.of(id, into));
        Organisation duplicate = live.get(id);
        if (duplicate == null) {
            throw ProblemException.notFound("The organisation");
        }
        Organisation target = live.get(into);
        if (target == null) {
            throw ProblemException.invalid("into", organisations.findIncludingDeleted(into)
                    .filter(o -> o.mergedInto != null)
                    .map(o -> "was merged into " + o.mergedInto + ": merge into that one")
                    .orElse("unknown organisation"));
        }
        Versions.checkMatch(ifMatch, duplicate.version);
        String country = duplicate.municipality.countryCode;
        if (!country.equals(target.municipality.countryCode)) {
            throw ProblemException.conflict("The duplicate is an organisation of " + country + ", the other one of "
                    + target.municipality.countryCode + ": only organisations of one country are merged.");
        }
        // A closed year's figures per organisation are what the network reported: moving its sessions would change
        // them, so the year is reopened for the merge first, as for any other change to its sessions.
        List<Integer> closed = sessions.closedYears(id, country);
        if (!closed.isEmpty()) {
            String years = closed.stream().map(String::valueOf).collect(Collectors.joining(", "));
            throw ProblemException.conflict("The duplicate has sessions in " + years + ", closed for " + country
                    + ": merging would change that period's figures per organisation. An administrator reopens it"
                    + " (DELETE /api/v1/periods/closed/" + country + "/" + closed.get(0) + "), merges, and closes it again.");
        }
        OrganisationResponse duplicateBefore = OrganisationResponse.from(duplicate);
        OrganisationResponse targetBefore = OrganisationResponse.from(target);
        Instant now = organisations.now();
        String note = "Moved from organisation '" + duplicate.name + "' (" + id + ") when it was merged into '"
                + target.name + "' (" + into + ")";
        int sessionsMoved = sessions.moveAll(id, into, now, note);
        int accountsMoved = accounts.moveAll(id, into, now, note);
        duplicate.deletedAt = now;
        duplicate.updatedAt = now;
        duplicate.mergedInto = into;
        duplicate.persistAndFlush();
        audit.record(AuditEntry.Type.ORGANISATION, id, AuditEntry.Action.DELETE, duplicateBefore, null,
                "Merged into '" + target.name + "' (" + into + "): " + sessionsMoved + " sessions and " + accountsMoved
                        + " accounts moved");
        audit.record(AuditEntry.Type.ORGANISATION, into, AuditEntry.Action.UPDATE, targetBefore, targetBefore,
                "Took over the " + sessionsMoved + " sessions and " + accountsMoved + " accounts of the duplicate '"
                        + duplicate.name + "' (" + id + ") merged into it");
        return new MergeResponse(OrganisationResponse.from(target), id, sessionsMoved, accountsMoved);
    }
}
