package shop.emulator;

/**
 * The emulators the suite knows. Each answers the AWS APIs on one endpoint; they differ in how a test reads back what
 * SES sent and in the known gaps of their rule matching.
 */
public enum Emulator {

    // Probed in this order: LocalStack first, since its health path is its own, while LocalStack builds on moto.

    /** LocalStack: its image needs Docker and, since March 2026, an auth token. */
    LOCALSTACK("GET /_localstack/health"),

    /** {@code moto_server}: open source, no Docker, no account token. */
    MOTO("GET /moto-api/config");

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
