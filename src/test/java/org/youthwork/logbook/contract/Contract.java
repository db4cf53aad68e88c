package org.youthwork.logbook.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed contract, {@code openapi/openapi.yaml}, read as the operations a client can call: each with its path,
 * parameters and request bodies, schemas resolved. Only what the request generators need is modelled.
 */
final class Contract {

    static final Path FILE = Path.of("openapi/openapi.yaml");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies,
                     List<String> answers, boolean secured) {

        String key() {
            return method + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    private Contract(JsonNode root) {
        this.root = root;
        boolean securedByDefault = root.path("security").size() > 0;
        root.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    operations.add(operation(method.toUpperCase(), path.getKey(), path.getValue().path("parameters"), op,
                            securedByDefault));
                }
            }
        });
    }

    /**
     * Every scalar is read as text: YAML 1.1 guesses types from the look of a value (an unquoted 13:45:30.5 is a number
     * in base 60 to it), and the types that matter here are the schemas' own keywords. Numbers and flags are read from
     * the text where they are needed.
     */
    static Contract load() {
        LoaderOptions options = new LoaderOptions();
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
            }
        };
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(), options, textOnly);
        try (Reader in = Files.newBufferedReader(FILE)) {
            return new Contract(new ObjectMapper().valueToTree(yaml.load(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract " + FILE.toAbsolutePath(), e);
        }
    }

    List<Operation> operations() {
        return operations;
    }

    Operation operation(String key) {
        return operations.stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The contract has no operation " + key));
    }

    JsonNode schema(String name) {
        return resolve(pointer("#/components/schemas/" + name));
    }

    /**
     * A schema with every {@code $ref} followed and merged: the keywords written beside a {@code $ref} (as SmallRye
     * writes {@code description}, {@code pattern} or {@code examples} there) win over the referenced schema's.
     */
    JsonNode resolve(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return schema;
        }
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        ObjectNode merged = ((ObjectNode) resolve(pointer(ref.asText()))).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("$ref")) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return merged;
    }

    private Operation operation(String method, String path, JsonNode shared, JsonNode op, boolean securedByDefault) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        // The operation's own parameters override those its path declares for every operation.
        for (JsonNode list : List.of(shared, op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode param = resolve(p);
                Parameter parameter = new Parameter(param.path("name").asText(), param.path("in").asText(),
                        param.path("required").asBoolean(false), resolve(param.get("schema")));
                parameters.put(parameter.in() + ":" + parameter.name(), parameter);
            }
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        op.path("requestBody").path("content").fields()
                .forEachRemaining(c -> bodies.put(c.getKey(), resolve(c.getValue().get("schema"))));
        List<String> answers = new ArrayList<>();
        op.path("responses").forEach(r -> resolve(r).path("content").fieldNames().forEachRemaining(type -> {
            if (!answers.contains(type)) {
                answers.add(type);
            }
        }));
        JsonNode security = op.get("security");
        boolean secured = security == null ? securedByDefault : security.size() > 0;
        return new Operation(method, path, List.copyOf(parameters.values()), bodies, List.copyOf(answers), secured);
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("Only local references are supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("The contract has no " + ref);
        }
        return target;
    }
}
