package org.youthwork.logbook.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a JSON body over {@code logbook.max-body-size} as a problem, before it is read: such bodies are read whole.
 * A body without Content-Length is refused too (411), as its size could not be known in advance. Imports are
 * streamed line by line and take bodies of any size; Quarkus' own limit is set high for them.
 */
@ApplicationScoped
class BodyLimit {

    static final String IMPORT_PATH = "/api/v1/sessions/import";

    void install(@Observes Router router, ObjectMapper json, LogbookConfig config) throws JsonProcessingException {
        long limit = config.maxBodySize().asLongValue();
        byte[] tooLarge = json.writeValueAsBytes(ProblemType.BODY_TOO_LARGE.problem(
                "The request body is larger than this service accepts (" + limit + " bytes).", null));
        byte[] noLength = json.writeValueAsBytes(ProblemType.LENGTH_REQUIRED.problem(
                "A request body needs a Content-Length header; only imports may be streamed.", null));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            if (ctx.request().path().equals(IMPORT_PATH) || !carriesBody(ctx)) {
                ctx.next();
                return;
            }
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null) {
                refuse(ctx, 411, noLength);
            } else if (tooLong(length, limit)) {
                refuse(ctx, 413, tooLarge);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean carriesBody(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        boolean bodyMethod = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        return bodyMethod && (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) != null
                || ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null);
    }

    private static void refuse(RoutingContext ctx, int status, byte[] problem) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(problem));
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
