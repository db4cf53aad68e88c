package org.youthwork.logbook.area;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.youthwork.logbook.area.AreaResponses.CountryResponse;
import org.youthwork.logbook.area.AreaResponses.MunicipalityResponse;
import org.youthwork.logbook.area.AreaResponses.RegionResponse;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.QueryParams;

@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
class AreaResource {

    private final AreaService areas;

    AreaResource(AreaService areas) {
        this.areas = areas;
    }

    @GET
    @Path("/countries")
    @Operation(operationId = "listCountries", summary = "List the countries",
            description = "Countries are ISO 3166-1 alpha-2 codes.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "200", description = "One page of countries")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<CountryResponse> countries(@QueryParam("page") @Parameter(ref = "page") String page,
                                           @QueryParam("size") @Parameter(ref = "size") String size) {
        return areas.countries(QueryParams.paging(page, size)).map(CountryResponse::from);
    }

    @GET
    @Path("/regions")
    @Operation(operationId = "listRegions", summary = "List the regions",
            description = "Slovenia's NUTS 3 statistical regions and Bulgaria's districts, optionally of one country.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "200", description = "One page of regions")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<RegionResponse> regions(@QueryParam("country") @Parameter(description = "Regions of this country", schema = @Schema(ref = "CountryCode")) String country,
                                        @QueryParam("page") @Parameter(ref = "page") String page,
                                        @QueryParam("size") @Parameter(ref = "size") String size) {
        return areas.regions(country, QueryParams.paging(page, size)).map(RegionResponse::from);
    }

    @GET
    @Path("/municipalities")
    @Operation(operationId = "listMunicipalities", summary = "List the municipalities",
            description = "Optionally of one country and of one region.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "200", description = "One page of municipalities")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<MunicipalityResponse> municipalities(
            @QueryParam("country") @Parameter(description = "Municipalities of this country", schema = @Schema(ref = "CountryCode")) String country,
            @QueryParam("region") @Parameter(description = "Municipalities of this region", schema = @Schema(ref = "RegionCode")) String region,
            @QueryParam("page") @Parameter(ref = "page") String page,
            @QueryParam("size") @Parameter(ref = "size") String size) {
        return areas.municipalities(country, region, QueryParams.paging(page, size)).map(MunicipalityResponse::from);
    }
}
