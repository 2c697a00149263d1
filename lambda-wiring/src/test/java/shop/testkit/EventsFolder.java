package shop.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's shared {@code events/} folder, found from wherever a module's tests run. */
public final class EventsFolder {

    private EventsFolder() {}

    /** {@code events/} in the working directory or the nearest folder above it. */
    public static Path path() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path events = folder.resolve("events");
            if (Files.isDirectory(events.resolve("eventbridge"))) {
                return events;
            }
        }
        throw new IllegalStateException(
                "No events/ folder with eventbridge/ above " + Path.of("").toAbsolutePath());
    }

    /** A file under {@code events/}, e.g. {@code eventbridge/order-created-jpy.json}. */
    public static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
