package org.youthwork.logbook.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.youthwork.logbook.account.AccountRequests;
import org.youthwork.logbook.account.AccountService;
import org.youthwork.logbook.account.Caller;
import org.youthwork.logbook.account.Role;
import org.youthwork.logbook.organisation.Organisation;
import org.youthwork.logbook.organisation.OrganisationRequest;
import org.youthwork.logbook.organisation.OrganisationService;
import org.youthwork.logbook.organisation.OrganisationType;
import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.ParticipantCount;
import org.youthwork.logbook.session.SessionRequest;
import org.youthwork.logbook.session.SessionService;
import org.youthwork.logbook.session.Setting;
import org.youthwork.logbook.session.Theme;
import org.youthwork.logbook.system.LogbookConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Demo data for the development start: the sample youth centres and their sessions over the last fourteen months (so
 * that this year's overview and indicator 2.2.3 have real values, and last year's too), stored through the same
 * service as any client's, so every rule applies; and one account per role. Loaded once, into a database with no
 * organisations; never part of the schema, and never by a production start, whatever its settings say.
 */
@ApplicationScoped
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final long SEED = 2026;
    private static final int MONTHS = 14;

    private final LogbookConfig config;
    private final OrganisationService organisations;
    private final SessionService sessions;
    private final AccountService accounts;
    private final Caller caller;
    private final Clock clock;

    DemoData(LogbookConfig config, OrganisationService organisations, SessionService sessions, AccountService accounts,
             Caller caller, Clock clock) {
        this.config = config;
        this.organisations = organisations;
        this.sessions = sessions;
        this.accounts = accounts;
        this.caller = caller;
        this.clock = clock;
    }

    /** One account per role, for trying the service out; the passwords are printed at every development start. */
    static final List<String[]> ACCOUNTS = List.of(
            new String[] {"worker", "worker-demo-pass", "YOUTH_WORKER", "Mladinski center Velenje"},
            new String[] {"lead", "lead-demo-pass", "ORGANISATION_LEAD", "Mladinski center Velenje"},
            new String[] {"velenje", "velenje-demo-pass", "MUNICIPALITY", "SI-133"},
            new String[] {"coordinator", "coordinator-demo-pass", "NETWORK_COORDINATOR", "SI"});

    @ActivateRequestContext
    void load(@Observes StartupEvent started) throws IOException {
        if (!config.demoData()) {
            return;
        }
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            LOG.warn("LOGBOOK_DEMO_DATA is for the development start: a production start loads no demo data and "
                    + "creates no demo accounts");
            return;
        }
        caller.actAsSystem();
        if (Organisation.count() == 0) {
            int count = loadAll();
            LOG.infof("Loaded demo data: %d youth centres and %d sessions of the last %d months", centres().size(), count, MONTHS);
        }
        if (accounts.find(ACCOUNTS.get(0)[0]).isEmpty()) {
            Organisation.<Organisation>find("municipality.code = ?1 order by createdAt", "SI-133").firstResultOptional()
                    .ifPresent(velenje -> createAccounts(velenje.id));
        }
        StringBuilder table = new StringBuilder("Demo accounts (get a token: curl -d grant_type=password -d username=... "
                + "-d password=... localhost:8080/api/v1/auth/token):");
        for (String[] a : ACCOUNTS) {
            table.append(String.format("%n  %-12s %-22s %-20s %s", a[0], a[1], a[2], a[3]));
        }
        LOG.info(table);
    }

    int loadAll() throws IOException {
        List<UUID> centres = new ArrayList<>();
        for (String[] centre : centres()) {
            centres.add(organisations.create(new OrganisationRequest(centre[0], OrganisationType.YOUTH_CENTRE, centre[2], true)).id());
        }
        List<Planned> planned = plan(LocalDate.now(clock), new Random(SEED), centres);
        int stored = 0;
        for (int c = 0; c < centres.size(); c++) {
            int index = c;
            List<SessionRequest> ofCentre = planned.stream().filter(p -> p.centre() == index).map(Planned::request).toList();
            // One transaction a centre: a commit per session would make the first start wait for thousands of them.
            QuarkusTransaction.requiringNew().run(() -> ofCentre.forEach(sessions::create));
            stored += ofCentre.size();
        }
        return stored;
    }

    /** A session of the demo data and the centre (its index in the sample list) that holds it. */
    record Planned(int centre, SessionRequest request) {
    }

    /**
     * The demo sessions of the given centres from the day fourteen months before today up to yesterday: a pure
     * function of its arguments, so that a test can check what a development start stores without running one.
     */
    static List<Planned> plan(LocalDate today, Random random, List<UUID> centres) {
        List<Planned> planned = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            int perWeek = 1 + random.nextInt(4);
            for (LocalDate day = today.minusMonths(MONTHS); day.isBefore(today); day = day.plusDays(1)) {
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (random.nextDouble() < perWeek / 7.0 * (weekend ? 0.3 : 1.2) && records(c, day, today)) {
                    planned.add(new Planned(c, session(random, centres.get(c), day)));
                }
            }
        }
        return planned;
    }

    /**
     * Not every centre records every month, as in life: one closes over the summer and in February, one began
     * recording five months ago, one records only in the last month of each quarter, so that indicator 2.2.3 and its
     * list of centres not recording regularly show something in every month of the year.
     */
    private static boolean records(int centre, LocalDate day, LocalDate today) {
        return switch (centre) {
            case 3 -> day.getMonthValue() != 7 && day.getMonthValue() != 8 && day.getMonthValue() != 2;
            case 6 -> !day.isBefore(today.minusMonths(5).withDayOfMonth(1));
            case 9 -> day.getMonthValue() % 3 == 0;
            default -> true;
        };
    }

    private void createAccounts(UUID velenje) {
        for (String[] a : ACCOUNTS) {
            Role role = Role.valueOf(a[2]);
            accounts.createUser(new AccountRequests.UserRequest(a[0], a[1], role,
                    role == Role.YOUTH_WORKER || role == Role.ORGANISATION_LEAD ? velenje : null,
                    role == Role.MUNICIPALITY ? a[3] : null, role == Role.NETWORK_COORDINATOR ? a[3] : null));
        }
    }

    private static SessionRequest session(Random random, UUID organisationId, LocalDate day) {
        Method method = pick(random, Method.OPEN, Method.OPEN, Method.OPEN, Method.STREET, Method.INFORMAL_GROUP,
                Method.GROUP_PROGRAMME, Method.GROUP_PROGRAMME, Method.EVENT, Method.DIGITAL, Method.COUNSELLING);
        List<Method> methods = new ArrayList<>(List.of(method));
        if (method == Method.STREET && random.nextBoolean()) {
            methods.add(Method.INFORMAL_GROUP);
        }
        Setting setting = switch (method) {
            case STREET -> Setting.PUBLIC_SPACE;
            case DIGITAL -> Setting.ONLINE;
            case EVENT -> pick(random, Setting.YOUTH_CENTRE, Setting.PUBLIC_SPACE, Setting.SCHOOL, Setting.OTHER);
            default -> random.nextInt(10) == 0 ? Setting.SCHOOL : Setting.YOUTH_CENTRE;
        };
        List<Theme> themes = new ArrayList<>(List.of(pick(random, Theme.values())));
        Theme second = pick(random, Theme.values());
        if (random.nextBoolean() && !themes.contains(second)) {
            themes.add(second);
        }
        int scale = method == Method.EVENT ? 40 : method == Method.COUNSELLING ? 3 : 12;
        List<ParticipantCount> participants = new ArrayList<>();
        int total = 0;
        for (AgeBand band : AgeBand.values()) {
            double weight = switch (band) {
                case UNDER_15 -> 0.1;
                case AGE_15_19 -> 0.45;
                case AGE_20_24 -> 0.3;
                case AGE_25_29 -> 0.12;
                case OVER_29 -> 0.03;
            };
            for (Gender gender : Gender.values()) {
                double share = gender == Gender.OTHER ? 0.04 : 0.48;
                int count = (int) Math.round(scale * weight * share * (0.5 + random.nextDouble()) * 2);
                if (count > 0) {
                    participants.add(new ParticipantCount(band, gender, count));
                    total += count;
                }
            }
        }
        if (participants.isEmpty()) {
            participants.add(new ParticipantCount(AgeBand.AGE_15_19, Gender.FEMALE, 1));
            total = 1;
        }
        boolean youthLed = random.nextInt(8) == 0;
        int duration = method == Method.EVENT ? 180 + 30 * random.nextInt(6) : 60 + 30 * random.nextInt(4);
        return new SessionRequest(null, organisationId, null, day, LocalTime.of(14 + random.nextInt(6), random.nextBoolean() ? 0 : 30),
                duration, title(method), methods, themes, setting, participants,
                method == Method.STREET || method == Method.DIGITAL, random.nextInt(total / 4 + 1),
                random.nextInt(total / 2 + 1) + total / 3, random.nextInt(total / 5 + 1), 1 + random.nextInt(method == Method.EVENT ? 4 : 2),
                random.nextInt(3), youthLed, youthLed ? 1 + random.nextInt(3) : 0, null);
    }

    private static String title(Method method) {
        return switch (method) {
            case OPEN -> "Open afternoon at the centre";
            case STREET -> "Street outreach in the town centre";
            case INFORMAL_GROUP -> "Meeting of the skaters' group";
            case GROUP_PROGRAMME -> "Weekly workshop series";
            case EVENT -> "Youth festival evening";
            case DIGITAL -> "Online gaming and media literacy night";
            case COUNSELLING -> "Youth information and counselling hour";
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    static List<String[]> centres() throws IOException {
        List<String[]> centres = new ArrayList<>();
        try (var in = DemoData.class.getResourceAsStream("/demo/youth-centres.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#") && !line.startsWith("name,")).filter(line -> !line.isBlank())
                    .forEach(line -> centres.add(line.split(",")));
        }
        return centres;
    }
}
