package org.youthwork.logbook.organisation;

import org.youthwork.logbook.system.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrganisationRequest", description = "An organisation as a client creates or replaces it")
public record OrganisationRequest(
        @NotNull @Pattern(regexp = Text.NOT_BLANK, message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") @Schema(examples = "Mladinski center Velenje", minLength = 1, maxLength = 200, pattern = Text.VISIBLE) String name,
        @NotNull OrganisationType type,
        @NotNull @Schema(ref = "MunicipalityCode", required = true, description = "The municipality the organisation is based in") String municipalityCode,
        @NotNull @Schema(description = "Belongs to the national network of youth centres") Boolean member) {
}
