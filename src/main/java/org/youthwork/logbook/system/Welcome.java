package org.youthwork.logbook.system;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

/**
 * Says where the service answers, so that a first start on a new machine ends with something to click: once the HTTP
 * server listens, not before (a start event comes before the port answers).
 */
@ApplicationScoped
class Welcome {

    private static final Logger LOG = Logger.getLogger(Welcome.class);

    void listening(@ObservesAsync HttpServerStart server) {
        if (ConfigUtils.getProfiles().contains("test")) {
            return;
        }
        String base = "http://localhost:" + server.options().getPort();
        LOG.infof("Youth-work logbook is up: API %s/api/v1, Swagger UI %s/q/swagger-ui, health %s/q/health/ready",
                base, base, base);
    }
}
