package org.youthwork.logbook.overview;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/months-recorded")
@Authenticated
@Tag(name = "Overviews")
class MonthsRecordedResource {

    private final MonthsRecordedService months;
    private final OverviewTags tags;

    MonthsRecordedResource(MonthsRecordedService months, OverviewTags tags) {
        this.months = months;
        this.tags = tags;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMonthsRecorded", summary = "The months each member organisation recorded in",
            description = "For indicator 2.2.3's completeness grid: every member organisation based in the country with "
                    + "the months of the year it recorded at least one session in, wherever held, as the indicator counts "
                    + "them. For the country's network coordinator and administrators.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The member organisations and their months",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthsRecorded.class)),
            headers = {@Header(name = "ETag", ref = "OverviewTag"), @Header(name = "Cache-Control", ref = "CacheControl")})
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @Parameter(ref = "IfNoneMatch")
    public Response get(@QueryParam("country") @Parameter(required = true, schema = @Schema(ref = "CountryCode")) String country,
                              @QueryParam("year") @Parameter(description = "Default: this year",
                                      schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "9999", examples = "2026")) String year) {
        return tags.conditional(months.version(country, year), () -> months.monthsRecorded(country, year));
    }
}
