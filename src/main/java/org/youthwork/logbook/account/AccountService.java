package org.youthwork.logbook.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import org.youthwork.logbook.account.AccountRequests.ClientAccount;
import org.youthwork.logbook.account.AccountRequests.ClientRequest;
import org.youthwork.logbook.account.AccountRequests.ClientResponse;
import org.youthwork.logbook.account.AccountRequests.UserRequest;
import org.youthwork.logbook.account.AccountRequests.PasswordChange;
import org.youthwork.logbook.account.AccountRequests.UserResponse;
import org.youthwork.logbook.area.AreaService;
import org.youthwork.logbook.audit.AuditEntry;
import org.youthwork.logbook.audit.AuditLog;
import org.youthwork.logbook.organisation.OrganisationService;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.Problem;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;
import org.youthwork.logbook.system.QueryParams;
import org.youthwork.logbook.system.QueryParams.Paging;
import org.youthwork.logbook.system.Versions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** Accounts of people and machines: administrators manage all, organisation leads those of their organisation. */
@ApplicationScoped
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Caller caller;
    private final OrganisationService organisations;
    private final AreaService areas;
    private final AuditLog audit;
    private final LoginGuard guard;
    private final Clock clock;

    AccountService(Caller caller, OrganisationService organisations, AreaService areas, AuditLog audit, LoginGuard guard,
                   Clock clock) {
        this.caller = caller;
        this.organisations = organisations;
        this.areas = areas;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    /** The filters of GET /users and GET /clients, as given (null when absent). */
    public record Filter(String role, String organisationId, String municipalityCode, String country, String disabled, String q) {
    }

    @Transactional
    public UserResponse createUser(UserRequest request) {
        Account account = scoped(request.role(), request.organisationId(), request.municipalityCode(), request.country());
        if (Account.live(Account.Kind.USER, request.username()) != null) {
            throw ProblemException.conflict("The username " + request.username() + " is taken.");
        }
        account.kind = Account.Kind.USER;
        account.login = request.username();
        account.secretHash = BcryptUtil.bcryptHash(request.password());
        account.persistAndFlush();
        UserResponse created = UserResponse.from(account);
        audit.record(AuditEntry.Type.ACCOUNT, account.id, AuditEntry.Action.CREATE, null, created);
        return created;
    }

    @Transactional
    public ClientResponse createClient(ClientRequest request) {
        Account account = scoped(request.role(), request.organisationId(), request.municipalityCode(), request.country());
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String clientSecret = newSecret();
        account.kind = Account.Kind.CLIENT;
        account.login = "client-" + HexFormat.of().formatHex(id);
        account.name = request.name().strip();
        account.secretHash = BcryptUtil.bcryptHash(clientSecret);
        account.persistAndFlush();
        audit.record(AuditEntry.Type.ACCOUNT, account.id, AuditEntry.Action.CREATE, null, ClientAccount.from(account));
        return ClientResponse.from(account, clientSecret);
    }

    public java.util.Optional<Account> find(String username) {
        return java.util.Optional.ofNullable(Account.live(Account.Kind.USER, username));
    }

    /**
     * Deletes a person's (USER) or a machine's (CLIENT) account: its tokens stop working at once, and its name can be
     * given again. An account of the other kind is not found, like one outside the caller's scope: account ids are
     * shown in histories and closed periods, and one path must not delete what the other manages. Nobody deletes
     * their own account, and the last active administrator stays.
     */
    @Transactional
    public void delete(Account.Kind kind, UUID id) {
        if (!caller.is(Role.ADMIN) && !caller.is(Role.ORGANISATION_LEAD)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only administrators and organisation leads manage accounts.");
        }
        String what = kind == Account.Kind.USER ? "The user" : "The client";
        Account account = Account.findById(id);
        if (account == null || account.kind != kind || account.deletedAt != null || !mayManage(account.role, account.organisationId)) {
            throw ProblemException.notFound(what);
        }
        if (id.equals(caller.accountId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Nobody can delete their own account: another account that "
                    + "manages it can.");
        }
        if (account.role == Role.ADMIN && !mayStopBeingActiveAdministrator(id)) {
            throw ProblemException.conflict("This is the last active administrator: create another administrator first.");
        }
        // Locked (an administrator's row is already) and read again, in case a delete at the same moment came first.
        Account.getEntityManager().refresh(account, LockModeType.PESSIMISTIC_WRITE);
        if (account.deletedAt != null) {
            throw ProblemException.notFound(what);
        }
        Object before = representation(account);
        account.deletedAt = now();
        audit.record(AuditEntry.Type.ACCOUNT, account.id, AuditEntry.Action.DELETE, before, null);
    }

    /**
     * Whether the account may stop being an active administrator (deleted or disabled; given another role when
     * that comes): only while another active administrator remains. Locks the active administrators' rows, in one
     * order, until the transaction ends, so that two administrators removing each other at the same moment cannot
     * both pass: the second waits for the first, then sees it has gone and is refused.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mayStopBeingActiveAdministrator(UUID id) {
        List<?> administrators = Account.getEntityManager().createNativeQuery(
                "select id from account where role = 'ADMIN' and deleted_at is null and disabled_at is null order by id for update")
                .getResultList();
        return administrators.stream().anyMatch(other -> !id.toString().equals(other.toString()));
    }

    public Page<UserResponse> listUsers(Filter filter, Paging paging) {
        return list(Account.Kind.USER, filter, paging, UserResponse::from);
    }

    public Page<ClientAccount> listClients(Filter filter, Paging paging) {
        return list(Account.Kind.CLIENT, filter, paging, ClientAccount::from);
    }

    public UserResponse getUser(UUID id) {
        return UserResponse.from(visible(Account.Kind.USER, id));
    }

    public ClientAccount getClient(UUID id) {
        return ClientAccount.from(visible(Account.Kind.CLIENT, id));
    }

    /** The caller's own account; 404 for a machine's token (its account is at /clients/{id}) or an external one. */
    public UserResponse me() {
        return UserResponse.from(own());
    }

    /**
     * Disables (true) or enables (false) an account; nothing changes, and nothing is audited, when it already is so.
     * A disabled account cannot sign in and its tokens are refused at once (AccountCheck). Nobody disables their own
     * account, and the last active administrator stays enabled.
     */
    @Transactional
    public UserResponse setUserDisabled(UUID id, boolean disabled, String ifMatch) {
        return (UserResponse) setDisabled(Account.Kind.USER, id, disabled, ifMatch);
    }

    @Transactional
    public ClientAccount setClientDisabled(UUID id, boolean disabled, String ifMatch) {
        return (ClientAccount) setDisabled(Account.Kind.CLIENT, id, disabled, ifMatch);
    }

    private Object setDisabled(Account.Kind kind, UUID id, boolean disabled, String ifMatch) {
        Account account = managed(kind, id);
        Versions.checkMatch(ifMatch, account.version);
        if (disabled && id.equals(caller.accountId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Nobody can disable their own account: another account that "
                    + "manages it can.");
        }
        if (disabled && account.disabledAt == null && account.role == Role.ADMIN && !mayStopBeingActiveAdministrator(id)) {
            throw ProblemException.conflict("This is the last active administrator: create or enable another administrator first.");
        }
        // Locked and read again, in case a change at the same moment came first.
        Account.getEntityManager().refresh(account, LockModeType.PESSIMISTIC_WRITE);
        if (account.deletedAt != null) {
            throw ProblemException.notFound(what(kind));
        }
        Versions.checkMatch(ifMatch, account.version);
        if ((account.disabledAt != null) == disabled) {
            return representation(account);
        }
        Object before = representation(account);
        account.disabledAt = disabled ? now() : null;
        return changed(account, before);
    }

    /** A new password set by an administrator or the organisation's lead; tokens issued before it are refused. */
    @Transactional
    public UserResponse resetPassword(UUID id, String password, String ifMatch) {
        Account account = managed(Account.Kind.USER, id);
        Versions.checkMatch(ifMatch, account.version);
        if (id.equals(caller.accountId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your own password is changed with the current one: "
                    + "PUT /api/v1/users/me/password.");
        }
        Object before = representation(account);
        newCredentials(account, BcryptUtil.bcryptHash(password));
        return (UserResponse) changed(account, before);
    }

    /** A machine's new secret, answered once; the old one and the tokens issued before stop working. */
    @Transactional
    public ClientResponse newClientSecret(UUID id, String ifMatch) {
        Account account = managed(Account.Kind.CLIENT, id);
        Versions.checkMatch(ifMatch, account.version);
        if (id.equals(caller.accountId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Nobody can give their own account a new secret: another "
                    + "account that manages it can.");
        }
        Object before = representation(account);
        String secret = newSecret();
        newCredentials(account, BcryptUtil.bcryptHash(secret));
        changed(account, before);
        return ClientResponse.from(account, secret);
    }

    /**
     * One's own new password, given the current one. A wrong current password counts as a failed sign-in of the
     * username and the client address (LoginGuard), so a stolen token cannot guess faster than the token endpoint;
     * answers the seconds to wait when the limit is reached (and checks nothing), 0 when the password was changed.
     * Not transactional itself: the attempt is counted in a transaction of its own, which stays when the check fails.
     */
    public long changeOwnPassword(PasswordChange change, String clientAddress) {
        Account account = own();
        String loginKey = Account.Kind.USER + ":" + account.login.toLowerCase(Locale.ROOT);
        LoginGuard.Attempt attempt = guard.reserve(loginKey, "address:" + clientAddress);
        if (attempt.refused()) {
            return attempt.retryAfter();
        }
        if (!BcryptUtil.matches(change.currentPassword(), account.secretHash)) {
            throw ProblemException.invalid("currentPassword", "is not the password of your account");
        }
        guard.succeeded(attempt, loginKey);
        if (BcryptUtil.matches(change.newPassword(), account.secretHash)) {
            throw ProblemException.invalid("newPassword", "must differ from the current password");
        }
        String hash = BcryptUtil.bcryptHash(change.newPassword());
        QuarkusTransaction.requiringNew().run(() -> {
            Account stored = Account.findById(account.id, LockModeType.PESSIMISTIC_WRITE);
            if (stored == null || stored.deletedAt != null || stored.disabledAt != null) {
                throw ProblemException.notFound("Your account");
            }
            Object before = representation(stored);
            newCredentials(stored, hash);
            changed(stored, before);
        });
        return 0;
    }

    /** The account's audit trail, oldest first; also of a deleted account, for those who managed it. */
    public Page<AuditLog.Change> history(Account.Kind kind, UUID id, Paging paging) {
        requireManager();
        Account account = Account.findById(id);
        if (account == null || account.kind != kind || !mayManage(account.role, account.organisationId)) {
            throw ProblemException.notFound(what(kind));
        }
        return audit.history(AuditEntry.Type.ACCOUNT, id, paging);
    }

    private <T> Page<T> list(Account.Kind kind, Filter filter, Paging paging, Function<Account, T> representation) {
        requireManager();
        Role role = role(filter.role());
        UUID organisationId = QueryParams.uuid("organisationId", filter.organisationId());
        if (filter.municipalityCode() != null && areas.municipality(filter.municipalityCode()).isEmpty()) {
            throw ProblemException.invalid("municipalityCode", "unknown municipality");
        }
        if (filter.country() != null) {
            areas.requireCountry(filter.country(), "country");
        }
        Boolean disabled = QueryParams.bool("disabled", filter.disabled());
        if (filter.q() != null && (filter.q().isEmpty() || filter.q().length() > 100)) {
            throw ProblemException.invalid("q", "must be 1 to 100 characters");
        }
        UUID own = null;
        if (!caller.is(Role.ADMIN)) {
            own = caller.organisationId();
            if (own == null || (organisationId != null && !organisationId.equals(own))) {
                throw new ProblemException(ProblemType.FORBIDDEN, "An organisation lead sees the accounts of their own organisation only.");
            }
        }
        String q = filter.q() == null ? null : "%" + filter.q().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var query = Account.<Account>find("kind = :kind and deletedAt is null"
                        + " and (:role is null or role = :role)"
                        + " and (:organisation is null or organisationId = :organisation)"
                        + " and (:own is null or organisationId = :own)"
                        + " and (:municipality is null or municipalityCode = :municipality)"
                        + " and (:country is null or countryCode = :country)"
                        + " and (:disabledOnly = false or disabledAt is not null)"
                        + " and (:enabledOnly = false or disabledAt is null)"
                        + " and (:q is null or lower(login) like :q escape '\\' or lower(coalesce(name, '')) like :q escape '\\')",
                kind == Account.Kind.USER ? Sort.by("login").and("id") : Sort.by("name").and("login").and("id"),
                Parameters.with("kind", kind).and("role", role).and("organisation", organisationId).and("own", own)
                        .and("municipality", filter.municipalityCode()).and("country", filter.country())
                        .and("disabledOnly", Boolean.TRUE.equals(disabled)).and("enabledOnly", Boolean.FALSE.equals(disabled))
                        .and("q", q));
        var items = query.page(paging.page(), paging.size()).list();
        return new Page<>(items, paging.page(), paging.size(), query.count()).map(representation);
    }

    private static Role role(String value) {
        if (value == null) {
            return null;
        }
        for (Role role : Role.values()) {
            if (role.name().equals(value)) {
                return role;
            }
        }
        throw ProblemException.invalid("role", "must be one of YOUTH_WORKER, ORGANISATION_LEAD, MUNICIPALITY, "
                + "NETWORK_COORDINATOR, ADMIN");
    }

    /** A live account of this kind the caller may see: their own, or one they manage; 404 otherwise. */
    private Account visible(Account.Kind kind, UUID id) {
        Account account = Account.findById(id);
        boolean own = id.equals(caller.accountId());
        if (account == null || account.kind != kind || account.deletedAt != null
                || !(own || ((caller.is(Role.ADMIN) || caller.is(Role.ORGANISATION_LEAD)) && mayManage(account.role, account.organisationId)))) {
            throw ProblemException.notFound(what(kind));
        }
        return account;
    }

    /** A live account of this kind the caller manages: 403 for a caller who manages none, 404 outside their scope. */
    private Account managed(Account.Kind kind, UUID id) {
        requireManager();
        Account account = Account.findById(id);
        if (account == null || account.kind != kind || account.deletedAt != null || !mayManage(account.role, account.organisationId)) {
            throw ProblemException.notFound(what(kind));
        }
        return account;
    }

    private Account own() {
        UUID id = caller.accountId();
        Account account = id == null ? null : Account.findById(id);
        if (account == null || account.kind != Account.Kind.USER || account.deletedAt != null) {
            throw ProblemException.notFound("A person's account of this token (a machine's is at GET /api/v1/clients/{id}; "
                    + "an external identity provider's is none of ours)");
        }
        return account;
    }

    private void requireManager() {
        if (!caller.is(Role.ADMIN) && !caller.is(Role.ORGANISATION_LEAD)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only administrators and organisation leads manage accounts.");
        }
    }

    private void newCredentials(Account account, String hash) {
        account.secretHash = hash;
        account.credentialsChangedAt = now();
    }

    /** Writes the change, audits it, and answers the account as stored now. */
    private Object changed(Account account, Object before) {
        account.persistAndFlush();
        Object after = representation(account);
        audit.record(AuditEntry.Type.ACCOUNT, account.id, AuditEntry.Action.UPDATE, before, after);
        return after;
    }

    /** What the API and the audit trail show of an account: never its hash. */
    private static Object representation(Account account) {
        return account.kind == Account.Kind.USER ? UserResponse.from(account) : ClientAccount.from(account);
    }

    private static String what(Account.Kind kind) {
        return kind == Account.Kind.USER ? "The user" : "The client";
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Creates the first administrator when there is none; answers whether it did. */
    @Transactional
    public boolean ensureAdministrator(String username, String password) {
        if (Account.count("role = ?1 and deletedAt is null", Role.ADMIN) > 0) {
            return false;
        }
        Account admin = new Account();
        admin.id = UUID.randomUUID();
        admin.kind = Account.Kind.USER;
        admin.login = username;
        admin.secretHash = BcryptUtil.bcryptHash(password);
        admin.role = Role.ADMIN;
        admin.createdAt = now();
        admin.persist();
        return true;
    }

    /** A new account with its role and scope checked: the scope field the role needs, an existing one, the caller's right. */
    private Account scoped(Role role, UUID organisationId, String municipalityCode, String country) {
        List<Problem.Violation> violations = new ArrayList<>();
        require(violations, "organisationId", organisationId != null, role == Role.YOUTH_WORKER || role == Role.ORGANISATION_LEAD);
        require(violations, "municipalityCode", municipalityCode != null, role == Role.MUNICIPALITY);
        require(violations, "country", country != null, role == Role.NETWORK_COORDINATOR);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (!mayManage(role, organisationId)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You may not create an account with this role and scope.");
        }
        if (organisationId != null && !organisations.lockLive(organisationId)) { // locked: a merge moves or waits for it
            throw ProblemException.invalid("organisationId", "unknown organisation");
        }
        if (municipalityCode != null && areas.municipality(municipalityCode).isEmpty()) {
            throw ProblemException.invalid("municipalityCode", "unknown municipality");
        }
        if (country != null) {
            areas.requireCountry(country, "country");
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.role = role;
        account.organisationId = organisationId;
        account.municipalityCode = municipalityCode;
        account.countryCode = country;
        account.createdAt = now();
        account.createdBy = caller.accountId();
        return account;
    }

    private static void require(List<Problem.Violation> violations, String field, boolean given, boolean needed) {
        if (needed && !given) {
            violations.add(new Problem.Violation(field, "is required for this role"));
        } else if (!needed && given) {
            violations.add(new Problem.Violation(field, "must be left out for this role"));
        }
    }

    private boolean mayManage(Role role, UUID organisationId) {
        if (caller.is(Role.ADMIN)) {
            return true;
        }
        return caller.is(Role.ORGANISATION_LEAD) && role.belongsToOrganisation()
                && organisationId != null && organisationId.equals(caller.organisationId());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
