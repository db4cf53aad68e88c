package org.youthwork.logbook.system;

import java.util.List;
import java.util.Map;

/** The kinds of problem the service answers with, each with its RFC 9457 type URI, title and status. */
public enum ProblemType {
    INVALID_INPUT("invalid-input", "Invalid input", 400),
    UNAUTHORIZED("unauthorized", "Unauthorized", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    LENGTH_REQUIRED("length-required", "Length required", 411),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    BODY_TOO_LARGE("body-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    PRECONDITION_REQUIRED("precondition-required", "Precondition required", 428),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

    private final String uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = "urn:logbook:problem:" + slug;
        this.title = title;
        this.status = status;
    }

    public int status() {
        return status;
    }

    public Problem problem(String detail, List<Problem.Violation> violations) {
        return problem(detail, violations, null);
    }

    public Problem problem(String detail, List<Problem.Violation> violations, Map<String, Object> extensions) {
        return new Problem(uri, title, status, detail, violations, extensions);
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_INPUT;
    }
}
