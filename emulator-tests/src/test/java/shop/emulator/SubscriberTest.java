package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import shop.template.FunctionResource;

class SubscriberTest {

    @Test
    void everyFunctionWithARuleIsASubscriberOfTheSuiteAndNoOtherIs() {
        // A subscriber added to the template must join the emulator flows, or this names it.
        assertThat(Arrays.stream(Subscriber.values()).map(Subscriber::logicalId))
                .containsExactlyInAnyOrderElementsOf(EmulatorStack.TEMPLATE.functions().stream()
                        .filter(function -> !function.rules().isEmpty()).map(FunctionResource::logicalId).toList());
    }

    @Test
    void eachSubscriberRunsTheHandlerClassTheTemplateNames() {
        assertThat(Subscriber.values()).allSatisfy(subscriber ->
                assertThat(subscriber.handlerClass().getName()).isEqualTo(subscriber.function().handlerClass()));
    }
}
