package shop.local.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import shop.local.aws.Effects;
import shop.local.deploy.Deployment;
import shop.template.TemplateException;

/**
 * One function, loaded from its CodeUri's build output as {@code sam build} lays it out ({@code target/classes} and
 * {@code target/dependency/*.jar}) into its own class loader, and invoked as Lambda invokes a Java handler.
 *
 * <p>Like Lambda, an instance serves one invocation at a time: concurrent invocations take an idle instance or start a
 * new one (a cold start). Each instance is built once through the handler's public {@code (Map<String, String>
 * environment)} constructor, given the function's environment; a handler without one gets its no-argument constructor
 * and then reads the runtime process's own environment. An invocation that outlives the function's {@code Timeout}
 * fails as Lambda's would and its instance is discarded. Thread-safe.
 */
public final class LambdaFunction implements AutoCloseable {

    private final Deployment.Function function;
    private final Map<String, String> environment;
    private final FunctionClassLoader loader;
    private final LambdaSerialization serialization;
    private final Constructor<?> constructor;
    private final boolean takesEnvironment;
    private final Method method;
    private final Handling handling;
    private final Type inputType;
    private final FunctionLog log;
    private final ConcurrentLinkedDeque<Instance> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger started = new AtomicInteger();
    private final Effects effects;
    private final AtomicInteger injectedFailures = new AtomicInteger();
    private final ExecutorService instances;

    /** A handler object and the access key it signs with, which tells its calls to the stand-in from any other's. */
    private record Instance(Object handler, String accessKeyId) {}

    /** What one run produced: the output or what the handler threw, and its effects. */
    private record Outcome(byte[] output, Throwable failure, List<String> effects) {}

    private enum Handling {
        STREAM,
        STREAM_WITH_CONTEXT,
        EVENT,
        EVENT_WITH_CONTEXT
    }

    private LambdaFunction(
            Deployment.Function function, Map<String, String> environment, FunctionLog log, Effects effects) {
        this.function = function;
        this.effects = effects;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.loader =
                new FunctionClassLoader(function.name(), classPath(function), LambdaFunction.class.getClassLoader());
        Class<?> handler = handlerClass();
        this.method = handlerMethod(handler);
        this.handling = handling(method);
        this.inputType = handling == Handling.EVENT || handling == Handling.EVENT_WITH_CONTEXT
                ? inputType(handler, method)
                : null;
        Constructor<?> withEnvironment = constructor(handler, Map.class);
        this.takesEnvironment = withEnvironment != null;
        this.constructor = takesEnvironment ? withEnvironment : constructor(handler);
        if (constructor == null) {
            throw new TemplateException(
                    function.name(),
                    "Handler",
                    "names " + handler.getName() + ", which has neither a public (Map<String, String> environment)"
                            + " constructor nor a public no-argument one");
        }
        this.serialization = new LambdaSerialization(loader);
        this.instances = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, function.name());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
    }

    /**
     * Loads {@code function} and starts one instance, so that a handler that cannot start fails now, not at the first
     * event.
     *
     * @param environment everything the function sees: the template's variables plus the AWS ones
     * @param effects where the stand-in records what each instance asked of it
     */
    public static LambdaFunction load(
            Deployment.Function function, Map<String, String> environment, FunctionLog log, Effects effects) {
        LambdaFunction loaded = new LambdaFunction(function, environment, log, effects);
        try {
            loaded.idle.push(loaded.newInstance());
        } catch (InvocationTargetException e) {
            loaded.close();
            String hint = e.getCause() instanceof LinkageError
                    ? " (a class is missing from the build output: is "
                            + function.code().resolve("target/dependency") + " up to date? ./run-local rebuilds it)"
                    : "";
            throw new IllegalStateException(
                    function.name() + " (" + function.resource().handlerClass() + ") failed to start: " + e.getCause()
                            + hint,
                    e.getCause());
        }
        return loaded;
    }

    public String name() {
        return function.name();
    }

    /** How the handler is called, for the start-up banner, e.g. {@code CheckoutHandler(InputStream)}. */
    public String describe() {
        String input = inputType == null
                ? "InputStream"
                : inputType instanceof Class<?> plain
                        ? plain.getSimpleName()
                        : inputType instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                                ? raw.getSimpleName()
                                : inputType.getTypeName();
        return function.resource().handler() + "(" + input + ")"
                + (takesEnvironment ? "" : " [no-arg constructor: process environment]");
    }

    /**
     * Makes the next {@code count} invocations fail without running the handler (0 switches it off): a local-only fault
     * switch, so that retries, dead letters and redrive can be watched; deployed handlers carry none.
     */
    public void failNext(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("failNext takes a count of 0 or more, not " + count);
        }
        injectedFailures.set(count);
    }

    /** How many invocations the fault switch will still fail. */
    public int injectedFailuresLeft() {
        return injectedFailures.get();
    }

    /** Runs the handler on {@code event} (JSON) and waits for it, at most the function's Timeout. */
    public Invocation invoke(byte[] event) {
        Invocation done = attempt(event);
        log.report(done); // Lambda's platform.report line: journey reads attempts and durations from it
        return done;
    }

    private Invocation attempt(byte[] event) {
        String requestId = UUID.randomUUID().toString();
        long begun = System.nanoTime();
        if (injectedFailures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return new Invocation(
                    requestId,
                    false,
                    since(begun),
                    Optional.empty(),
                    Optional.of(
                            Failure.of("LocalFaultInjected", "Failed on purpose by the local runtime's fault switch")),
                    List.of());
        }
        Instance pooled = idle.poll();
        boolean cold = pooled == null;
        Instance instance;
        try {
            instance = pooled != null ? pooled : newInstance();
        } catch (InvocationTargetException | RuntimeException e) {
            // The handler's constructor failed: Lambda reports the init error as the invocation's.
            Throwable cause = e instanceof InvocationTargetException init ? init.getCause() : e;
            return new Invocation(
                    requestId,
                    true,
                    since(begun),
                    Optional.empty(),
                    Optional.of(Failure.of(cause, handlerPackage())),
                    List.of());
        }
        effects.take(instance.accessKeyId());
        Future<Outcome> running = instances.submit(() -> run(instance, requestId, event));
        try {
            Outcome outcome = running.get(function.resource().timeout(), TimeUnit.SECONDS);
            return outcome.failure() == null
                    ? new Invocation(
                            requestId,
                            cold,
                            since(begun),
                            Optional.of(outcome.output()),
                            Optional.empty(),
                            outcome.effects())
                    : new Invocation(
                            requestId,
                            cold,
                            since(begun),
                            Optional.empty(),
                            Optional.of(Failure.of(outcome.failure(), handlerPackage())),
                            outcome.effects());
        } catch (ExecutionException e) {
            throw new IllegalStateException("The local runtime failed running " + function.name(), e.getCause());
        } catch (TimeoutException e) {
            running.cancel(true); // the instance is not returned: Lambda stops a timed-out environment
            String message = String.format(
                    "%s Task timed out after %d.00 seconds",
                    requestId, function.resource().timeout());
            return new Invocation(
                    requestId,
                    cold,
                    since(begun),
                    Optional.empty(),
                    Optional.of(Failure.of("Sandbox.Timedout", message)),
                    effects.take(instance.accessKeyId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            return new Invocation(
                    requestId,
                    cold,
                    since(begun),
                    Optional.empty(),
                    Optional.of(Failure.of("Runtime.Interrupted", "The local runtime stopped during the invocation")),
                    List.of());
        }
    }

    @Override
    public void close() {
        instances.shutdownNow();
        try {
            serialization.close();
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the class loader of " + function.name(), e);
        }
    }

    private Outcome run(Instance instance, String requestId, byte[] event) {
        Context context = new LocalContext(
                requestId,
                function.name(),
                function.arn(),
                function.resource().memorySize(),
                System.currentTimeMillis() + function.resource().timeout() * 1000L,
                log.forRequest(requestId));
        Object handler = instance.handler();
        try {
            byte[] output = switch (handling) {
                case STREAM, STREAM_WITH_CONTEXT -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    InputStream in = new ByteArrayInputStream(event);
                    if (handling == Handling.STREAM) {
                        method.invoke(handler, in, out);
                    } else {
                        method.invoke(handler, in, out, context);
                    }
                    yield out.toByteArray();
                }
                case EVENT, EVENT_WITH_CONTEXT -> {
                    Object input = serialization.fromJson(inputType, event);
                    Object result = handling == Handling.EVENT
                            ? method.invoke(handler, input)
                            : method.invoke(handler, input, context);
                    yield serialization.toJson(result);
                }
            };
            idle.push(instance);
            return new Outcome(output, null, effects.take(instance.accessKeyId()));
        } catch (InvocationTargetException e) {
            // A handler that threw keeps its instance, as a Java function's environment survives an unhandled error.
            idle.push(instance);
            return new Outcome(null, e.getCause(), effects.take(instance.accessKeyId()));
        } catch (IllegalAccessException e) {
            return new Outcome(null, e, effects.take(instance.accessKeyId()));
        } catch (RuntimeException e) {
            // The event did not bind to the input type, or the result did not serialise: Lambda reports those too.
            idle.push(instance);
            return new Outcome(null, e, effects.take(instance.accessKeyId()));
        }
    }

    private Instance newInstance() throws InvocationTargetException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // as Lambda does; the SDK looks classes up through it
        String accessKeyId = "local-" + function.name() + "-" + started.incrementAndGet();
        Map<String, String> own = new HashMap<>(environment);
        if (own.containsKey("AWS_ACCESS_KEY_ID")) {
            own.put("AWS_ACCESS_KEY_ID", accessKeyId);
        }
        try {
            return new Instance(
                    takesEnvironment ? constructor.newInstance(Map.copyOf(own)) : constructor.newInstance(),
                    accessKeyId);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(
                    "Cannot construct " + constructor.getDeclaringClass().getName(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Class<?> handlerClass() {
        String name = function.resource().handlerClass();
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new TemplateException(
                    function.name(),
                    "Handler",
                    "names class " + name + ", which is not in the build output of CodeUri '"
                            + function.resource().codeUri() + "' ("
                            + function.code().resolve("target/classes") + " and target/dependency): " + e);
        }
    }

    private Method handlerMethod(Class<?> handler) {
        String name = function.resource().handlerMethod();
        List<Method> candidates = Arrays.stream(handler.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> handling(m) != null)
                .toList();
        if (candidates.isEmpty()) {
            throw new TemplateException(
                    function.name(),
                    "Handler",
                    "names " + handler.getName() + "::" + name + ", but that class has no public method " + name
                            + "(input[, Context]) or (InputStream, OutputStream[, Context])");
        }
        // A handler class that overloads the method: Lambda prefers the variant taking a Context, as we do.
        return candidates.stream()
                .filter(m -> m.getParameterCount() == 2 || m.getParameterCount() == 3)
                .max((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
                .orElse(candidates.get(0));
    }

    private static Handling handling(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean stream =
                parameters.length >= 2 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class;
        if (stream) {
            return parameters.length == 2
                    ? Handling.STREAM
                    : parameters.length == 3 && parameters[2] == Context.class ? Handling.STREAM_WITH_CONTEXT : null;
        }
        if (parameters.length == 1) {
            return Handling.EVENT;
        }
        return parameters.length == 2 && parameters[1] == Context.class ? Handling.EVENT_WITH_CONTEXT : null;
    }

    /** The I of {@code RequestHandler<I, O>} when the class declares it, otherwise the method's parameter type. */
    private static Type inputType(Class<?> handler, Method method) {
        if (RequestHandler.class.isAssignableFrom(handler) && !RequestStreamHandler.class.isAssignableFrom(handler)) {
            for (Class<?> type = handler; type != null; type = type.getSuperclass()) {
                for (Type implemented : type.getGenericInterfaces()) {
                    if (implemented instanceof ParameterizedType parameterized
                            && parameterized.getRawType() == RequestHandler.class) {
                        Type input = parameterized.getActualTypeArguments()[0];
                        if (input instanceof Class<?> || input instanceof ParameterizedType) {
                            return input;
                        }
                    }
                }
            }
        }
        return method.getGenericParameterTypes()[0];
    }

    private static Constructor<?> constructor(Class<?> handler, Class<?>... parameters) {
        try {
            return handler.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private String handlerPackage() {
        String name = function.resource().handlerClass();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static URL[] classPath(Deployment.Function function) {
        Path classes = function.code().resolve("target/classes");
        Path jars = function.code().resolve("target/dependency");
        String codeUri = function.resource().codeUri();
        if (!Files.isDirectory(classes)) {
            throw new TemplateException(
                    function.name(),
                    "CodeUri",
                    "'" + codeUri + "' has no build output at " + classes
                            + ": run ./run-local (it builds), or ./mvnw install -DskipTests -pl " + codeUri + " -am");
        }
        if (!Files.isDirectory(jars)) {
            throw new TemplateException(
                    function.name(),
                    "CodeUri",
                    "'" + codeUri + "' has no runtime jars at " + jars + ": run ./run-local (it builds), or bash"
                            + " local-runtime/package-functions.sh template.yaml");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(jars)) {
            urls.add(classes.toUri().toURL());
            for (Path jar : files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("A file path is always a URL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + jars, e);
        }
        return urls.toArray(URL[]::new);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
