package shop.local.functions;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;

/**
 * A function's own class loader over its build output, as Lambda gives each function: the JDK, the function's classes
 * and jars, and nothing of the runtime except the core types of {@code aws-lambda-java-core} ({@code Context},
 * {@code RequestHandler}, {@code LambdaLogger}, ...), which both sides must share to talk.
 */
final class FunctionClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private static final Set<String> SHARED_PACKAGES =
            Set.of("com.amazonaws.services.lambda.runtime", "com.amazonaws.services.lambda.runtime.logging");

    private final ClassLoader runtime;

    FunctionClassLoader(String function, URL[] classPath, ClassLoader runtime) {
        super(function, classPath, ClassLoader.getPlatformClassLoader());
        this.runtime = runtime;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        int dot = name.lastIndexOf('.');
        if (dot > 0 && SHARED_PACKAGES.contains(name.substring(0, dot))) {
            return runtime.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
