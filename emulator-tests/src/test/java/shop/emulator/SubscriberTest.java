package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SubscriberTest {

    static Stream<Subscriber> subscribers() {
        return Subscriber.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscribers")
    void eachHandlerTheTemplateNamesIsOnTheClassPathWithAnEnvironmentConstructor(Subscriber subscriber)
            throws NoSuchMethodException {
        assertThat(RequestStreamHandler.class).isAssignableFrom(subscriber.handlerClass());
        assertThat(subscriber.handlerClass().getConstructor(Map.class)).isNotNull();
    }

    @Test
    void aFunctionWithoutRuleIsNoSubscriber() {
        assertThatThrownBy(() -> Subscriber.named("CheckoutFunction"))
                .hasMessageStartingWith("CheckoutFunction has no EventBridgeRule in template.yaml");
    }
}
