package org.youthwork.logbook.organisation;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.QueryParams;
import org.youthwork.logbook.system.Versions;

@Path("/api/v1/organisations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
class OrganisationResource {

    private final OrganisationService organisations;
    private final OrganisationMerge merges;

    OrganisationResource(OrganisationService organisations, OrganisationMerge merges) {
        this.organisations = organisations;
        this.merges = merges;
    }

    @POST
    @Operation(operationId = "createOrganisation", summary = "Create an organisation")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(@Valid @NotNull OrganisationRequest request, UriInfo uri) {
        OrganisationResponse created = organisations.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrganisation", summary = "Read an organisation")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The organisation",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "Organisation id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        OrganisationResponse found = organisations.get(QueryParams.pathId(id));
        return Response.ok(found).tag(Versions.etag(found.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceOrganisation", summary = "Replace an organisation",
            description = "Needs If-Match with the ETag of the version it replaces.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The organisation as stored now",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response replace(@PathParam("id") @Parameter(description = "Organisation id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatch") String ifMatch,
                            @Valid @NotNull OrganisationRequest request) {
        Versions.requirePresent(ifMatch);
        OrganisationResponse stored = organisations.replace(QueryParams.pathId(id), request, ifMatch);
        return Response.ok(stored).tag(Versions.etag(stored.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteOrganisation", summary = "Delete an organisation without sessions",
            description = "For administrators. The row is kept for the audit trail; no read finds the organisation any more."
                    + " One with sessions answers 409: merge it into the organisation it duplicates instead."
                    + " One with accounts answers 409 too, until they are deleted or moved by a merge."
                    + " Deleted sessions count as none. If-Match is optional here.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete(@PathParam("id") @Parameter(description = "Organisation id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                       @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatchOptional") String ifMatch) {
        organisations.delete(QueryParams.pathId(id), ifMatch);
    }

    @POST
    @Path("/{id}/merge")
    @Operation(operationId = "mergeOrganisation", summary = "Merge a duplicate into another organisation",
            description = "For administrators. In one step, the duplicate's sessions (deleted ones too, each with an entry"
                    + " in its history) and accounts move to the organisation named by `into`, of the same country; the"
                    + " sessions keep the municipality where they were held, so no area's figures change. The moved accounts"
                    + " sign in again. The duplicate is then deleted, as by DELETE. 409 when the countries differ or the"
                    + " duplicate has sessions in a closed period. If-Match, optional, names the duplicate's version.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "Merged; the ETag is that of the organisation merged into",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MergeResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response merge(@PathParam("id") @Parameter(description = "Id of the duplicate", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatchOptional") String ifMatch,
                          @Valid @NotNull MergeRequest request) {
        MergeResponse merged = merges.merge(QueryParams.pathId(id), request, ifMatch);
        return Response.ok(merged).tag(Versions.etag(merged.into().version())).build();
    }

    @GET
    @Operation(operationId = "listOrganisations", summary = "List organisations",
            description = "By name; optionally of one country, of one municipality, members of the network only.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "One page of organisations")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<OrganisationResponse> list(
            @QueryParam("country") @Parameter(description = "Organisations based in this country", schema = @Schema(ref = "CountryCode")) String country,
            @QueryParam("municipalityCode") @Parameter(description = "Organisations based in this municipality", schema = @Schema(ref = "MunicipalityCode")) String municipalityCode,
            @QueryParam("member") @Parameter(description = "true: members of the network only; false: non-members only",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String member,
            @QueryParam("page") @Parameter(ref = "page") String page,
            @QueryParam("size") @Parameter(ref = "size") String size) {
        return organisations.list(country, municipalityCode, QueryParams.bool("member", member), QueryParams.paging(page, size));
    }
}
