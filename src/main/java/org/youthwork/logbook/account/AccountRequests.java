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

    @Schema(name = "User")
    public record UserResponse(UUID id, String username, Role role,
                               @Schema(nullable = true, description = "For YOUTH_WORKER and ORGANISATION_LEAD") UUID organisationId,
                               @Schema(nullable = true, description = "For MUNICIPALITY") String municipalityCode,
                               @Schema(nullable = true, description = "For NETWORK_COORDINATOR") String country, Instant createdAt) {
        static UserResponse from(Account a) {
            return new UserResponse(a.id, a.login, a.role, a.organisationId, a.municipalityCode, a.countryCode, a.createdAt);
        }
    }

    @Schema(name = "Client", description = "The secret is shown in this answer only; it is stored as a hash")
    public record ClientResponse(UUID id, @Schema(examples = "client-3f9a0c7e5b1d2a48") String clientId, String name,
                                 Role role,
                                 @Schema(nullable = true, description = "For YOUTH_WORKER and ORGANISATION_LEAD") UUID organisationId,
                                 @Schema(nullable = true, description = "For MUNICIPALITY") String municipalityCode,
                                 @Schema(nullable = true, description = "For NETWORK_COORDINATOR") String country,
                                 @Schema(description = "Shown once") String clientSecret, Instant createdAt) {
    }
}
