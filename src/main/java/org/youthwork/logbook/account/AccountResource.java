package org.youthwork.logbook.account;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.youthwork.logbook.account.AccountRequests.ClientAccount;
import org.youthwork.logbook.account.AccountRequests.ClientRequest;
import org.youthwork.logbook.account.AccountRequests.ClientResponse;
import org.youthwork.logbook.account.AccountRequests.PasswordChange;
import org.youthwork.logbook.account.AccountRequests.PasswordReset;
import org.youthwork.logbook.account.AccountRequests.UserRequest;
import org.youthwork.logbook.account.AccountRequests.UserResponse;
import org.youthwork.logbook.audit.AuditLog;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.Problem;
import org.youthwork.logbook.system.QueryParams;
import org.youthwork.logbook.system.Versions;

@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
class AccountResource {

    private static final String ME = "me";

    private final AccountService accounts;
    private final ClientAddress clientAddress;

    AccountResource(AccountService accounts, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.clientAddress = clientAddress;
    }

    @POST
    @Path("/users")
    @Operation(operationId = "createUser", summary = "Create a person's account",
            description = "Administrators create any; organisation leads youth workers and leads of their own organisation.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewUser")))
    public Response createUser(@Valid @NotNull UserRequest request, UriInfo uri) {
        UserResponse user = accounts.createUser(request);
        return Response.created(uri.getAbsolutePathBuilder().path(user.id().toString()).build())
                .tag(Versions.etag(user.version())).entity(user).build();
    }

    @GET
    @Path("/users")
    @Operation(operationId = "listUsers", summary = "List people's accounts",
            description = "Administrators see all, organisation leads their own organisation's; "
                    + "by username. Deleted accounts are not listed; never a password, secret or hash.")
    @APIResponse(responseCode = "200", description = "One page of accounts")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "Not an administrator or organisation lead, or a lead asking for another organisation",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Page<UserResponse> listUsers(
            @QueryParam("role") @Parameter(description = "Accounts of this role", schema = @Schema(implementation = Role.class)) String role,
            @QueryParam("organisationId") @Parameter(description = "Accounts of this organisation", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String organisationId,
            @QueryParam("municipalityCode") @Parameter(description = "Accounts of this municipality", schema = @Schema(ref = "MunicipalityCode")) String municipalityCode,
            @QueryParam("country") @Parameter(description = "Network coordinators' accounts of this country", schema = @Schema(ref = "CountryCode")) String country,
            @QueryParam("disabled") @Parameter(description = "true: disabled accounts only; false: enabled ones only", schema = @Schema(type = SchemaType.BOOLEAN)) String disabled,
            @QueryParam("q") @Parameter(description = "Accounts whose username contains this text, whatever the case", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 100)) String q,
            @QueryParam("page") @Parameter(ref = "page") String page,
            @QueryParam("size") @Parameter(ref = "size") String size) {
        return accounts.listUsers(new AccountService.Filter(role, organisationId, municipalityCode, country, disabled, q),
                QueryParams.paging(page, size));
    }

    @GET
    @Path("/users/me")
    @Operation(operationId = "getOwnUser", summary = "Read one's own account",
            description = "Any person signed in with a token of this service: their role and what they belong to. "
                    + "A machine's token, or an external identity provider's, has no person's account here: 404.")
    @APIResponse(responseCode = "200", description = "The caller's account",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getOwnUser() {
        UserResponse me = accounts.me();
        return Response.ok(me).tag(Versions.etag(me.version())).build();
    }

    @PUT
    @Path("/users/me/password")
    @Operation(operationId = "changeOwnPassword", summary = "Change one's own password",
            description = "With the current password. Afterwards the old password no longer signs in, and every token "
                    + "issued before, this one too, is refused: sign in again with the new password. A wrong current "
                    + "password counts as a failed sign-in of the username and the client address: once either has 10 "
                    + "(by default) in the last minute, further attempts answer 429 with Retry-After, without a check.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PasswordChange.class)))
    @APIResponse(responseCode = "204", description = "Changed; sign in again")
    @APIResponse(responseCode = "400", description = "Invalid input, or currentPassword is wrong (a violation of currentPassword)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", description = "Too many failed attempts for the username or from the client address; "
            + "Retry-After says in how many seconds to try again",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response changeOwnPassword(@Valid @NotNull PasswordChange request, @Context HttpServerRequest http) {
        long wait = accounts.changeOwnPassword(request, clientAddress.of(http));
        return wait > 0 ? tooManyAttempts(wait) : Response.noContent().build();
    }

    @GET
    @Path("/users/{id}")
    @Operation(operationId = "getUser", summary = "Read a person's account",
            description = "For administrators, the organisation's lead, and the account itself.")
    @APIResponse(responseCode = "200", description = "The account",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getUser(@PathParam("id") @Parameter(description = "The user's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        UserResponse found = accounts.getUser(QueryParams.pathId(id));
        return Response.ok(found).tag(Versions.etag(found.version())).build();
    }

    @POST
    @Path("/users/{id}/disable")
    @Consumes(MediaType.WILDCARD) // no body: whatever a client declares for none
    @Operation(operationId = "disableUser", summary = "Disable a person's account",
            description = "It cannot sign in (the token endpoint answers as for a wrong password) and its tokens are refused at once, until it is enabled again. Nobody disables their own account, and the last active administrator stays enabled. Disabling a disabled account changes nothing.")
    @APIResponse(responseCode = "200", description = "The account as stored now",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "Not an administrator or organisation lead, or the caller's own account",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The last active administrator, which cannot be disabled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response disableUser(@PathParam("id") @Parameter(description = "The user's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatchOptional") String ifMatch) {
        UserResponse stored = accounts.setUserDisabled(QueryParams.pathId(id), true, ifMatch);
        return Response.ok(stored).tag(Versions.etag(stored.version())).build();
    }

    @POST
    @Path("/users/{id}/enable")
    @Consumes(MediaType.WILDCARD) // no body: whatever a client declares for none
    @Operation(operationId = "enableUser", summary = "Enable a person's account",
            description = "It can sign in again; tokens issued before it was disabled work again while they last. Enabling an enabled account changes nothing.")
    @APIResponse(responseCode = "200", description = "The account as stored now",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response enableUser(@PathParam("id") @Parameter(description = "The user's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatchOptional") String ifMatch) {
        UserResponse stored = accounts.setUserDisabled(QueryParams.pathId(id), false, ifMatch);
        return Response.ok(stored).tag(Versions.etag(stored.version())).build();
    }

    @PUT
    @Path("/users/{id}/password")
    @Operation(operationId = "resetPassword", summary = "Reset a person's password",
            description = "By an administrator, or the organisation's lead for its youth workers and leads. The old "
                    + "password no longer signs in, and the account's tokens issued before are refused. One's own "
                    + "password is changed with the current one instead (PUT /users/me/password).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PasswordReset.class)))
    @APIResponse(responseCode = "200", description = "The account as stored now",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "Not an administrator or organisation lead, or the caller's own account",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response resetPassword(@PathParam("id") @Parameter(description = "The user's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                                  @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatchOptional") String ifMatch,
                                  @Valid @NotNull PasswordReset request) {
        UserResponse stored = accounts.resetPassword(QueryParams.pathId(id), request.password(), ifMatch);
        return Response.ok(stored).tag(Versions.etag(stored.version())).build();
    }

    @GET
    @Path("/users/{id}/history")
    @Operation(operationId = "getUserHistory", summary = "The account's audit trail",
            description = "Its creation, every change (disabled, enabled, password reset or changed) "
                    + "and its deletion, oldest first: who, when, before and after (never a hash). "
                    + "For administrators and the organisation's lead; also of a deleted account.")
    @APIResponse(responseCode = "200", description = "One page of changes")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<AuditLog.Change> getUserHistory(@PathParam("id") @Parameter(description = "The user's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                                              @QueryParam("page") @Parameter(ref = "page") String page,
                                              @QueryParam("size") @Parameter(ref = "size") String size) {
        return accounts.history(Account.Kind.USER, QueryParams.pathId(id), QueryParams.paging(page, size));
    }

    @DELETE
    @Path("/users/{id}")
    @Operation(operationId = "deleteUser", summary = "Delete a person's account",
            description = "Its tokens stop working at once. Only a person's account: a machine's id is not found here "
                    + "(DELETE /clients/{id}). Nobody deletes their own account, and the last active administrator stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "Not an administrator or organisation lead, or the caller's own account",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The last active administrator, which cannot be deleted",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public void deleteUser(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        if (ME.equals(id)) {
            throw new NotAllowedException("GET"); // /users/me is read only; the router hands it to this template
        }
        accounts.delete(Account.Kind.USER, QueryParams.pathId(id));
    }

    @POST
    @Path("/clients")
    @Operation(operationId = "createClient", summary = "Create a machine's account",
            description = "For a reporting tool or an app: answers the client_secret once; it is stored only as a hash.")
    @APIResponse(responseCode = "201", description = "Created; keep the client_secret, it is not shown again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewClient")))
    public Response createClient(@Valid @NotNull ClientRequest request, UriInfo uri) {
        ClientResponse client = accounts.createClient(request);
        return Response.created(uri.getAbsolutePathBuilder().path(client.id().toString()).build())
                .header("Cache-Control", "no-store").entity(client).build();
    }

    @GET
    @Path("/clients")
    @Operation(operationId = "listClients", summary = "List machines' accounts",
            description = "Administrators see all, organisation leads their own organisation's; "
                    + "by name. Deleted accounts are not listed; never a password, secret or hash.")
    @APIResponse(responseCode = "200", description = "One page of accounts")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "Not an administrator or organisation lead, or a lead asking for another organisation",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Page<ClientAccount> listClients(
            @QueryParam("role") @Parameter(description = "Accounts of this role", schema = @Schema(implementation = Role.class)) String role,
            @QueryParam("organisationId") @Parameter(description = "Accounts of this organisation", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String organisationId,
            @QueryParam("municipalityCode") @Parameter(description = "Accounts of this municipality", schema = @Schema(ref = "MunicipalityCode")) String municipalityCode,
            @QueryParam("country") @Parameter(description = "Network coordinators' accounts of this country", schema = @Schema(ref = "CountryCode")) String country,
            @QueryParam("disabled") @Parameter(description = "true: disabled accounts only; false: enabled ones only", schema = @Schema(type = SchemaType.BOOLEAN)) String disabled,
            @QueryParam("q") @Parameter(description = "Accounts whose name or clientId contains this text, whatever the case", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 100)) String q,
            @QueryParam("page") @Parameter(ref = "page") String page,
            @QueryParam("size") @Parameter(ref = "size") String size) {
        return accounts.listClients(new AccountService.Filter(role, organisationId, municipalityCode, country, disabled, q),
                QueryParams.paging(page, size));
    }

    @GET
    @Path("/clients/{id}")
    @Operation(operationId = "getClient", summary = "Read a machine's account",
            description = "For administrators, the organisation's lead, and the account itself.")
    @APIResponse(responseCode = "200", description = "The account",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientAccount.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getClient(@PathParam("id") @Parameter(description = "The client's id (not its clientId)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        ClientAccount found = accounts.getClient(QueryParams.pathId(id));
        return Response.ok(found).tag(Versions.etag(found.version())).build();
    }

    @POST
    @Path("/clients/{id}/disable")
    @Consumes(MediaType.WILDCARD) // no body: whatever a client declares for none
    @Operation(operationId = "disableClient", summary = "Disable a machine's account",
            description = "It cannot sign in (the token endpoint answers as for a wrong password) and its tokens are refused at once, until it is enabled again. Nobody disables their own account, and the last active administrator stays enabled. Disabling a disabled account changes nothing.")
    @APIResponse(responseCode = "200", description = "The account as stored now",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientAccount.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "Not an administrator or organisation lead, or the caller's own account",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The last active administrator, which cannot be disabled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response disableClient(@PathParam("id") @Parameter(description = "The client's id (not its clientId)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatchOptional") String ifMatch) {
        ClientAccount stored = accounts.setClientDisabled(QueryParams.pathId(id), true, ifMatch);
        return Response.ok(stored).tag(Versions.etag(stored.version())).build();
    }

    @POST
    @Path("/clients/{id}/enable")
    @Consumes(MediaType.WILDCARD) // no body: whatever a client declares for none
    @Operation(operationId = "enableClient", summary = "Enable a machine's account",
            description = "It can sign in again; tokens issued before it was disabled work again while they last. Enabling an enabled account changes nothing.")
    @APIResponse(responseCode = "200", description = "The account as stored now",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientAccount.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response enableClient(@PathParam("id") @Parameter(description = "The client's id (not its clientId)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatchOptional") String ifMatch) {
        ClientAccount stored = accounts.setClientDisabled(QueryParams.pathId(id), false, ifMatch);
        return Response.ok(stored).tag(Versions.etag(stored.version())).build();
    }

    @POST
    @Path("/clients/{id}/secret")
    @Consumes(MediaType.WILDCARD) // no body: whatever a client declares for none
    @Operation(operationId = "newClientSecret", summary = "Give a machine a new secret",
            description = "Answers the new client_secret once; the old one no longer signs in, and the account's tokens "
                    + "issued before are refused. Nobody gives their own account a new secret.")
    @APIResponse(responseCode = "200", description = "The new secret; keep it, it is not shown again",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "Not an administrator or organisation lead, or the caller's own account",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response newClientSecret(@PathParam("id") @Parameter(description = "The client's id (not its clientId)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                                    @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(ref = "IfMatchOptional") String ifMatch) {
        ClientResponse client = accounts.newClientSecret(QueryParams.pathId(id), ifMatch);
        return Response.ok(client).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/clients/{id}/history")
    @Operation(operationId = "getClientHistory", summary = "The account's audit trail",
            description = "Its creation, every change (disabled, enabled, new secret) "
                    + "and its deletion, oldest first: who, when, before and after (never a hash). "
                    + "For administrators and the organisation's lead; also of a deleted account.")
    @APIResponse(responseCode = "200", description = "One page of changes")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<AuditLog.Change> getClientHistory(@PathParam("id") @Parameter(description = "The client's id (not its clientId)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                                              @QueryParam("page") @Parameter(ref = "page") String page,
                                              @QueryParam("size") @Parameter(ref = "size") String size) {
        return accounts.history(Account.Kind.CLIENT, QueryParams.pathId(id), QueryParams.paging(page, size));
    }

    @DELETE
    @Path("/clients/{id}")
    @Operation(operationId = "deleteClient", summary = "Delete a machine's account",
            description = "Its tokens stop working at once. Only a machine's account: a person's id is not found here "
                    + "(DELETE /users/{id}). Nobody deletes their own account, and the last active administrator stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "Not an administrator or organisation lead, or the caller's own account",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The last active administrator, which cannot be deleted",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public void deleteClient(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        accounts.delete(Account.Kind.CLIENT, QueryParams.pathId(id));
    }

    private static Response tooManyAttempts(long wait) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, wait)
                .entity(new Problem("urn:logbook:problem:too-many-attempts", "Too many attempts", 429,
                        "Too many failed attempts; try again in " + wait + " s.", null))
                .build();
    }
}
