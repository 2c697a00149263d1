package shop.checks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a Lambda handler the way the Java runtime does, from a built artifact alone, and starts it with a placeholder
 * environment. {@code sam-build-check.sh} runs this file with the JDK's source launcher and only the artifact on the
 * class path ({@code artifact:artifact/lib/*}), so nothing from the repository can stand in for a missing class.
 *
 * <p>Depends on nothing but the JDK on purpose: the Lambda interfaces are looked up by name in the artifact.
 */
public final class HandlerProbe {

    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String[] HANDLER_INTERFACES = {
        "com.amazonaws.services.lambda.runtime.RequestHandler",
        "com.amazonaws.services.lambda.runtime.RequestStreamHandler",
    };

    private HandlerProbe() {}

    /**
     * {@code <artifact folder> <handler class> <handler method> [NAME=value ...]}; exits 1 naming the first problem.
     */
    public static void main(String[] args) {
        if (args.length < 3) {
            fail("usage: HandlerProbe <artifact folder> <handler class> <handler method> [NAME=value ...]");
        }
        try {
            System.out.println(
                    probe(Path.of(args[0]), args[1], args[2], environment(Arrays.copyOfRange(args, 3, args.length))));
        } catch (ProbeFailure failure) {
            fail(failure.getMessage());
        }
    }

    /** Checks the handler and returns a one-line report; throws naming what is wrong. */
    static String probe(Path artifact, String className, String methodName, Map<String, String> environment) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> handler = load(className, loader);

        Path origin = origin(handler);
        if (!origin.startsWith(artifact.toAbsolutePath().normalize())) {
            throw new ProbeFailure(className + " was loaded from " + origin + ", not from the artifact " + artifact);
        }
        boolean implementsLambda = Arrays.stream(HANDLER_INTERFACES)
                .anyMatch(name -> load(name, loader).isAssignableFrom(handler));
        if (!implementsLambda) {
            throw new ProbeFailure(className + " implements neither RequestHandler nor RequestStreamHandler");
        }
        Method method = Arrays.stream(handler.getMethods())
                .filter(m -> m.getName().equals(methodName) && !m.isBridge())
                .filter(m -> m.getParameterCount() > 0
                        && m.getParameterTypes()[m.getParameterCount() - 1]
                                .getName()
                                .equals(CONTEXT))
                .findFirst()
                .orElseThrow(() -> new ProbeFailure(className + " has no public " + methodName + "(..., Context)"));
        try {
            // Lambda instantiates through the no-argument constructor; the Map one is the same wiring with our
            // environment.
            handler.getConstructor();
            handler.getConstructor(Map.class).newInstance(environment);
        } catch (NoSuchMethodException e) {
            throw new ProbeFailure(className + " lacks a public constructor: " + e.getMessage());
        } catch (InvocationTargetException e) {
            throw new ProbeFailure(className + " failed to start from the artifact: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ProbeFailure(className + " cannot be instantiated: " + e);
        } catch (LinkageError e) {
            throw new ProbeFailure(className + " needs a class the artifact lacks: " + e);
        }
        return "loaded " + className + "::" + method.getName() + " from " + origin + " and started it with "
                + environment.keySet();
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new ProbeFailure(name + " is not in the artifact");
        } catch (LinkageError e) {
            throw new ProbeFailure(name + " cannot be loaded from the artifact: " + e);
        }
    }

    private static Path origin(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath()
                    .normalize();
        } catch (URISyntaxException | NullPointerException e) {
            throw new ProbeFailure("Cannot tell where " + type.getName() + " was loaded from: " + e);
        }
    }

    private static Map<String, String> environment(String[] pairs) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new ProbeFailure("Environment entries are NAME=value, got '" + pair + "'");
            }
            environment.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return environment;
    }

    private static void fail(String message) {
        System.err.println("HandlerProbe: " + message);
        System.exit(1);
    }

    /** A problem with the handler or its artifact, stated for the person reading the build log. */
    static final class ProbeFailure extends RuntimeException {
        ProbeFailure(String message) {
            super(message);
        }
    }
}
