package shop.choreography;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import shop.events.EventJson;

/** Test fixtures from {@code src/test/resources}, and the repository the tests run in. */
public final class Fixtures {

    private Fixtures() {}

    /** The repository around the module (surefire runs tests in {@code choreography-tools/}). */
    public static RepositoryFiles repository() {
        return RepositoryFiles.around(Path.of(""));
    }

    /** A JSON fixture as a tree, e.g. {@code compatibility/base.json}. */
    public static JsonNode json(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test fixture " + resource);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read test fixture " + resource, e);
        }
    }

    /** A fixture folder or file on disk, e.g. {@code histories/breaking-minor}. */
    public static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("No test fixture " + resource, e);
        }
    }
}
