package shop.local.api;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.local.deploy.Deployment;

/**
 * The HTTP API's routes, matched as API Gateway matches them: the most specific path wins (literal segments over
 * {@code {parameters}} over a greedy {@code {proxy+}}), a route's method or {@code ANY}, and {@code $default} last.
 */
final class Routes {

    private final List<Deployment.Route> routes;

    Routes(List<Deployment.Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** A matched route with the path parameters it bound. */
    record Match(Deployment.Route route, Map<String, String> pathParameters) {}

    Optional<Match> match(String method, String path) {
        return routes.stream()
                .filter(route -> route.method().equals(method)
                        || route.method().equals("ANY")
                        || route.path().equals("$default"))
                .map(route -> bind(route, path).map(parameters -> new Match(route, parameters)))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt((Match m) -> specificity(m.route())));
    }

    private static Optional<Map<String, String>> bind(Deployment.Route route, String path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (route.path().equals("$default")) {
            return Optional.of(parameters);
        }
        String[] template = segments(route.path());
        String[] actual = segments(path);
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= actual.length) {
                    return Optional.empty();
                }
                parameters.put(
                        part.substring(1, part.length() - 2),
                        String.join("/", Arrays.copyOfRange(actual, i, actual.length)));
                return Optional.of(parameters);
            }
            if (i >= actual.length) {
                return Optional.empty();
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), actual[i]);
            } else if (!part.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return template.length == actual.length ? Optional.of(parameters) : Optional.empty();
    }

    private static int specificity(Deployment.Route route) {
        if (route.path().equals("$default")) {
            return Integer.MIN_VALUE;
        }
        int score = 0;
        for (String part : segments(route.path())) {
            score += part.endsWith("+}") ? 1 : part.startsWith("{") ? 10 : 100;
        }
        return score * 2 + (route.method().equals("ANY") ? 0 : 1);
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
