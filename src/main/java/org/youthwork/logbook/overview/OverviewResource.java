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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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

import java.util.UUID;
import java.util.function.Supplier;

@Path("/api/v1/overviews")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Overviews")
class OverviewResource {

    private final OverviewService overviews;
    private final Publication publication;
    private final Downloads downloads;
    private final OverviewTags tags;

    OverviewResource(OverviewService overviews, Publication publication, Downloads downloads, OverviewTags tags) {
        this.overviews = overviews;
        this.publication = publication;
        this.downloads = downloads;
        this.tags = tags;
    }

    @GET
    @Path("/municipalities/{code}")
    @Operation(operationId = "getMunicipalityOverview", summary = "What the youth work held in a municipality adds up to",
            description = "Totals and breakdowns of the sessions held in the municipality in the period, and indicator 2.2.3 "
                    + "for the member organisations based there.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Overview.class)), headers = {@Header(name = "ETag", ref = "OverviewTag"),
            @Header(name = "Cache-Control", ref = "CacheControl")})
    @APIResponse(responseCode = "304", ref = "NotModified")
    @Parameter(ref = "IfNoneMatch")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response municipality(@PathParam("code") @Parameter(schema = @Schema(ref = "MunicipalityCode")) String code,
                               @QueryParam("from") @Parameter(ref = "from") String from,
                               @QueryParam("to") @Parameter(ref = "to") String to,
                               @QueryParam("publication") @Parameter(ref = "publication") String published,
                               @QueryParam("locale") @Parameter(hidden = true) String locale) {
        Downloads.checkLocale(locale);
        Period period = overviews.period(from, to);
        return conditional(Level.MUNICIPALITY, code, () -> shown(publication(published), overviews.overview(Level.MUNICIPALITY, code, period)));
    }

    @GET
    @Path("/regions/{code}")
    @Operation(operationId = "getRegionOverview", summary = "What the youth work held in a region adds up to",
            description = "As for a municipality, with byMunicipality; byOrganisation lists the first 50 organisations, "
                    + "the rest is paged at /overviews/regions/{code}/organisations.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Overview.class)), headers = {@Header(name = "ETag", ref = "OverviewTag"),
            @Header(name = "Cache-Control", ref = "CacheControl")})
    @APIResponse(responseCode = "304", ref = "NotModified")
    @Parameter(ref = "IfNoneMatch")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response region(@PathParam("code") @Parameter(schema = @Schema(ref = "RegionCode")) String code,
                         @QueryParam("from") @Parameter(ref = "from") String from,
                         @QueryParam("to") @Parameter(ref = "to") String to,
                         @QueryParam("publication") @Parameter(ref = "publication") String published,
                         @QueryParam("locale") @Parameter(hidden = true) String locale) {
        Downloads.checkLocale(locale);
        Period period = overviews.period(from, to);
        return conditional(Level.REGION, code, () -> shown(publication(published), overviews.overview(Level.REGION, code, period)));
    }

    @GET
    @Path("/countries/{code}")
    @Operation(operationId = "getCountryOverview", summary = "What the youth work held in a country adds up to",
            description = "As for a municipality, with byMunicipality and byRegion; byOrganisation lists the first 50 "
                    + "organisations, the rest is paged at /overviews/countries/{code}/organisations.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Overview.class)), headers = {@Header(name = "ETag", ref = "OverviewTag"),
            @Header(name = "Cache-Control", ref = "CacheControl")})
    @APIResponse(responseCode = "304", ref = "NotModified")
    @Parameter(ref = "IfNoneMatch")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response country(@PathParam("code") @Parameter(schema = @Schema(ref = "CountryCode")) String code,
                          @QueryParam("from") @Parameter(ref = "from") String from,
                          @QueryParam("to") @Parameter(ref = "to") String to,
                          @QueryParam("publication") @Parameter(ref = "publication") String published,
                          @QueryParam("locale") @Parameter(hidden = true) String locale) {
        Downloads.checkLocale(locale);
        Period period = overviews.period(from, to);
        return conditional(Level.COUNTRY, code, () -> shown(publication(published), overviews.overview(Level.COUNTRY, code, period)));
    }

    @GET
    @Path("/regions/{code}/organisations")
    @Operation(operationId = "listRegionOverviewOrganisations", summary = "Every organisation with sessions held in a region",
            description = "The rows of byOrganisation of the region's overview, all of them, one page at a time, in the "
                    + "same order: most sessions first, then name and id.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "One page of organisations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PageOrganisationRow")),
            headers = {@Header(name = "ETag", ref = "OverviewTag"), @Header(name = "Cache-Control", ref = "CacheControl")})
    @APIResponse(responseCode = "304", ref = "NotModified")
    @Parameter(ref = "IfNoneMatch")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response regionOrganisations(@PathParam("code") @Parameter(schema = @Schema(ref = "RegionCode")) String code,
                                      @QueryParam("from") @Parameter(ref = "from") String from,
                                      @QueryParam("to") @Parameter(ref = "to") String to,
                                      @QueryParam("page") @Parameter(ref = "page") String page,
                                      @QueryParam("size") @Parameter(ref = "size") String size,
                                      @QueryParam("publication") @Parameter(ref = "publication") String published) {
        Period period = overviews.period(from, to);
        QueryParams.Paging paging = QueryParams.paging(page, size);
        return conditional(Level.REGION, code, () -> organisations(Level.REGION, code, period, paging, publication(published)));
    }

    @GET
    @Path("/countries/{code}/organisations")
    @Operation(operationId = "listCountryOverviewOrganisations", summary = "Every organisation with sessions held in a country",
            description = "As for a region.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "200", description = "One page of organisations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PageOrganisationRow")),
            headers = {@Header(name = "ETag", ref = "OverviewTag"), @Header(name = "Cache-Control", ref = "CacheControl")})
    @APIResponse(responseCode = "304", ref = "NotModified")
    @Parameter(ref = "IfNoneMatch")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response countryOrganisations(@PathParam("code") @Parameter(schema = @Schema(ref = "CountryCode")) String code,
                                       @QueryParam("from") @Parameter(ref = "from") String from,
                                       @QueryParam("to") @Parameter(ref = "to") String to,
                                       @QueryParam("page") @Parameter(ref = "page") String page,
                                       @QueryParam("size") @Parameter(ref = "size") String size,
                                       @QueryParam("publication") @Parameter(ref = "publication") String published) {
        Period period = overviews.period(from, to);
        QueryParams.Paging paging = QueryParams.paging(page, size);
        return conditional(Level.COUNTRY, code, () -> organisations(Level.COUNTRY, code, period, paging, publication(published)));
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
            schema = @Schema(implementation = Overview.class)), headers = {@Header(name = "ETag", ref = "OverviewTag"),
            @Header(name = "Cache-Control", ref = "CacheControl")})
    @APIResponse(responseCode = "304", ref = "NotModified")
    @Parameter(ref = "IfNoneMatch")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response organisation(@PathParam("id") @Parameter(description = "Organisation id",
                                       schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
                               @QueryParam("from") @Parameter(ref = "from") String from,
                               @QueryParam("to") @Parameter(ref = "to") String to,
                               @QueryParam("publication") @Parameter(ref = "publication") String published,
                               @QueryParam("locale") @Parameter(hidden = true) String locale) {
        Downloads.checkLocale(locale);
        Period period = overviews.period(from, to);
        UUID organisation = QueryParams.pathId(id);
        return conditional(Level.ORGANISATION, id, () -> shown(publication(published), overviews.organisation(organisation, period)));
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
    private Response download(String format, String locale, String published, HttpHeaders headers, Level level, String code,
                              Supplier<Overview> overview) {
        Downloads.Request download = downloads.request(format, locale, headers);
        boolean publish = publication(published);
        return conditional(level, code, () -> {
            Overview read = overview.get();
            return publish ? downloads.overview(download, publication.publish(read)) : downloads.overview(download, read);
        });
    }

    /** The answer, or 304 while it still holds (OverviewTags), once the caller is checked as for the answer. */
    private Response conditional(Level level, String code, Supplier<Object> answer) {
        return tags.conditional(overviews.version(level, code), answer);
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
        Period period = overviews.period(from, to);
        return download(format, locale, published, headers, Level.MUNICIPALITY, code,
                () -> overviews.overview(Level.MUNICIPALITY, code, period));
    }

    @GET
    @Path("/regions/{code}")
    @Produces({Downloads.CSV_PRODUCED, Downloads.XLSX_PRODUCED})
    @Operation(hidden = true)
    public Response regionDownload(@PathParam("code") String code, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("format") String format,
                                   @QueryParam("locale") String locale, @QueryParam("publication") String published,
                                   @Context HttpHeaders headers) {
        Period period = overviews.period(from, to);
        return download(format, locale, published, headers, Level.REGION, code,
                () -> overviews.overview(Level.REGION, code, period));
    }

    @GET
    @Path("/countries/{code}")
    @Produces({Downloads.CSV_PRODUCED, Downloads.XLSX_PRODUCED})
    @Operation(hidden = true)
    public Response countryDownload(@PathParam("code") String code, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("format") String format,
                                    @QueryParam("locale") String locale, @QueryParam("publication") String published,
                                    @Context HttpHeaders headers) {
        Period period = overviews.period(from, to);
        return download(format, locale, published, headers, Level.COUNTRY, code,
                () -> overviews.overview(Level.COUNTRY, code, period));
    }

    @GET
    @Path("/organisations/{id}")
    @Produces({Downloads.CSV_PRODUCED, Downloads.XLSX_PRODUCED})
    @Operation(hidden = true)
    public Response organisationDownload(@PathParam("id") String id, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("format") String format,
                                         @QueryParam("locale") String locale, @QueryParam("publication") String published,
                                         @Context HttpHeaders headers) {
        Period period = overviews.period(from, to);
        UUID organisation = QueryParams.pathId(id);
        return download(format, locale, published, headers, Level.ORGANISATION, id,
                () -> overviews.organisation(organisation, period));
    }
}
