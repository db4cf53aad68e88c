package org.youthwork.logbook.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * A request the HTTP router itself refuses (an HTTP/1.1 request without Host, a body over Quarkus' own limit) fails
 * before the REST layer, and Quarkus would answer it in a JSON of its own ({"details": "Error id …"}). It is answered
 * here as the problem every other refusal is.
 */
@ApplicationScoped
class RouterFailures {

    private static final Logger LOG = Logger.getLogger(RouterFailures.class);

    void install(@Observes Router router, ObjectMapper json) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.response().headWritten() || ctx.statusCode() < 400) {
                ctx.next();
                return;
            }
            try {
                ctx.response().setStatusCode(ctx.statusCode()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(Buffer.buffer(json.writeValueAsBytes(problem(ctx))));
            } catch (JsonProcessingException e) {
                ctx.next();
            }
        });
    }

    private static Problem problem(RoutingContext ctx) {
        ProblemType type = ProblemType.forStatus(ctx.statusCode());
        if (ctx.statusCode() >= 500) {
            String correlationId = UUID.randomUUID().toString();
            LOG.errorf(ctx.failure(), "Unexpected failure in the HTTP layer, correlation id %s", correlationId);
            return type.problem("Something went wrong on our side; quote correlation id " + correlationId
                    + " when reporting it.", null);
        }
        // Vert.x's own refusals say what is wrong in words meant for the client; anything else is not echoed.
        String detail = ctx.failure() instanceof VertxException vertx && vertx.getMessage() != null
                ? vertx.getMessage() : "The request cannot be served.";
        return new Problem(type.problem(null, null).type(), type.problem(null, null).title(), ctx.statusCode(), detail, null);
    }
}
