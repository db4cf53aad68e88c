package org.youthwork.logbook.account;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth/token")
@PermitAll
@Tag(name = "Accounts")
class TokenResource {

    private final TokenService tokens;
    private final ClientAddress clientAddress;

    TokenResource(TokenService tokens, ClientAddress clientAddress) {
        this.tokens = tokens;
        this.clientAddress = clientAddress;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "getToken", summary = "Get an access token (OAuth 2.0 token endpoint, RFC 6749)",
            description = "Form-encoded. `grant_type=password` with `username` and `password` for people, "
                    + "`grant_type=client_credentials` with `client_id` and `client_secret` (or HTTP Basic) for machines. "
                    + "A wrong user answers exactly as a wrong password. An attempt counts before its password is checked: "
                    + "once a username, or a client address, has 10 (by default) attempts in the last minute that did not succeed, "
                    + "further attempts answer 429 with Retry-After, without a check.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(ref = "TokenRequest")))
    @APIResponse(responseCode = "200", description = "A bearer token, valid for expires_in seconds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenService.Token.class)))
    @APIResponse(responseCode = "400", description = "invalid_request, unsupported_grant_type or invalid_grant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenService.TokenError.class)))
    @APIResponse(responseCode = "401", description = "invalid_client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenService.TokenError.class)))
    @APIResponse(responseCode = "429", description = "Too many attempts for the username or from the client address; "
            + "Retry-After says in how many seconds to try again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenService.TokenError.class)))
    /** The form is read as text and decoded by Netty's decoder: the REST layer's own form reader fails on "=". */
    public Response token(String form, @Context HttpServerRequest request) {
        return tokens.token(form, request.getHeader("Authorization"), clientAddress.of(request));
    }
}
