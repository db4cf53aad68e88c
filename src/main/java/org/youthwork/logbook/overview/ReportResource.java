package org.youthwork.logbook.overview;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

@Path("/api/v1/reports/annual-analysis")
@Authenticated
@Tag(name = "Overviews")
class ReportResource {

    private final AnnualAnalysisService analyses;
    private final Downloads downloads;
    private final OverviewTags tags;

    ReportResource(AnnualAnalysisService analyses, Downloads downloads, OverviewTags tags) {
        this.analyses = analyses;
        this.downloads = downloads;
        this.tags = tags;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAnnualAnalysis", summary = "The network's annual youth-centre analysis",
            description = "One row per member organisation of the country, those without sessions included with zeros; "
                    + "an organisation's sessions count wherever they were held. Ask with Accept: text/csv for a spreadsheet.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The analysis, as JSON or as CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualAnalysis.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))},
            headers = {@Header(name = "ETag", ref = "OverviewTag"), @Header(name = "Cache-Control", ref = "CacheControl")})
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @Parameter(ref = "IfNoneMatch")
    public Response json(@QueryParam("country") @Parameter(required = true, schema = @Schema(ref = "CountryCode")) String country,
                               @QueryParam("year") @Parameter(description = "Default: this year",
                                       schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "9999", examples = "2026")) String year,
                               @QueryParam("locale") @Parameter(hidden = true) String locale) {
        Downloads.checkLocale(locale);
        return tags.conditional(analyses.version(country, year), () -> analyses.analysis(country, year));
    }

    /** The same analysis, checked the same way, as CSV or XLSX (DownloadContract documents it). */
    @GET
    @Produces({Downloads.CSV_PRODUCED, Downloads.XLSX_PRODUCED})
    @Operation(hidden = true)
    public Response download(@QueryParam("country") String country, @QueryParam("year") String year,
                             @QueryParam("format") String format, @QueryParam("locale") String locale,
                             @Context HttpHeaders headers) {
        Downloads.Request download = downloads.request(format, locale, headers);
        return tags.conditional(analyses.version(country, year),
                () -> downloads.annualAnalysis(download, analyses.analysis(country, year)));
    }
}
