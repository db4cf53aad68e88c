package org.youthwork.logbook.account;

import org.youthwork.logbook.system.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** What clients send and get back to manage accounts. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** A person's account; the contract describes it per role, as NewUser (META-INF/openapi.yaml). */
    @Schema(hidden = true)
    public record UserRequest(
            @NotBlank @Size(min = 3, max = 100, message = "must be 3 to 100 characters")
            @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may hold letters, digits and . _ @ - only") String username,
            @NotNull @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
            @NotNull Role role,
            UUID organisationId,
            String municipalityCode,
            String country) {
    }

    /** A machine's account; the contract describes it per role, as NewClient (META-INF/openapi.yaml). */
    @Schema(hidden = true)
    public record ClientRequest(
            @NotNull @Pattern(regexp = Text.NOT_BLANK, message = "must not be blank")
            @Size(max = 200, message = "must be at most 200 characters") String name,
            @NotNull Role role,
            UUID organisationId,
            String municipalityCode,
            String country) {
    }

    @Schema(name = "User", description = "A person's account; never its password or hash")
    public record UserResponse(UUID id, String username, Role role,
                               @Schema(nullable = true, description = "For YOUTH_WORKER and ORGANISATION_LEAD") UUID organisationId,
                               @Schema(nullable = true, description = "For MUNICIPALITY") String municipalityCode,
                               @Schema(nullable = true, description = "For NETWORK_COORDINATOR") String country,
                               @Schema(description = "A disabled account cannot sign in, and its tokens are refused") boolean disabled,
                               @Schema(nullable = true, description = "Since when it is disabled") Instant disabledAt,
                               @Schema(nullable = true, description = "When the password was last changed or reset; "
                                       + "tokens issued before are refused") Instant passwordChangedAt,
                               Instant createdAt,
                               @Schema(description = "Also the ETag") int version) {
        static UserResponse from(Account a) {
            return new UserResponse(a.id, a.login, a.role, a.organisationId, a.municipalityCode, a.countryCode,
                    a.disabledAt != null, a.disabledAt, a.credentialsChangedAt, a.createdAt, a.version);
        }
    }

    @Schema(name = "ClientAccount", description = "A machine's account; never its secret or hash")
    public record ClientAccount(UUID id, @Schema(examples = "client-3f9a0c7e5b1d2a48") String clientId, String name, Role role,
                                @Schema(nullable = true, description = "For YOUTH_WORKER and ORGANISATION_LEAD") UUID organisationId,
                                @Schema(nullable = true, description = "For MUNICIPALITY") String municipalityCode,
                                @Schema(nullable = true, description = "For NETWORK_COORDINATOR") String country,
                                @Schema(description = "A disabled account cannot sign in, and its tokens are refused") boolean disabled,
                                @Schema(nullable = true, description = "Since when it is disabled") Instant disabledAt,
                                @Schema(nullable = true, description = "When the secret was last replaced; tokens issued "
                                        + "before are refused") Instant secretChangedAt,
                                Instant createdAt,
                                @Schema(description = "Also the ETag") int version) {
        static ClientAccount from(Account a) {
            return new ClientAccount(a.id, a.login, a.name, a.role, a.organisationId, a.municipalityCode, a.countryCode,
                    a.disabledAt != null, a.disabledAt, a.credentialsChangedAt, a.createdAt, a.version);
        }
    }

    @Schema(name = "PasswordReset", description = "A new password, set by an administrator or the organisation's lead")
    public record PasswordReset(
            @NotNull @Size(min = 10, max = 200, message = "must be 10 to 200 characters")
            @Schema(required = true, ref = "Password") String password) {
    }

    @Schema(name = "PasswordChange", description = "One's own new password, with the current one")
    public record PasswordChange(
            @NotNull @Size(max = 200, message = "must be at most 200 characters")
            @Schema(required = true, maxLength = 200, pattern = "^[^\\u0000]*$") String currentPassword,
            @NotNull @Size(min = 10, max = 200, message = "must be 10 to 200 characters")
            @Schema(required = true, ref = "Password") String newPassword) {
    }

    @Schema(name = "Client", description = "The secret is shown in this answer only; it is stored as a hash")
    public record ClientResponse(UUID id, @Schema(examples = "client-3f9a0c7e5b1d2a48") String clientId, String name,
                                 Role role,
                                 @Schema(nullable = true, description = "For YOUTH_WORKER and ORGANISATION_LEAD") UUID organisationId,
                                 @Schema(nullable = true, description = "For MUNICIPALITY") String municipalityCode,
                                 @Schema(nullable = true, description = "For NETWORK_COORDINATOR") String country,
                                 @Schema(description = "Shown once") String clientSecret, Instant createdAt) {
        static ClientResponse from(Account a, String clientSecret) {
            return new ClientResponse(a.id, a.login, a.name, a.role, a.organisationId, a.municipalityCode, a.countryCode,
                    clientSecret, a.createdAt);
        }
    }
}
