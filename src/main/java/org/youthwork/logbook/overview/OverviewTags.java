package org.youthwork.logbook.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * The ETag of an overview answer: a digest of everything it is made from. The country's version covers the data; the
 * day covers what today decides (indicator 2.2.3's months, the default period); the path, query, Accept and
 * Accept-Language cover which answer and in which form; the threshold and the start of this process cover the
 * service itself (a new release or setting). Weak: a spreadsheet's bytes may differ, its figures not.
 */
@ApplicationScoped
class OverviewTags {

    private final String started = Instant.now().toString();
    private final Clock clock;
    private final int threshold;

    OverviewTags(Clock clock, Publication publication) {
        this.clock = clock;
        this.threshold = publication.threshold();
    }

    EntityTag tag(long version, UriInfo uri, HttpHeaders headers) {
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
