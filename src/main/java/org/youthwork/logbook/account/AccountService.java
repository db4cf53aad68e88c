package org.youthwork.logbook.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.youthwork.logbook.account.AccountRequests.ClientRequest;
import org.youthwork.logbook.account.AccountRequests.ClientResponse;
import org.youthwork.logbook.account.AccountRequests.UserRequest;
import org.youthwork.logbook.account.AccountRequests.UserResponse;
import org.youthwork.logbook.area.AreaService;
import org.youthwork.logbook.organisation.OrganisationService;
import org.youthwork.logbook.system.Problem;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.ProblemType;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Accounts of people and machines: administrators manage all, organisation leads those of their organisation. */
@ApplicationScoped
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Caller caller;
    private final OrganisationService organisations;
    private final AreaService areas;
    private final Clock clock;

    AccountService(Caller caller, OrganisationService organisations, AreaService areas, Clock clock) {
        this.caller = caller;
        this.organisations = organisations;
        this.areas = areas;
        this.clock = clock;
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
        account.persist();
        return UserResponse.from(account);
    }

    @Transactional
    public ClientResponse createClient(ClientRequest request) {
        Account account = scoped(request.role(), request.organisationId(), request.municipalityCode(), request.country());
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        account.kind = Account.Kind.CLIENT;
        account.login = "client-" + HexFormat.of().formatHex(id);
        account.name = request.name().strip();
        account.secretHash = BcryptUtil.bcryptHash(clientSecret);
        account.persist();
        return new ClientResponse(account.id, account.login, account.name, account.role, account.organisationId,
                account.municipalityCode, account.countryCode, clientSecret, account.createdAt);
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
        account.deletedAt = now();
    }

    /**
     * Whether the account may stop being an active administrator (deleted now; disabled or given another role when
     * those come): only while another active administrator remains. Locks the active administrators' rows, in one
     * order, until the transaction ends, so that two administrators removing each other at the same moment cannot
     * both pass: the second waits for the first, then sees it has gone and is refused.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mayStopBeingActiveAdministrator(UUID id) {
        List<?> administrators = Account.getEntityManager().createNativeQuery(
                "select id from account where role = 'ADMIN' and deleted_at is null order by id for update").getResultList();
        return administrators.stream().anyMatch(other -> !id.toString().equals(other.toString()));
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
