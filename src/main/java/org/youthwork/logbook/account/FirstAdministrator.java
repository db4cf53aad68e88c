package org.youthwork.logbook.account;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.youthwork.logbook.system.LogbookConfig;

/**
 * The first administrator comes from LOGBOOK_ADMIN_USERNAME and LOGBOOK_ADMIN_PASSWORD when no administrator exists.
 * A production start without them refuses to run; the development start uses admin / admin and says so.
 */
@ApplicationScoped
class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class);

    void create(@Observes StartupEvent started, LogbookConfig config, AccountService accounts) {
        String username = config.admin().username().orElse(null);
        String password = config.admin().password().orElse(null);
        boolean development = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        if (username == null || password == null) {
            if (Account.count("role = ?1 and deletedAt is null", Role.ADMIN) > 0) {
                return;
            }
            if (!development) {
                throw new IllegalStateException("No administrator exists: set LOGBOOK_ADMIN_USERNAME and LOGBOOK_ADMIN_PASSWORD "
                        + "for the first start");
            }
            username = "admin";
            password = "admin";
        }
        if (accounts.ensureAdministrator(username, password)) {
            if (development && "admin".equals(password)) {
                LOG.warnf("Created the administrator '%s' with the development default password '%s': "
                        + "set LOGBOOK_ADMIN_USERNAME and LOGBOOK_ADMIN_PASSWORD for anything but trying it out", username, password);
            } else {
                LOG.infof("Created the first administrator '%s'", username);
            }
        }
    }
}
