package shop.local.functions;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code aws-lambda-java-serialization}, as the Lambda Java runtime uses it to turn the event into the handler's input
 * type and its result back into JSON.
 *
 * <p>Each function gets its own copy of the library, in its own class loader: the library keeps one global Jackson
 * mapper and registers modules bound to the function's class loader on it, which must not leak from one function's
 * classes to another's (in Lambda each function has a runtime to itself). Thread-safe.
 */
final class LambdaSerialization implements AutoCloseable {

    private final URLClassLoader library;
    private final ClassLoader function;
    private final Method isLambdaSupportedEvent;
    private final Method serializerFor;
    private final Object jackson;
    private final Method jacksonSerializer;
    private final Method fromJson;
    private final Method toJson;
    private final Map<Type, Object> serializers = new ConcurrentHashMap<>();

    LambdaSerialization(ClassLoader function) {
        this.function = function;
        this.library = new URLClassLoader(
                "lambda-serialization", new URL[] {libraryJar()}, ClassLoader.getPlatformClassLoader());
        try {
            Class<?> events = library.loadClass(LambdaEventSerializers.class.getName());
            Class<?> serializer =
                    library.loadClass("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
            Class<?> factory =
                    library.loadClass("com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory");
            this.isLambdaSupportedEvent = events.getMethod("isLambdaSupportedEvent", String.class);
            this.serializerFor = events.getMethod("serializerFor", Class.class, ClassLoader.class);
            this.jackson = factory.getMethod("getInstance").invoke(null);
            this.jacksonSerializer = factory.getMethod("getSerializer", Type.class);
            this.fromJson = serializer.getMethod("fromJson", InputStream.class);
            this.toJson = serializer.getMethod("toJson", Object.class, OutputStream.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "aws-lambda-java-serialization is not the version this runtime was built with", e);
        }
    }

    /** The event as an instance of {@code type} (a type of the function's loader). */
    Object fromJson(Type type, byte[] json) {
        return call(fromJson, serializer(type), new ByteArrayInputStream(json));
    }

    /** The handler's result as JSON; {@code null} becomes {@code null}, as Lambda answers for a void handler. */
    byte[] toJson(Object value) {
        if (value == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        call(toJson, serializer(value.getClass()), value, out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        library.close();
    }

    /**
     * As the Lambda Java runtime chooses: Lambda's own event types get {@code serializerFor} (with their mixins and
     * date modules), any other type the plain Jackson serializer, by its generic type.
     */
    private synchronized Object serializer(Type type) {
        // serializerFor registers modules on the library's global mapper: hence one caller at a time.
        return serializers.computeIfAbsent(
                type,
                t -> t instanceof Class<?> c && (Boolean) call(isLambdaSupportedEvent, null, c.getName())
                        ? call(serializerFor, null, c, function)
                        : call(jacksonSerializer, jackson, t));
    }

    private static Object call(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("aws-lambda-java-serialization method not accessible: " + method, e);
        }
    }

    private static URL libraryJar() {
        try {
            Path jar = Path.of(LambdaEventSerializers.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return jar.toUri().toURL();
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(
                    new IOException("Cannot locate aws-lambda-java-serialization on the runtime's class path", e));
        }
    }
}
