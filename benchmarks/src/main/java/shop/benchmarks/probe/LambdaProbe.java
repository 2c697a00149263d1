package shop.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crac.Core;
import shop.wiring.InvocationContext;

/**
 * Plays the Lambda Java runtime's part in a fresh JVM, as the cold-start benchmark starts it: loads the handler class,
 * constructs it with its no-arg constructor (which reads the process environment, as in Lambda), deserializes the
 * sample event with the runtime's own serializers (a stream handler reads the bytes itself), invokes once and
 * serializes the result.
 *
 * <p>Prints one line, {@code probe mainAt=<epoch ms> init=<ns> prime=<ns> invoke=<ns>}, for the driver.
 *
 * <pre>LambdaProbe &lt;handler class&gt; &lt;event file&gt; [plain|primed]</pre>
 *
 * With {@code primed}, the SnapStart hooks run between construction and the invocation, as they do before Lambda takes
 * the snapshot (see {@link shop.benchmarks.checkpoint.Core}); the invocation then stands for the first one after a
 * restore, minus the restore itself, which only Lambda can measure.
 */
public final class LambdaProbe {

    private LambdaProbe() {}

    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long start = System.nanoTime();
        ClassLoader loader = LambdaProbe.class.getClassLoader();
        Class<?> handlerClass = Class.forName(args[0], true, loader);
        Object handler = handlerClass.getConstructor().newInstance();
        // As the runtime does while loading the handler: both serializers are made during Init, not per invocation.
        boolean stream = handler instanceof RequestStreamHandler;
        Type[] types = stream ? null : handlerTypes(handlerClass);
        PojoSerializer<Object> input = stream ? null : LambdaEventSerializers.serializerFor(rawClass(types[0]), loader);
        PojoSerializer<Object> output = stream || types[1] == Void.class
                ? null
                : LambdaEventSerializers.serializerFor(rawClass(types[1]), loader);
        long constructed = System.nanoTime();
        if (args.length > 2 && args[2].equals("primed")) {
            Core.checkpointRestore();
        }
        long primed = System.nanoTime();
        // Loaded here so that -Xlog:class+load shows which classes the invocation itself still had to load.
        PhaseMarker.invocationStarts();

        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            if (stream) {
                // A stream handler reads the event's bytes itself, as the runtime hands them over.
                ((RequestStreamHandler) handler).handleRequest(in, response, new ProbeContext());
            } else {
                @SuppressWarnings("unchecked")
                RequestHandler<Object, Object> requestHandler = (RequestHandler<Object, Object>) handler;
                Object result = requestHandler.handleRequest(input.fromJson(in), new ProbeContext());
                if (result == null || output == null) {
                    response.write("null".getBytes(StandardCharsets.UTF_8));
                } else {
                    output.toJson(result, response);
                }
            }
        }
        long invoked = System.nanoTime();
        System.out.println("probe mainAt=" + mainAt + " init=" + (constructed - start) + " prime="
                + (primed - constructed) + " invoke=" + (invoked - primed) + " responseBytes=" + response.size());
        System.out.flush();
        System.exit(0);
    }

    /** The {@code I} and {@code O} of {@code RequestHandler<I, O>}, as the runtime finds them. */
    private static Type[] handlerTypes(Class<?> handlerClass) {
        for (Type type : handlerClass.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
                return parameterized.getActualTypeArguments();
            }
        }
        throw new IllegalArgumentException(
                handlerClass.getName() + " does not implement RequestHandler<I, O> directly");
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> rawClass(Type type) {
        return (Class<Object>) (type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type);
    }

    /** The invocation context; the logger writes to standard output, as Lambda's goes to the function's log. */
    private static final class ProbeContext extends InvocationContext {

        private final LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, StandardCharsets.UTF_8));
            }
        };

        ProbeContext() {
            super("cold-start-probe", "00000000-0000-4000-8000-000000000001");
        }

        @Override
        public LambdaLogger getLogger() {
            return logger;
        }
    }
}
