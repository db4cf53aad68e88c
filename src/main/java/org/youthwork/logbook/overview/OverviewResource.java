package org.youthwork.logbook.overview;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.youthwork.logbook.overview.Overview.Level;
import org.youthwork.logbook.overview.Overview.OrganisationRow;
import org.youthwork.logbook.system.Page;
import org.youthwork.logbook.system.QueryParams;

import java.util.function.Supplier;

@Path("/api/v1/overviews")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Overviews")
class OverviewResource {

    private final OverviewService overviews;
    private final Publication publication;
    private final Downloads downloads;

    OverviewResource(OverviewService overviews, Publication publication, Downloads downloads) {
        this.overviews = overviews;
        this.publication = publication;
        this.downloads = downloads;
    }

    @GET
    @Path("/municipalities/{code}")
    @Operation(operationId = "getMunicipalityOverview", summary = "What the youth work held in a municipality adds up to",
            description = "Totals and breakdowns of the sessions held in the municipality in the period, and indicator 2.2.3 "
                    + "for the member organisations based there.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Overview.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Object municipality(@PathParam("code") @Parameter(schema = @Schema(ref = "MunicipalityCode")) String code,
                               @QueryParam("from") @Parameter(ref = "from") String from,
                               @QueryParam("to") @Parameter(ref = "to") String to,
                               @QueryParam("publication") @Parameter(ref = "publication") String published,
                               @QueryParam("locale") @Parameter(hidden = true) String locale) {
        Downloads.checkLocale(locale);
        return shown(publication(published), overviews.overview(Level.MUNICIPALITY, code, overviews.period(from, to)));
    }

    @GET
    @Path("/regions/{code}")
    @Operation(operationId = "getRegionOverview", summary = "What the youth work held in a region adds up to",
            description = "As for a municipality, with byMunicipality; byOrganisation lists the first 50 organisations, "
                    + "the rest is paged at /overviews/regions/{code}/organisations.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Overview.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Object region(@PathParam("code") @Parameter(schema = @Schema(ref = "RegionCode")) String code,
                         @QueryParam("from") @Parameter(ref = "from") String from,
                         @QueryParam("to") @Parameter(ref = "to") String to,
                         @QueryParam("publication") @Parameter(ref = "publication") String published,
                         @QueryParam("locale") @Parameter(hidden = true) String locale) {
        Downloads.checkLocale(locale);
        return shown(publication(published), overviews.overview(Level.REGION, code, overviews.period(from, to)));
    }

    @GET
    @Path("/countries/{code}")
    @Operation(operationId = "getCountryOverview", summary = "What the youth work held in a country adds up to",
            description = "As for a municipality, with byMunicipality and byRegion; byOrganisation lists the first 50 "
                    + "organisations, the rest is paged at /overviews/countries/{code}/organisations.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Overview.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Object country(@PathParam("code") @Parameter(schema = @Schema(ref = "CountryCode")) String code,
                          @QueryParam("from") @Parameter(ref = "from") String from,
                          @QueryParam("to") @Parameter(ref = "to") String to,
                          @QueryParam("publication") @Parameter(ref = "publication") String published,
                          @QueryParam("locale") @Parameter(hidden = true) String locale) {
        Downloads.checkLocale(locale);
        return shown(publication(published), overviews.overview(Level.COUNTRY, code, overviews.period(from, to)));
    }

    @GET
    @Path("/regions/{code}/organisations")
    @Operation(operationId = "listRegionOverviewOrganisations", summary = "Every organisation with sessions held in a region",
            description = "The rows of byOrganisation of the region's overview, all of them, one page at a time, in the "
                    + "same order: most sessions first, then name and id.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "One page of organisations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PageOrganisationRow")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Object regionOrganisations(@PathParam("code") @Parameter(schema = @Schema(ref = "RegionCode")) String code,
                                      @QueryParam("from") @Parameter(ref = "from") String from,
                                      @QueryParam("to") @Parameter(ref = "to") String to,
                                      @QueryParam("page") @Parameter(ref = "page") String page,
                                      @QueryParam("size") @Parameter(ref = "size") String size,
                                      @QueryParam("publication") @Parameter(ref = "publication") String published) {
        return organisations(Level.REGION, code, overviews.period(from, to), QueryParams.paging(page, size), publication(published));
    }

    @GET
    @Path("/countries/{code}/organisations")
    @Operation(operationId = "listCountryOverviewOrganisations", summary = "Every organisation with sessions held in a country",
            description = "As for a region.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "One page of organisations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PageOrganisationRow")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Object countryOrganisations(@PathParam("code") @Parameter(schema = @Schema(ref = "CountryCode")) String code,
                                       @QueryParam("from") @Parameter(ref = "from") String from,
                                       @QueryParam("to") @Parameter(ref = "to") String to,
                                       @QueryParam("page") @Parameter(ref = "page") String page,
                                       @QueryParam("size") @Parameter(ref = "size") String size,
                                       @QueryParam("publication") @Parameter(ref = "publication") String published) {
        return organisations(Level.COUNTRY, code, overviews.period(from, to), QueryParams.paging(page, size), publication(published));
    }

    @GET
    @Path("/organisations/{id}")
    @Operation(operationId = "getOrganisationOverview", summary = "What an organisation's youth work adds up to",
            description = "Its sessions wherever held, with the breakdowns of an area overview, byMunicipality for the "
                    + "municipalities it worked in, and indicator 2.2.3 for it alone: its months recorded. For its youth "
                    + "workers and lead, the coordinator of its country and administrators.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Overview.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Object organisation(@PathParam("id") @Parameter(description = "Organisation id",
                                       schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                               @QueryParam("from") @Parameter(ref = "from") String from,
                               @QueryParam("to") @Parameter(ref = "to") String to,
                               @QueryParam("publication") @Parameter(ref = "publication") String published,
                               @QueryParam("locale") @Parameter(hidden = true) String locale) {
        Downloads.checkLocale(locale);
        return shown(publication(published), overviews.organisation(QueryParams.pathId(id), overviews.period(from, to)));
    }

    private static boolean publication(String published) {
        return Boolean.TRUE.equals(QueryParams.bool("publication", published));
    }

    /** The overview, or with publication=true its published view. */
    private Object shown(boolean publish, Overview overview) {
        return publish ? publication.publish(overview) : overview;
    }

    /** The published page is decided over the whole overview, so that it withholds what the overview withholds. */
    private Object organisations(Level level, String code, Period period, QueryParams.Paging paging, boolean publish) {
        Page<OrganisationRow> page = overviews.organisations(level, code, period, paging);
        return publish ? publication.publish(overviews.overview(level, code, period), page) : page;
    }

    /**
     * A download of the overview, or with publication=true of its published view. The format and locale are checked
     * before the overview is read, so that a bad request is refused without reading the area.
     */
    private Response download(String format, String locale, String published, HttpHeaders headers,
                              Supplier<Overview> overview) {
        Downloads.Request download = downloads.request(format, locale, headers);
        boolean publish = publication(published);
        Overview read = overview.get();
        return publish ? downloads.overview(download, publication.publish(read)) : downloads.overview(download, read);
    }

    // ---- downloads: the same overviews, checked the same way, as CSV or XLSX (DownloadContract documents them)

    @GET
    @Path("/municipalities/{code}")
    @Produces({Downloads.CSV_PRODUCED, Downloads.XLSX_PRODUCED})
    @Operation(hidden = true)
    public Response municipalityDownload(@PathParam("code") String code, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("format") String format,
                                         @QueryParam("locale") String locale, @QueryParam("publication") String published,
                                         @Context HttpHeaders headers) {
        return download(format, locale, published, headers,
                () -> overviews.overview(Level.MUNICIPALITY, code, overviews.period(from, to)));
    }

    @GET
    @Path("/regions/{code}")
    @Produces({Downloads.CSV_PRODUCED, Downloads.XLSX_PRODUCED})
    @Operation(hidden = true)
    public Response regionDownload(@PathParam("code") String code, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("format") String format,
                                   @QueryParam("locale") String locale, @QueryParam("publication") String published,
                                   @Context HttpHeaders headers) {
        return download(format, locale, published, headers,
                () -> overviews.overview(Level.REGION, code, overviews.period(from, to)));
    }

    @GET
    @Path("/countries/{code}")
    @Produces({Downloads.CSV_PRODUCED, Downloads.XLSX_PRODUCED})
    @Operation(hidden = true)
    public Response countryDownload(@PathParam("code") String code, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("format") String format,
                                    @QueryParam("locale") String locale, @QueryParam("publication") String published,
                                    @Context HttpHeaders headers) {
        return download(format, locale, published, headers,
                () -> overviews.overview(Level.COUNTRY, code, overviews.period(from, to)));
    }

    @GET
    @Path("/organisations/{id}")
    @Produces({Downloads.CSV_PRODUCED, Downloads.XLSX_PRODUCED})
    @Operation(hidden = true)
    public Response organisationDownload(@PathParam("id") String id, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("format") String format,
                                         @QueryParam("locale") String locale, @QueryParam("publication") String published,
                                         @Context HttpHeaders headers) {
        return download(format, locale, published, headers,
                () -> overviews.organisation(QueryParams.pathId(id), overviews.period(from, to)));
    }
}
