package org.youthwork.logbook.system;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes into the contract what holds for every operation, so that no operation can forget it: the answers any of
 * them can give (invalid input, an unknown query parameter among them; no token; a body that is too large, of the
 * wrong type or without a length; a media type it cannot answer in; a database outage; a failure of ours), and that
 * a JSON request body with a property the schema does not name is refused.
 */
public class OpenApiContract implements OASFilter {

    private static final String JSON = jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Set<String> requestSchemas = new HashSet<>();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            APIResponses answers = operation.getResponses();
            answer(answers, "400", "BadRequest");
            if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
                answer(answers, "401", "Unauthorized");
            }
            answer(answers, "406", "NotAcceptable");
            if (operation.getRequestBody() != null) {
                if (!path.endsWith("/import")) {
                    answer(answers, "411", "LengthRequired");
                }
                answer(answers, "413", "TooLarge");
                answer(answers, "415", "UnsupportedMediaType");
                requestSchemas.addAll(jsonBodySchemas(operation));
            }
            answer(answers, "500", "InternalError");
            answer(answers, "503", "ServiceUnavailable");
        }));
        closeObjects(api.getComponents().getSchemas(), requestSchemas);
        api.getComponents().getSchemas().values().forEach(OpenApiContract::typeOnlyFromReferences);
    }

    /**
     * A property that refers to a schema takes its type from there: the scanner writes "type: string" beside the
     * reference of a documented UUID or date, which client generators warn about and some misread.
     */
    private static void typeOnlyFromReferences(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            if (property.getRef() != null && property.getType() != null) {
                property.setType(null);
            }
        }
    }

    private static void answer(APIResponses answers, String status, String component) {
        if (!answers.hasAPIResponse(status)) {
            answers.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }

    private static Set<String> jsonBodySchemas(Operation operation) {
        Set<String> names = new HashSet<>();
        if (operation.getRequestBody().getContent() == null) {
            return names;
        }
        MediaType json = operation.getRequestBody().getContent().getMediaType(JSON);
        if (json != null && json.getSchema() != null) {
            collect(json.getSchema(), names);
        }
        return names;
    }

    /** additionalProperties: false on the body's schema and every object schema it holds. */
    private static void closeObjects(Map<String, Schema> components, Set<String> roots) {
        Deque<String> todo = new ArrayDeque<>(roots);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Schema schema = components.get(name);
            if (!seen.add(name) || schema == null) {
                continue;
            }
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
                Set<String> nested = new HashSet<>();
                schema.getProperties().values().forEach(property -> collect(property, nested));
                todo.addAll(nested);
            }
        }
    }

    /** The component schemas a schema refers to, through arrays and combinations. */
    private static void collect(Schema schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            names.add(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        }
        collect(schema.getItems(), names);
        for (var group : new java.util.List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (group != null) {
                for (Object part : group) {
                    collect((Schema) part, names);
                }
            }
        }
    }
}
