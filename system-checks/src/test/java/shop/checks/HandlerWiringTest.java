package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * Every function's {@code Handler} in {@code template.yaml} names a Lambda handler that exists, in the module its
 * {@code CodeUri} points at, and that module is one the root build installs.
 */
class HandlerWiringTest {

    private static final Path TEMPLATE_FILE = SamTemplate.locate(Path.of(""));
    private static final Path ROOT = TEMPLATE_FILE.toAbsolutePath().getParent();
    private static final SamTemplate TEMPLATE = SamTemplate.load(TEMPLATE_FILE);

    static Stream<Named<FunctionResource>> functions() {
        return TEMPLATE.functions().stream().map(f -> Named.of(f.logicalId(), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handlerImplementsALambdaHandlerInterface(FunctionResource function) throws Exception {
        Class<?> handler = Class.forName(function.handlerClass());

        assertThat(RequestHandler.class.isAssignableFrom(handler)
                        || RequestStreamHandler.class.isAssignableFrom(handler))
                .as("%s implements RequestHandler or RequestStreamHandler", handler.getName())
                .isTrue();
        assertThat(Modifier.isPublic(handler.getModifiers()))
                .as("%s is public", handler.getName())
                .isTrue();
        // The Lambda runtime instantiates the handler through its no-argument constructor.
        assertThat(handler.getConstructor()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handlerHasTheNamedMethod(FunctionResource function) throws Exception {
        Class<?> handler = Class.forName(function.handlerClass());
        boolean streaming = RequestStreamHandler.class.isAssignableFrom(handler);
        int arity = streaming ? 3 : 2;

        List<Method> candidates = Arrays.stream(handler.getMethods())
                .filter(m -> m.getName().equals(function.handlerMethod()) && !m.isBridge())
                .toList();

        assertThat(candidates)
                .as("public %s methods of %s", function.handlerMethod(), handler.getName())
                .anySatisfy(method -> {
                    assertThat(method.getParameterCount()).isEqualTo(arity);
                    assertThat(method.getParameterTypes()[arity - 1]).isEqualTo(Context.class);
                    if (streaming) {
                        assertThat(method.getParameterTypes()).startsWith(InputStream.class, OutputStream.class);
                    }
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handlerIsBuiltByItsCodeUriModule(FunctionResource function) throws Exception {
        Path origin = Path.of(Class.forName(function.handlerClass())
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());

        // In the reactor the class comes from <module>/target/classes, otherwise from the module's installed jar.
        assertThat(origin.getFileName().toString().startsWith(function.codeUri() + "-")
                        || origin.endsWith(Path.of(function.codeUri(), "target", "classes")))
                .as(
                        "%s was loaded from %s, which is not built by %s",
                        function.handlerClass(), origin, function.codeUri())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void codeUriIsAModuleFolderNamedAfterItsArtifact(FunctionResource function) throws Exception {
        Path folder = ROOT.resolve(function.codeUri());
        Path pom = folder.resolve("pom.xml");

        assertThat(folder).isDirectory();
        assertThat(pom).isRegularFile();
        assertThat(childText(Files.newInputStream(pom), "artifactId"))
                .isEqualTo(folder.getFileName().toString());
        assertThat(modulesOfTheRootBuild()).as("modules of the root pom.xml").contains(function.codeUri());
    }

    private static List<String> modulesOfTheRootBuild() throws Exception {
        Element project = parse(Files.newInputStream(ROOT.resolve("pom.xml")));
        Element modules = (Element) project.getElementsByTagName("modules").item(0);
        return children(modules, "module").stream()
                .map(Node::getTextContent)
                .map(String::trim)
                .toList();
    }

    private static String childText(InputStream pom, String name) throws Exception {
        List<Element> found = children(parse(pom), name);
        assertThat(found).as("<%s> directly under <project>", name).hasSize(1);
        return found.get(0).getTextContent().trim();
    }

    private static Element parse(InputStream pom) throws Exception {
        try (pom) {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(pom)
                    .getDocumentElement();
        }
    }

    private static List<Element> children(Element parent, String name) {
        return Stream.iterate(parent.getFirstChild(), node -> node != null, Node::getNextSibling)
                .filter(node ->
                        node instanceof Element element && element.getTagName().equals(name))
                .map(Element.class::cast)
                .toList();
    }
}
