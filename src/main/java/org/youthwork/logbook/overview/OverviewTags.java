package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The ETag of an overview answer: a digest of everything it is made from. The country's version covers the data; the
 * day covers what today decides (indicator 2.2.3's months, the default period); the path, query, Accept and
 * Accept-Language cover which answer and in which form; the threshold and the start of this process cover the
 * service itself (a new release or setting). Weak: a spreadsheet's bytes may differ, its figures not.
 * <p>
 * The version is read (with the caller's checks: 401, 403, 404 before any 304) before the answer's own snapshot, so a
 * tag never labels an answer older than the version it was made from.
 */
@ApplicationScoped
class OverviewTags {

    private final String started = Instant.now().toString();
    private final Clock clock;
    private final int threshold;
    /** The current request's (request-scoped proxies). */
    private final UriInfo uri;
    private final HttpHeaders headers;
    private final Request request;

    OverviewTags(Clock clock, Publication publication, UriInfo uri, HttpHeaders headers, Request request) {
        this.clock = clock;
        this.threshold = publication.threshold();
        this.uri = uri;
        this.headers = headers;
        this.request = request;
    }

    /**
     * A conditional GET: 304 when If-None-Match holds the answer's tag, otherwise the answer (an entity, or a Response
     * such as a download) with it. "private, no-cache": a browser may keep the answer, and asks each time.
     */
    Response conditional(long version, Supplier<Object> answer) {
        EntityTag tag = tag(version);
        Response.ResponseBuilder response = request.evaluatePreconditions(tag);
        if (response == null) {
            Object body = answer.get();
            response = body instanceof Response r ? Response.fromResponse(r) : Response.ok(body);
        }
        return response.tag(tag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    private EntityTag tag(long version) {
        String made = String.join("\n", started, String.valueOf(threshold), LocalDate.now(clock).toString(),
                String.valueOf(version), uri.getRequestUri().getRawPath(), String.valueOf(uri.getRequestUri().getRawQuery()),
                String.valueOf(headers.getHeaderString(HttpHeaders.ACCEPT)),
                String.valueOf(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(made.getBytes(StandardCharsets.UTF_8));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
