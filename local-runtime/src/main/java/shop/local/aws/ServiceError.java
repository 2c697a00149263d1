package shop.local.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import shop.local.json.Json;

/**
 * An error answered as the real service answers it: HTTP status, error code, message and any extra fields the SDK reads
 * (DynamoDB's {@code CancellationReasons}, {@code Item}), so that the client raises its own exception type.
 */
public final class ServiceError extends RuntimeException {

    private final int status;
    private final String code;
    private final ObjectNode fields;

    public ServiceError(int status, String code, String message) {
        this(status, code, message, Json.object());
    }

    public ServiceError(int status, String code, String message, ObjectNode fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = fields;
    }

    /** 400 ValidationException: the request is not one the service (or this stand-in) accepts. */
    public static ServiceError validation(String message) {
        return new ServiceError(400, "ValidationException", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra top-level fields of the error body. */
    public ObjectNode fields() {
        return fields;
    }
}
