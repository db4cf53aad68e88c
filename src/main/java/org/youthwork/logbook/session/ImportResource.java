package org.youthwork.logbook.session;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.youthwork.logbook.system.Problem;

import java.io.IOException;
import java.io.InputStream;

@Path("/api/v1/sessions/import")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
class ImportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final SessionImport imports;

    ImportResource(SessionImport imports) {
        this.imports = imports;
    }

    @POST
    @Consumes({NDJSON, CSV})
    @Operation(operationId = "importSessions", summary = "Import many sessions",
            description = "One session per line: NDJSON (application/x-ndjson), or CSV (text/csv) with a header row naming the "
                    + "fields, methods and themes separated by |, and one column per age band and gender such as `15-19 FEMALE`. "
                    + "Same fields and rules as a single session; streamed, with or without Content-Length. Committed in batches "
                    + "of 2,000 lines: a refused line does not stop the others, and a session whose id is stored already with the "
                    + "same content is left as it is, so an interrupted import can simply be sent again. A line (a CSV record, "
                    + "with the line breaks of its quoted fields) may have at most `logbook.import.max-line-size` bytes (64 KB "
                    + "unless configured) and must be UTF-8; the body at most `logbook.import.max-body-size` bytes (4 GB).")
    @RequestBody(content = {@Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "The report: lines stored, unchanged and refused, with line numbers and problems",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionImport.Report.class)))
    @APIResponse(responseCode = "400", description = "A CSV header row that is missing, unreadable, or names an unknown column "
            + "or one twice (nothing is stored); or a quoted CSV field that is never closed: then `line` is where it opens, and "
            + "`report` says what was stored before it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(allOf = Problem.class, properties = {
                    @SchemaProperty(name = "line", type = SchemaType.INTEGER, format = "int64",
                            description = "The line where the body broke off"),
                    @SchemaProperty(name = "report", ref = "ImportReport",
                            description = "What the import stored before that line")})))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", description = "The body is larger than an import may be: refused before it is read when it "
            + "says its length, otherwise once that much is read, with `line` and `report` as for a 400",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(allOf = Problem.class, properties = {
                    @SchemaProperty(name = "line", type = SchemaType.INTEGER, format = "int64",
                            description = "The line being read when the limit was passed"),
                    @SchemaProperty(name = "report", ref = "ImportReport",
                            description = "What the import stored before that line")})))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public SessionImport.Report importSessions(InputStream body, HttpHeaders headers) throws IOException {
        boolean csv = headers.getMediaType() != null && headers.getMediaType().isCompatible(MediaType.valueOf(CSV));
        return csv ? imports.csv(body) : imports.ndjson(body);
    }
}
