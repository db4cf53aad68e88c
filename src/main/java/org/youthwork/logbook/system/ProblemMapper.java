package org.youthwork.logbook.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/** The one place where failures become {@code application/problem+json}; nothing else writes an error body. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final AllowedMethods allowed;

    ProblemMapper(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e) {
        if (DatabaseOutage.isCause(e)) {
            return unavailable(e);
        }
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(ProblemType.UNAUTHORIZED.problem("A valid bearer token is required: get one at POST /api/v1/auth/token.", null))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ProblemType.FORBIDDEN.problem("Your account may not do this.", null));
    }

    @ServerExceptionMapper
    public Response invalid(ResteasyReactiveViolationException e) {
        return invalid((ConstraintViolationException) e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return invalid(InvalidInput.fromConstraintViolations(e.getConstraintViolations()));
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e) {
        return invalid(List.of(InvalidInput.fromJackson(e)));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response changedMeanwhile(RuntimeException e) {
        return respond(ProblemType.PRECONDITION_FAILED.problem(
                "The resource was changed by someone else meanwhile; fetch it again and retry.", null));
    }

    @ServerExceptionMapper
    public Response rejectedByDatabase(org.hibernate.exception.ConstraintViolationException e) {
        if ("23505".equals(e.getSQLState())) {
            return respond(ProblemType.CONFLICT.problem("A resource with this identity exists already.", null));
        }
        // The same rules are checked before the database sees the row; reaching here means a rule is missing in Java.
        LOG.warnf("The database refused a write: %s", e.getConstraintName());
        return invalid(List.of(new Problem.Violation(null, "breaks the rule " + e.getConstraintName())));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.problem(null, null).type(), type.problem(null, null).title(), status,
                        detail(status), null));
        if (status == 405) {
            answer.header(HttpHeaders.ALLOW, allowed.at(uri.getRequestUri().getRawPath()));
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseOutage.isCause(e)) {
            return unavailable(e);
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, correlation id %s", correlationId);
        return respond(ProblemType.INTERNAL_ERROR.problem(
                "Something went wrong on our side; quote correlation id " + correlationId + " when reporting it.", null));
    }

    /** The database is down or refuses connections: the client may retry; readiness reports it too. */
    private static Response unavailable(Throwable e) {
        LOG.warnf("The database is unavailable: %s", rootMessage(e));
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                .entity(ProblemType.SERVICE_UNAVAILABLE.problem("The database is unavailable for the moment; nothing was "
                        + "changed by this request unless it says so. Try again in a few seconds.", null))
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept this method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 413 -> "The request body is larger than this service accepts.";
            case 415 -> "The body must be sent as application/json.";
            default -> "The request cannot be served.";
        };
    }

    private static Response invalid(List<Problem.Violation> violations) {
        return respond(ProblemType.INVALID_INPUT.problem(InvalidInput.detail(violations.size()), violations));
    }

    static Response respond(Problem problem) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }
}
