package org.youthwork.logbook.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.youthwork.logbook.audit.AuditLog;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.ProblemException;
import org.youthwork.logbook.system.QueryParams;
import org.youthwork.logbook.system.Versions;

import java.util.Arrays;
import java.util.stream.Collectors;

@Path("/api/v1/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
class SessionResource {

    private final SessionService sessions;
    private final SessionExport exports;

    SessionResource(SessionService sessions, SessionExport exports) {
        this.sessions = sessions;
        this.exports = exports;
    }

    @POST
    @Operation(operationId = "createSession", summary = "Log a session",
            description = "Stores a session of youth work. A client that logs offline sends its own `id`: a retry with the "
                    + "same id and content answers 200 with the stored session and stores nothing twice.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionRequest.class),
            examples = @ExampleObject(name = "street outreach", ref = "SessionExample")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "201", description = "Stored; Location is its address",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "200", description = "A retry: the session was stored already with this id and content",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(@Valid @NotNull SessionRequest request, UriInfo uri) {
        SessionService.Created created = sessions.create(request);
        SessionResponse session = created.session();
        Response.ResponseBuilder answer = created.isNew()
                ? Response.created(uri.getAbsolutePathBuilder().path(session.id().toString()).build())
                : Response.ok();
        return answer.tag(Versions.etag(session.version())).entity(session).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSession", summary = "Read a session")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The session", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Session id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        SessionResponse session = sessions.get(QueryParams.pathId(id));
        return Response.ok(session).tag(Versions.etag(session.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceSession", summary = "Replace a session",
            description = "Needs If-Match with the ETag of the version it replaces.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The session as stored now", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response replace(@PathParam("id") @Parameter(description = "Session id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatch") String ifMatch,
                            @Valid @NotNull SessionRequest request) {
        Versions.requirePresent(ifMatch);
        SessionResponse session = sessions.replace(QueryParams.pathId(id), request, ifMatch);
        return Response.ok(session).tag(Versions.etag(session.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSession", summary = "Delete a session",
            description = "Removes it from every list and aggregate; the row is kept for audit. If-Match is optional here.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete(@PathParam("id") @Parameter(description = "Session id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                       @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatchOptional") String ifMatch) {
        sessions.delete(QueryParams.pathId(id), ifMatch);
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getSessionHistory", summary = "The session's audit trail",
            description = "Every create, change and delete of the session, oldest first: who, when, before and after.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "200", description = "One page of changes")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<AuditLog.Change> history(@PathParam("id") @Parameter(description = "Session id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                                         @QueryParam("page") @Parameter(ref = "page") String page,
                                         @QueryParam("size") @Parameter(ref = "size") String size) {
        return sessions.history(QueryParams.pathId(id), QueryParams.paging(page, size));
    }

    @GET
    @Operation(operationId = "listSessions", summary = "List sessions",
            description = "Newest first (date, then start time, then when logged). Page by number (`page`, with the "
                    + "exact `total`), or, at any depth as fast as on the first page, by cursor: `after` set to the `next` "
                    + "of the page before. With `Accept: text/csv`, every session of "
                    + "the list, unpaged (`page`, `size` and `after` are refused), streamed as a file in the import's CSV columns: "
                    + "imported again, it is counted unchanged.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "One page of sessions; as CSV, all of them",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PageSessionResponse")),
                    @Content(mediaType = ImportResource.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public SessionPage list(
            @QueryParam("organisationId") @Parameter(description = "Sessions of this organisation", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String organisationId,
            @QueryParam("municipalityCode") @Parameter(description = "Sessions held in this municipality", schema = @Schema(ref = "MunicipalityCode")) String municipalityCode,
            @QueryParam("from") @Parameter(description = "First date, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date", pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")) String from,
            @QueryParam("to") @Parameter(description = "Last date, inclusive; not before from", schema = @Schema(type = SchemaType.STRING, format = "date", pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")) String to,
            @QueryParam("method") @Parameter(description = "Sessions with this method", schema = @Schema(implementation = Method.class)) String method,
            @QueryParam("page") @Parameter(ref = "page") String page,
            @QueryParam("size") @Parameter(ref = "size") String size,
            @QueryParam("after") @Parameter(description = "The page after this one: the `next` of an earlier page of the same "
                    + "list. Not with `page`; the answer's `page` and `total` are null.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String after) {
        if (after != null && page != null) {
            throw ProblemException.invalid("after", "give page or after, not both");
        }
        return sessions.list(filter(organisationId, municipalityCode, from, to, method), QueryParams.paging(page, size),
                after == null ? null : SessionCursor.decode(after));
    }

    /** The list as a file; lower server preference than JSON (qs), so that a client that accepts anything gets JSON. */
    @GET
    @Produces("text/csv;qs=0.5")
    @Operation(hidden = true)
    public Response csv(@QueryParam("organisationId") String organisationId, @QueryParam("municipalityCode") String municipalityCode,
                        @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("method") String method) {
        SessionExport.Export export = exports.csv(filter(organisationId, municipalityCode, from, to, method));
        return Response.ok(export.body(), SessionExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"").build();
    }

    private static SessionService.Filter filter(String organisationId, String municipalityCode, String from, String to, String method) {
        var filter = new SessionService.Filter(QueryParams.uuid("organisationId", organisationId), municipalityCode,
                QueryParams.date("from", from), QueryParams.date("to", to), method(method));
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return filter;
    }

    private static Method method(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        return Arrays.stream(Method.values()).filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("method", "must be one of: "
                        + Arrays.stream(Method.values()).map(Method::code).collect(Collectors.joining(", "))));
    }
}
