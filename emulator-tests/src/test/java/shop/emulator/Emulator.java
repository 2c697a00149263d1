package shop.emulator;

/**
 * The emulators the suite knows. Each answers the AWS APIs on one endpoint; they differ in how a test reads back what
 * SES sent and in the known gaps of their rule matching.
 */
public enum Emulator {

    /** {@code moto_server}: open source, no Docker, no account token. */
    MOTO("GET /moto-api/config"),

    /** LocalStack: its image needs Docker and, since March 2026, an auth token. */
    LOCALSTACK("GET /_localstack/health");

    private final String probe;

    Emulator(String probe) {
        this.probe = probe;
    }

    /** The request that tells this emulator apart from the other, for messages. */
    public String probe() {
        return probe;
    }

    /** The path of {@link #probe()}. */
    String probePath() {
        return probe.substring("GET ".length());
    }
}
