package org.youthwork.logbook.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body over {@code quarkus.http.limits.max-body-size} as a problem, before it is read. Quarkus' own check
 * (one step later) answers 413 with an empty body; it still guards bodies sent without Content-Length.
 */
@ApplicationScoped
class BodyLimit {

    void install(@Observes Router router, ObjectMapper json,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) throws JsonProcessingException {
        byte[] problem = json.writeValueAsBytes(ProblemType.BODY_TOO_LARGE.problem(
                "The request body is larger than this service accepts (" + limit.asLongValue() + " bytes).", null));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length, limit.asLongValue())) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(problem));
            } else {
                ctx.next();
            }
        });
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
