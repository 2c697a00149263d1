package shop.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays the Lambda Java runtime's part in a fresh JVM, as the cold-start benchmark starts it: loads the handler class,
 * constructs it with its no-arg constructor (which reads the process environment, as in Lambda), deserializes the
 * sample event with the runtime's own serializers, invokes once and serializes the result.
 *
 * <p>Prints one line, {@code probe mainAt=<epoch ms> init=<ns> prime=<ns> invoke=<ns>}, for the driver.
 *
 * <pre>LambdaProbe &lt;handler class&gt; &lt;event file&gt; [plain|primed]</pre>
 *
 * With {@code primed}, the SnapStart hooks run between construction and the invocation, as they do before Lambda
 * takes the snapshot (see {@link shop.benchmarks.checkpoint.Core}); the invocation then stands for the first one
 * after a restore, minus the restore itself, which only Lambda can measure.
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
        Type[] types = handlerTypes(handlerClass);
        PojoSerializer<Object> input = LambdaEventSerializers.serializerFor(rawClass(types[0]), loader);
        PojoSerializer<Object> output = types[1] == Void.class ? null
                : LambdaEventSerializers.serializerFor(rawClass(types[1]), loader);
        long constructed = System.nanoTime();
        if (args.length > 2 && args[2].equals("primed")) {
            org.crac.Core.checkpointRestore();
        }
        long primed = System.nanoTime();
        // Loaded here so that -Xlog:class+load shows which classes the invocation itself still had to load.
        PhaseMarker.invocationStarts();

        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> requestHandler = (RequestHandler<Object, Object>) handler;
        Object event;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            event = input.fromJson(in);
        }
        Object result = requestHandler.handleRequest(event, new ProbeContext());
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        if (result == null || output == null) {
            response.write("null".getBytes(StandardCharsets.UTF_8));
        } else {
            output.toJson(result, response);
        }
        long invoked = System.nanoTime();
        System.out.println("probe mainAt=" + mainAt + " init=" + (constructed - start) + " prime=" + (primed - constructed)
                + " invoke=" + (invoked - primed) + " responseBytes=" + response.size());
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
        throw new IllegalArgumentException(handlerClass.getName() + " does not implement RequestHandler<I, O> directly");
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> rawClass(Type type) {
        return (Class<Object>) (type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type);
    }

    /** The invocation context; the logger writes to standard output, as Lambda's goes to the function's log. */
    private static final class ProbeContext implements Context {

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

        @Override
        public String getAwsRequestId() {
            return "00000000-0000-4000-8000-000000000001";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/cold-start-probe";
        }

        @Override
        public String getLogStreamName() {
            return "probe";
        }

        @Override
        public String getFunctionName() {
            return "cold-start-probe";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-1:123456789012:function:cold-start-probe";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 20_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return logger;
        }
    }
}
