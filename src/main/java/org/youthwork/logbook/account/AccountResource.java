package org.youthwork.logbook.account;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.youthwork.logbook.account.AccountRequests.ClientRequest;
import org.youthwork.logbook.account.AccountRequests.ClientResponse;
import org.youthwork.logbook.account.AccountRequests.UserRequest;
import org.youthwork.logbook.account.AccountRequests.UserResponse;
import org.youthwork.logbook.system.QueryParams;

@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
class AccountResource {

    private final AccountService accounts;

    AccountResource(AccountService accounts) {
        this.accounts = accounts;
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
        return Response.created(uri.getAbsolutePathBuilder().path(user.id().toString()).build()).entity(user).build();
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
}
