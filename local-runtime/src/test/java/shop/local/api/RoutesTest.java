package shop.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.local.deploy.Deployment;

/** Routes match as API Gateway matches them: most specific path first, then ANY, then $default. */
class RoutesTest {

    private static final Routes ROUTES = new Routes(List.of(
            route("POST", "/orders"),
            route("GET", "/orders/{orderId}"),
            route("GET", "/orders/latest"),
            route("ANY", "/files/{path+}"),
            route("ANY", "$default")));

    static Stream<Arguments> requests() {
        return Stream.of(
                arguments("an exact route", "POST", "/orders", "POST /orders"),
                arguments("a literal segment beats a parameter", "GET", "/orders/latest", "GET /orders/latest"),
                arguments("a parameter binds a segment", "GET", "/orders/o-1", "GET /orders/{orderId}"),
                arguments("a greedy parameter binds the rest", "DELETE", "/files/a/b/c", "ANY /files/{path+}"),
                arguments("another method falls to $default", "PUT", "/orders", "ANY $default"),
                arguments("an unknown path falls to $default", "GET", "/nothing/here", "ANY $default"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void mostSpecificRouteWins(String name, String method, String path, String routeKey) {
        assertThat(ROUTES.match(method, path))
                .map(match -> match.route().routeKey())
                .contains(routeKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void withoutDefaultRouteAnUnmatchedRequestHasNoRoute(String name, String method, String path, String routeKey) {
        Routes withoutDefault = new Routes(List.of(route("POST", "/orders")));

        assertThat(withoutDefault.match(method, path).isPresent())
                .isEqualTo(method.equals("POST") && path.equals("/orders"));
    }

    private static Deployment.Route route(String method, String path) {
        return new Deployment.Route("Api", method, path, "Function", Optional.empty());
    }
}
