package shop.reliability.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.subscriber.Subscriber;
import shop.template.FunctionResource;
import shop.template.SamTemplate;
import shop.wiring.priming.CannedHttpClient;

/**
 * Every subscriber of the bus, found in template.yaml (a function with an EventBridge rule), starts the way Lambda
 * starts it: from the environment the template declares, without calling AWS; fails at start naming any variable that
 * is missing; and primes for SnapStart through a canned client only. A new subscriber is covered by its template entry
 * alone.
 */
class EverySubscriberStartsTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    static Stream<FunctionResource> subscribers() {
        return TEMPLATE.functions().stream()
                .filter(function -> !function.rules().isEmpty());
    }

    @Test
    void theTemplateHasSubscribers() {
        assertThat(subscribers())
                .extracting(FunctionResource::logicalId)
                .contains("EmailFunction", "WarehouseFunction", "RewardsFunction");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscribers")
    void startsFromItsTemplateEnvironmentWithoutCallingAws(FunctionResource function) throws Exception {
        // A listening port that never accepts: the kernel still completes and queues any connection made to it, so
        // after the constructor has returned, an empty queue means no client called out while starting.
        try (ServerSocketChannel aws = ServerSocketChannel.open()) {
            aws.bind(new InetSocketAddress("127.0.0.1", 0));
            aws.configureBlocking(false);
            Map<String, String> environment = new HashMap<>(environment(function));
            environment.put(
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:" + aws.socket().getLocalPort());
            var constructor = handlerClass(function).getConstructor(Map.class);

            assertThatCode(() -> construct(constructor, environment)).doesNotThrowAnyException();
            assertThat(subscriberOf(function).function()).isEqualTo(function.logicalId());
            try (SocketChannel call = aws.accept()) {
                assertThat(call).as("a connection to AWS made while starting").isNull();
            }
        }
    }

    static Stream<Arguments> declaredVariables() {
        return subscribers()
                .flatMap(function -> Stream.concat(Stream.of("AWS_REGION"), function.environment().keySet().stream())
                        .map(variable -> Arguments.of(function, variable)));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("declaredVariables")
    void failsAtStartNamingTheMissingVariable(FunctionResource function, String variable) throws Exception {
        Map<String, String> environment = new HashMap<>(environment(function));
        environment.remove(variable);
        var constructor = handlerClass(function).getConstructor(Map.class);

        assertThatThrownBy(() -> construct(constructor, environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(variable)
                .hasMessageContaining(function.logicalId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscribers")
    void primesThroughTheCannedClientOnly(FunctionResource function) throws Exception {
        CannedHttpClient aws = CannedHttpClient.answering("{\"MessageId\":\"priming\"}");

        subscriberOf(function).prime(environment(function), aws);

        assertThat(aws.requests()).isNotEmpty();
        assertThat(aws.requests().size() % Subscriber.PRIMING_ROUNDS)
                .as("the same calls in every round")
                .isZero();
    }

    /** The template's variables with placeholder values, and what Lambda adds; the endpoint is a closed port. */
    private static Map<String, String> environment(FunctionResource function) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_REGION",
                "eu-west-1",
                "AWS_ACCESS_KEY_ID",
                "test",
                "AWS_SECRET_ACCESS_KEY",
                "test",
                "AWS_ENDPOINT_URL",
                "http://127.0.0.1:9"));
        function.environment().keySet().forEach(variable -> environment.put(variable, "test-" + variable));
        return environment;
    }

    private static Class<?> handlerClass(FunctionResource function) throws ClassNotFoundException {
        return Class.forName(function.handlerClass());
    }

    private static Subscriber subscriberOf(FunctionResource function) throws ReflectiveOperationException {
        return (Subscriber) handlerClass(function).getField("SUBSCRIBER").get(null);
    }

    private static Object construct(Constructor<?> constructor, Map<String, String> environment)
            throws ReflectiveOperationException {
        try {
            return constructor.newInstance(environment);
        } catch (InvocationTargetException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
