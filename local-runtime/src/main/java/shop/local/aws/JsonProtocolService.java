package shop.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One service speaking an AWS JSON protocol (1.0 or 1.1): requests are {@code POST /} with an {@code X-Amz-Target:
 * <prefix>.<Operation>} header and a JSON body.
 */
public interface JsonProtocolService {

    /** The part of {@code X-Amz-Target} before the dot, e.g. {@code DynamoDB_20120810}. */
    String targetPrefix();

    /** {@code application/x-amz-json-1.0} or {@code -1.1}, as the service answers. */
    String contentType();

    /** What the service puts before the code in an error's {@code __type}; the SDK strips it. */
    default String errorTypePrefix() {
        return "";
    }

    /** Runs one operation; throws {@link ServiceError} for anything the service would refuse. */
    JsonNode call(String operation, JsonNode request);

    /** Headers the service adds to every answer, computed from the body (DynamoDB's CRC32). */
    default Map<String, String> headersFor(byte[] body) {
        return Map.of();
    }
}
