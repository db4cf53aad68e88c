package org.youthwork.logbook.overview;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.youthwork.logbook.overview.Overview.Level;

@Path("/api/v1/overviews")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Overviews")
class OverviewResource {

    private final OverviewService overviews;

    OverviewResource(OverviewService overviews) {
        this.overviews = overviews;
    }

    @GET
    @Path("/municipalities/{code}")
    @Operation(operationId = "getMunicipalityOverview", summary = "What the youth work held in a municipality adds up to",
            description = "Totals and breakdowns of the sessions held in the municipality in the period, and indicator 2.2.3 "
                    + "for the member organisations based there.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Overview municipality(@PathParam("code") @Parameter(schema = @Schema(ref = "MunicipalityCode")) String code,
                                 @QueryParam("from") @Parameter(ref = "from") String from,
                                 @QueryParam("to") @Parameter(ref = "to") String to) {
        return overviews.overview(Level.MUNICIPALITY, code, overviews.period(from, to));
    }

    @GET
    @Path("/regions/{code}")
    @Operation(operationId = "getRegionOverview", summary = "What the youth work held in a region adds up to",
            description = "As for a municipality, with byMunicipality.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Overview region(@PathParam("code") @Parameter(schema = @Schema(ref = "RegionCode")) String code,
                           @QueryParam("from") @Parameter(ref = "from") String from,
                           @QueryParam("to") @Parameter(ref = "to") String to) {
        return overviews.overview(Level.REGION, code, overviews.period(from, to));
    }

    @GET
    @Path("/countries/{code}")
    @Operation(operationId = "getCountryOverview", summary = "What the youth work held in a country adds up to",
            description = "As for a municipality, with byMunicipality and byRegion.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Overview country(@PathParam("code") @Parameter(schema = @Schema(ref = "CountryCode")) String code,
                            @QueryParam("from") @Parameter(ref = "from") String from,
                            @QueryParam("to") @Parameter(ref = "to") String to) {
        return overviews.overview(Level.COUNTRY, code, overviews.period(from, to));
    }
}
