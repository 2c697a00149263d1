package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * Code and template agree on configuration, both ways: each handler starts with exactly the variables
 * {@code template.yaml} declares for it (plus what Lambda sets), and fails naming the variable when any one is missing,
 * so every variable the code requires is declared and every declared one is read.
 */
class EnvironmentAgreementTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    static Stream<Named<FunctionResource>> functions() {
        return TEMPLATE.functions().stream().map(f -> Named.of(f.logicalId(), f));
    }

    static Stream<Arguments> eachVariableLeftOut() {
        return TEMPLATE.functions().stream()
                .flatMap(function -> PlaceholderEnvironment.of(TEMPLATE, function).keySet().stream()
                        .map(variable -> Arguments.of(
                                Named.of(function.logicalId() + " without " + variable, function), variable)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handlerStartsWithTheTemplateEnvironment(FunctionResource function) {
        Map<String, String> environment = PlaceholderEnvironment.of(TEMPLATE, function);

        assertThatCode(() -> start(function, environment)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachVariableLeftOut")
    void handlerRefusesToStartWithoutAVariableNamingIt(FunctionResource function, String variable) {
        Map<String, String> environment = new HashMap<>(PlaceholderEnvironment.of(TEMPLATE, function));
        environment.remove(variable);

        Throwable failure = catchThrowable(() -> start(function, environment));

        assertThat(failure)
                .as("starting %s without %s", function.logicalId(), variable)
                .isNotNull()
                .hasMessageContaining(variable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void startingAHandlerMakesNoNetworkCall(FunctionResource function) throws Throwable {
        try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> environment = new HashMap<>(PlaceholderEnvironment.of(TEMPLATE, function));
            environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + trap.getLocalPort());

            start(function, environment);

            // A connection made during start-up is already queued: accept would return it at once instead of timing
            // out.
            trap.setSoTimeout(1);
            assertThatThrownBy(trap::accept)
                    .as("a connection from %s's constructor", function.logicalId())
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    /** Builds the handler as the local runtime and the emulator suite do: through its environment constructor. */
    private static Object start(FunctionResource function, Map<String, String> environment) throws Throwable {
        try {
            return Class.forName(function.handlerClass())
                    .getConstructor(Map.class)
                    .newInstance(environment);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
