package shop.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One {@code AWS::Serverless::Function}, with {@code Globals.Function} already merged in.
 *
 * @param environment variable name to its raw template value: a string, or an intrinsic such as {@code {Ref: X}}
 */
public record FunctionResource(
        String logicalId,
        String codeUri,
        String handler,
        String runtime,
        int memorySize,
        int timeout,
        Map<String, Object> environment,
        List<EventRule> rules,
        List<HttpRoute> routes,
        Optional<AsyncInvokeConfig> asyncInvoke,
        List<Object> policies) {

    /** The handler's class name, the part of {@code Handler} before {@code ::}. */
    public String handlerClass() {
        int colons = handler.indexOf("::");
        return colons < 0 ? handler : handler.substring(0, colons);
    }

    /**
     * The resources among {@code ids} its environment references ({@code Ref}, {@code Fn::GetAtt}), in the order of the
     * variables' names: the tables it writes, the bus it publishes to.
     */
    public List<String> referencedAmong(Set<String> ids) {
        return new TreeMap<>(environment)
                .values().stream()
                        .map(SamTemplate::referencedId)
                        .flatMap(Optional::stream)
                        .filter(ids::contains)
                        .distinct()
                        .toList();
    }

    /** The queues its failures are parked in: its rules' dead-letter queues, then its OnFailure destination. */
    public List<String> deadLetterQueues() {
        Set<String> queues = new LinkedHashSet<>();
        rules.forEach(
                rule -> rule.deadLetterArn().flatMap(SamTemplate::referencedId).ifPresent(queues::add));
        asyncInvoke
                .flatMap(AsyncInvokeConfig::onFailure)
                .flatMap(SamTemplate::referencedId)
                .ifPresent(queues::add);
        return List.copyOf(queues);
    }

    /** The handler's method, {@code handleRequest} when {@code Handler} names only a class. */
    public String handlerMethod() {
        int colons = handler.indexOf("::");
        return colons < 0 ? "handleRequest" : handler.substring(colons + 2);
    }
}
