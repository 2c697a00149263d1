package shop.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The handler's method, {@code handleRequest} when {@code Handler} names only a class. */
    public String handlerMethod() {
        int colons = handler.indexOf("::");
        return colons < 0 ? "handleRequest" : handler.substring(colons + 2);
    }
}
