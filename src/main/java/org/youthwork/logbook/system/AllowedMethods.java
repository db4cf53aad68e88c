package org.youthwork.logbook.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each address of the API answers, for the {@code Allow} header of a 405 (RFC 9110 requires it; the REST
 * layer sends none), read once from the resource classes' annotations.
 */
@ApplicationScoped
class AllowedMethods {

    /** literal: the characters of the template outside its parameters; the router prefers the most literal one. */
    private record Route(Pattern path, String method, int literal) {
    }

    private final BeanManager beans;
    private volatile List<Route> routes;

    AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The methods the path answers, as an Allow header value; empty when no route has this path. */
    String at(String path) {
        // /users/me is its own address, though /users/{id} matches it too: only the most literal templates count.
        Set<String> methods = new TreeSet<>();
        int mostLiteral = -1;
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                if (route.literal() > mostLiteral) {
                    methods.clear();
                    mostLiteral = route.literal();
                }
                if (route.literal() == mostLiteral) {
                    methods.add(route.method());
                }
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return String.join(", ", methods);
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path base = bean.getBeanClass().getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                    String http = httpMethod(method);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String template = base.value() + (sub == null ? "" : "/" + sub.value());
                        found.add(new Route(template(template), http, template.replaceAll("/+", "/").replaceAll("\\{[^}]*}", "").length()));
                    }
                }
            }
            routes = found;
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** "/api/v1/sessions/{id}" as a pattern of the path: each template parameter is one segment. */
    private static Pattern template(String template) {
        String normalised = ("/" + template).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        StringBuilder regex = new StringBuilder();
        String[] parts = normalised.split("\\{[^}]*}", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString() + "/?");
    }
}
