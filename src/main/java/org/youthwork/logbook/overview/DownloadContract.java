package org.youthwork.logbook.overview;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Set;

/**
 * Writes the downloads into the contract of the operations that offer them: their CSV and XLSX answers and the
 * format and locale parameters. The download methods are hidden from the scanner (two methods on one path would make
 * two operations of one); this is their part of the operation.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DownloadContract implements OASFilter {

    private static final Set<String> OPERATIONS = Set.of("getMunicipalityOverview", "getRegionOverview", "getCountryOverview",
            "getOrganisationOverview", "getAnnualAnalysis");

    @Override
    public Operation filterOperation(Operation operation) {
        if (!OPERATIONS.contains(operation.getOperationId())) {
            return operation;
        }
        boolean overview = !operation.getOperationId().equals("getAnnualAnalysis");
        operation.setDescription(operation.getDescription() + " As a spreadsheet: ask with Accept: text/csv or "
                + SpreadsheetXlsx.MEDIA_TYPE + ", or with format=csv or format=xlsx (for links); the headings are in the "
                + "language of locale, else of Accept-Language (sl, en or bg), codes shown by their labels. "
                + (overview ? "The XLSX has a sheet per breakdown and an About sheet; the CSV has the same tables one after "
                + "another, each under a line with its name." : "The XLSX has the table and an About sheet; the CSV is "
                + "the table alone."));
        parameter(operation, OASFactory.createParameter().name("format").in(Parameter.In.QUERY)
                .description("csv or xlsx: a download, whatever Accept says")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("csv", "xlsx"))));
        parameter(operation, OASFactory.createParameter().name("locale").in(Parameter.In.QUERY)
                .description("CSV and XLSX only (a JSON request with it is refused): the language of the headings and labels; "
                        + "sl and bg also write the CSV with "
                        + "; and a decimal comma, en with , and a decimal point. Default: from Accept-Language")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("sl", "en", "bg"))));
        parameter(operation, OASFactory.createParameter().name("Accept-Language").in(Parameter.In.HEADER).example("sl")
                .description("CSV and XLSX: the preferred language of the headings, when locale is not given")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok.getContent() == null) {
            ok.setContent(OASFactory.createContent());
        }
        Content content = ok.getContent();
        if (content.getMediaType("text/csv") == null) {
            content.addMediaType("text/csv", OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        }
        content.addMediaType(SpreadsheetXlsx.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("binary")));
        ok.setDescription(ok.getDescription().contains("CSV") ? ok.getDescription().replace("as JSON or as CSV", "as JSON, CSV or XLSX")
                : ok.getDescription() + ", as JSON, CSV or XLSX");
        return operation;
    }

    private static void parameter(Operation operation, Parameter parameter) {
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> parameter.getName().equalsIgnoreCase(p.getName()) && parameter.getIn() == p.getIn())) {
            operation.addParameter(parameter);
        }
    }
}
