package org.youthwork.logbook.system;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic concurrency over HTTP: a representation's {@code version} is its ETag, a change must name it in If-Match. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Checks a required If-Match: 428 when it is missing, 412 when it names no current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requirePresent(ifMatch);
        checkMatch(ifMatch, currentVersion);
    }

    /**
     * A change without If-Match is refused before anything is looked up, as a malformed request is: 428 whether or
     * not the resource exists.
     */
    public static void requirePresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "A change needs the If-Match header with the ETag of the version it changes.");
        }
    }

    /** Checks an optional If-Match: nothing to check when it is missing. */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return;
            }
            if (t.startsWith("W/")) {
                continue; // If-Match compares strongly: a weak tag never matches (RFC 9110, 13.1.1)
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "If-Match names a version that is no longer current; the current ETag is \"" + currentVersion + "\".");
    }
}
