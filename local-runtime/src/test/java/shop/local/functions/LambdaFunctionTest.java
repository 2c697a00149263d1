package shop.local.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.local.aws.Effects;
import shop.local.deploy.Deployment;
import shop.local.fixture.BuildOutput;
import shop.local.fixture.EchoHandler;
import shop.local.fixture.FailingHandler;
import shop.local.json.Json;
import shop.template.FunctionResource;
import shop.template.TemplateException;

/** Loading a function from its build output and invoking it as Lambda does. */
class LambdaFunctionTest {

    @TempDir
    Path folder;

    FunctionLog log;
    LambdaFunction function;

    @AfterEach
    void close() throws Exception {
        if (function != null) {
            function.close();
        }
        if (log != null) {
            log.close();
        }
    }

    @Test
    void handlerRunsInItsOwnClassLoaderAndItsResultIsSerialisedAsLambdaWould() {
        function = load("EchoFunction", EchoHandler.class, 3, Map.of());

        Invocation invocation = function.invoke(Json.bytes(Json.object().put("orderId", "o-1")));

        assertThat(invocation.succeeded()).isTrue();
        var answer = Json.parseTrusted(new String(invocation.output().orElseThrow(), StandardCharsets.UTF_8));
        assertThat(answer.path("orderId").asText()).isEqualTo("o-1");
        assertThat(answer.path("classLoader").asText()).isEqualTo("EchoFunction");
        assertThat(answer.path("function").asText()).isEqualTo("EchoFunction");
        assertThat(function.describe()).contains("(Map)").contains("no-arg constructor");
    }

    @Test
    void thrownExceptionBecomesLambdasErrorWithTheStackTopAndTheFunctionsOwnFrame() {
        function = load("FailingFunction", FailingHandler.class, 3, Map.of());

        Invocation invocation = function.invoke(Json.bytes(Json.object().put("orderId", "o-1")));

        Failure failure = invocation.failure().orElseThrow();
        assertThat(failure.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.errorMessage()).isEqualTo("failing as configured for o-1");
        assertThat(failure.topFrame())
                .hasValueSatisfying(
                        top -> assertThat(top).startsWith("shop.local.fixture.FailingHandler.handleRequest("));
        assertThat(failure.ownFrame()).isEqualTo(failure.topFrame());
    }

    @Test
    void invocationOutlivingItsTimeoutFailsAsLambdasDoes() {
        function = load("HangingFunction", FailingHandler.class, 1, Map.of("MODE", "hang"));

        Invocation invocation = function.invoke(Json.bytes(Json.object()));

        assertThat(invocation.failure().orElseThrow().errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(invocation.failure().orElseThrow().errorMessage()).endsWith("Task timed out after 1.00 seconds");
    }

    @Test
    void handlerClassMissingFromTheBuildOutputNamesFunctionAndCodeUri() {
        BuildOutput.layOut(folder.resolve("audit-function"));
        Deployment.Function missing = function("AuditFunction", "shop.audit.AuditHandler::handleRequest", 3, Map.of());

        assertThatThrownBy(() -> LambdaFunction.load(missing, Map.of(), log(), new Effects()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(
                        "template.yaml: AuditFunction.Handler names class shop.audit.AuditHandler, which is not in "
                                + "the build output of CodeUri 'audit-function'");
    }

    @Test
    void functionNotBuiltNamesFunctionAndCodeUriAndHowToBuildIt() {
        Deployment.Function unbuilt = function("AuditFunction", "shop.audit.AuditHandler::handleRequest", 3, Map.of());

        assertThatThrownBy(() -> LambdaFunction.load(unbuilt, Map.of(), log(), new Effects()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("AuditFunction.CodeUri 'audit-function' has no build output")
                .hasMessageContaining("./run-local");
    }

    private LambdaFunction load(String name, Class<?> handler, int timeout, Map<String, String> environment) {
        BuildOutput.layOut(folder.resolve("audit-function"), handler);
        return LambdaFunction.load(
                function(name, handler.getName() + "::handleRequest", timeout, environment),
                environment,
                log(),
                new Effects());
    }

    private Deployment.Function function(String name, String handler, int timeout, Map<String, String> environment) {
        FunctionResource resource = new FunctionResource(
                name,
                "audit-function",
                handler,
                "java21",
                512,
                timeout,
                Map.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of());
        return new Deployment.Function(
                resource,
                "arn:aws:lambda:eu-west-1:123456789012:function:" + name,
                folder.resolve("audit-function"),
                environment,
                2);
    }

    private FunctionLog log() {
        if (log == null) {
            log = new FunctionLog(folder.resolve("logs"), "TestFunction", Optional.empty(), Clock.systemUTC());
        }
        return log;
    }
}
