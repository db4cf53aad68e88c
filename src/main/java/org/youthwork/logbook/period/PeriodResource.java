package org.youthwork.logbook.period;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.youthwork.logbook.period.ClosedPeriods.ClosedPeriod;
import org.youthwork.logbook.system.ProblemException;

@Path("/api/v1/periods/closed")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closed periods")
class PeriodResource {

    @Schema(name = "ClosePeriodRequest")
    public record CloseRequest(@NotNull @Schema(ref = "CountryCode") String country,
                               @NotNull @Schema(examples = "2026", minimum = "2000", maximum = "9999", description = "From 2000 to this year") Integer year) {
    }

    private final ClosedPeriods periods;

    PeriodResource(ClosedPeriods periods) {
        this.periods = periods;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closePeriod", summary = "Close a year for a country",
            description = "By the network coordinator of that country (or an administrator). Sessions of the country's "
                    + "organisations dated in it can then no longer be created, changed or deleted (409).")
    @APIResponse(responseCode = "201", description = "Closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosedPeriod.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response close(@Valid @NotNull CloseRequest request) {
        ClosedPeriod closed = periods.close(request.country(), request.year());
        return Response.status(201).entity(closed).build();
    }

    @DELETE
    @Path("/{country}/{year}")
    @Operation(operationId = "reopenPeriod", summary = "Reopen a closed year", description = "Administrators only.")
    @APIResponse(responseCode = "204", description = "Reopened")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void reopen(@PathParam("country") String country, @PathParam("year") String year) {
        int y;
        try {
            y = Integer.parseInt(year);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("The closed period");
        }
        periods.reopen(country, y);
    }
}
