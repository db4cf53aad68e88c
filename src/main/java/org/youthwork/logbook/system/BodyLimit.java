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
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

/**
 * Refuses a body over its limit as a problem, before it is read. A JSON body is read whole, so it may not pass
 * {@code logbook.max-body-size}, and one without Content-Length is refused too (411), as its size could not be known
 * in advance. An import is streamed line by line and may be sent without a length (chunked): one that announces more
 * than {@code logbook.import.max-body-size} is refused here, and one that sends more is refused by the import itself
 * once it has read that much.
 */
@ApplicationScoped
class BodyLimit {

    static final String IMPORT_PATH = "/api/v1/sessions/import";

    void install(@Observes Router router, ObjectMapper json, LogbookConfig config) throws JsonProcessingException {
        long limit = config.maxBodySize().asLongValue();
        long importLimit = config.imports().maxBodySize().asLongValue();
        byte[] tooLarge = json.writeValueAsBytes(ProblemType.BODY_TOO_LARGE.problem(
                "The request body is larger than this service accepts (" + limit + " bytes).", null));
        byte[] importTooLarge = json.writeValueAsBytes(ProblemType.BODY_TOO_LARGE.problem(
                "An import may have at most " + importLimit + " bytes; send the file in several parts.", null));
        byte[] noLength = json.writeValueAsBytes(ProblemType.LENGTH_REQUIRED.problem(
                "A request body needs a Content-Length header; only imports may be streamed.", null));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            if (!carriesBody(ctx)) {
                ctx.next();
                return;
            }
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean isImport = ctx.request().path().equals(IMPORT_PATH);
            if (isImport) {
                if (length != null && tooLong(length, importLimit)) {
                    refuse(ctx, 413, importTooLarge);
                } else {
                    closeWhenAnsweredEarly(ctx);
                    ctx.next();
                }
            } else if (length == null) {
                refuse(ctx, 411, noLength);
            } else if (tooLong(length, limit)) {
                refuse(ctx, 413, tooLarge);
            } else {
                ctx.next();
            }
        });
        // Quarkus limits a body sent without a length inside the stream it hands the import, answering an empty 413 a
        // chunk before the import could answer its own problem; the import counts what it reads, so that limit goes.
        router.route(IMPORT_PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(ctx -> {
            ctx.remove(VertxInputStream.MAX_REQUEST_SIZE_KEY);
            ctx.next();
        });
    }

    /**
     * An import refused before its end (too large, a bad header row) leaves the rest of the body unread: the
     * connection is closed after the answer, rather than kept waiting for a client that is still sending.
     */
    private static void closeWhenAnsweredEarly(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            if (!ctx.request().isEnded()) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
        });
        ctx.addEndHandler(v -> {
            if (!ctx.request().isEnded()) {
                ctx.request().connection().close();
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
