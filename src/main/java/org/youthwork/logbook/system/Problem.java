package org.youthwork.logbook.system;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail: the body of every answer that is not a success. Extension members, where a problem has
 * any, are written beside the standard ones (RFC 9457, section 3.2), each documented by the operation that answers it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail, served as application/problem+json")
public record Problem(
        @Schema(examples = "urn:logbook:problem:invalid-input") String type,
        @Schema(examples = "Invalid input") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "The request has 1 invalid field.") String detail,
        @Schema(description = "The fields that broke a rule; only for invalid input") List<Violation> violations,
        @Schema(hidden = true) @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        detail = StorableText.printable(detail);
    }

    /** A problem without extension members. */
    public Problem(String type, String title, int status, String detail, List<Violation> violations) {
        this(type, title, status, detail, violations, null);
    }

    /** One broken rule; {@code field} is the path as the client wrote it, or "" for the request (or line) as a whole. */
    public record Violation(
            @Schema(examples = "participants[2].count", description = "The field as the client wrote it; empty for the body as a whole")
            String field,
            @Schema(examples = "must be less than or equal to 10000") String message) {
        public Violation {
            field = field == null ? "" : StorableText.printable(field);
            message = StorableText.printable(message);
        }
    }
}
