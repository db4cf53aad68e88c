package org.youthwork.logbook.codelist;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.youthwork.logbook.session.AgeBand;
import org.youthwork.logbook.session.Coded;
import org.youthwork.logbook.session.Gender;
import org.youthwork.logbook.session.Labels;
import org.youthwork.logbook.session.Method;
import org.youthwork.logbook.session.Setting;
import org.youthwork.logbook.session.Theme;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/code-lists")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
class CodeListResource {

    @Schema(name = "Code")
    public record Code(@Schema(examples = "STREET") String code, @Schema(examples = "Street youth work") String label) {
    }

    @Schema(name = "CodeLists")
    public record CodeLists(List<Code> methods, List<Code> themes, List<Code> settings, List<Code> ageBands,
                            List<Code> genders) {
    }

    @GET
    @Operation(operationId = "getCodeLists", summary = "The code lists",
            description = "Methods, themes (the nine fields of the youth sector, ZJIMS art. 4), settings, age bands and "
                    + "genders, labelled in the language of Accept-Language: sl, en or bg; English when none of them.")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, example = "sl",
            description = "Preferred language of the labels", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "200", description = "The code lists; Content-Language says the labels' language",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeLists.class)))
    public Response codeLists(HttpHeaders headers) {
        String language = Labels.language(headers.getAcceptableLanguages());
        CodeLists lists = new CodeLists(codes(Method.values(), language), codes(Theme.values(), language),
                codes(Setting.values(), language), codes(AgeBand.values(), language), codes(Gender.values(), language));
        return Response.ok(lists).header(HttpHeaders.CONTENT_LANGUAGE, language).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    private static List<Code> codes(Coded[] values, String language) {
        return Arrays.stream(values).map(c -> new Code(c.code(), c.labels().in(language))).toList();
    }
}
