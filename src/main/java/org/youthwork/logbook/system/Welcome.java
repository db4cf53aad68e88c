package org.youthwork.logbook.system;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says where the service answers, so that a first start on a new machine ends with something to click. */
@ApplicationScoped
class Welcome {

    private static final Logger LOG = Logger.getLogger(Welcome.class);

    void started(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.port") int port) {
        if (ConfigUtils.getProfiles().contains("test")) {
            return;
        }
        String base = "http://localhost:" + port;
        LOG.infof("Youth-work logbook is up: API %s/api/v1, Swagger UI %s/q/swagger-ui, health %s/q/health/ready",
                base, base, base);
    }
}
