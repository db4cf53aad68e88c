package org.youthwork.logbook.system;

import java.util.List;
import java.util.Map;

/** A refusal the service chooses on purpose; {@link ProblemMapper} turns it into a problem response. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        this(type, detail, violations, null);
    }

    /** With extension members, written beside the standard ones of the problem. */
    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = violations;
        this.extensions = extensions;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist.");
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(ProblemType.INVALID_INPUT, InvalidInput.detail(violations.size()), violations);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public List<Problem.Violation> violations() {
        return violations != null ? violations : List.of(new Problem.Violation(null, getMessage()));
    }

    public Problem toProblem() {
        return type.problem(getMessage(), violations, extensions);
    }
}
