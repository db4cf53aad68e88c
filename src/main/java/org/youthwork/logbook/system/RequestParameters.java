package org.youthwork.logbook.system;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Path and query parameters are checked before any resource method runs: a query parameter the operation does not
 * know is refused (a misspelt filter would otherwise silently widen a list), so is one given twice or empty, and text
 * PostgreSQL cannot store ({@link StorableText}); so is an empty If-Match.
 */
class RequestParameters {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    Response check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        List<Problem.Violation> violations = new ArrayList<>();
        request.getUriInfo().getPathParameters().forEach((name, values) -> values.forEach(value -> text(violations, name, value)));
        // The REST layer hands an empty If-Match to a resource as none at all: a change would go through unchecked.
        List<String> ifMatch = request.getHeaders().get(HttpHeaders.IF_MATCH);
        if (ifMatch != null && ifMatch.stream().allMatch(String::isBlank)) {
            violations.add(new Problem.Violation(HttpHeaders.IF_MATCH, "must name the ETag of the version this changes, or be left out"));
        }
        Set<String> names = known.computeIfAbsent(method, RequestParameters::queryParameters);
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (!names.contains(name)) {
                violations.add(new Problem.Violation(name, names.isEmpty() ? "unknown query parameter; this operation takes none"
                        : "unknown query parameter; known are: " + String.join(", ", names)));
            } else if (values.size() > 1) {
                violations.add(new Problem.Violation(name, "must be given once"));
            } else if (values.get(0).isEmpty()) {
                violations.add(new Problem.Violation(name, "must not be empty; leave the parameter out instead"));
            } else {
                values.forEach(value -> text(violations, name, value));
            }
        });
        return violations.isEmpty() ? null : ProblemMapper.respond(ProblemType.INVALID_INPUT.problem(
                InvalidInput.detail(violations.size()), violations));
    }

    private static void text(List<Problem.Violation> violations, String name, String value) {
        String problem = StorableText.problem(value);
        if (problem != null) {
            violations.add(new Problem.Violation(name, problem));
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }
}
