package shop.checkout.responses;

import java.util.Map;

/** An HTTP answer, independent of API Gateway's response type: status, headers and a JSON body. */
public record Reply(int status, Map<String, String> headers, String body) {

    public Reply {
        headers = Map.copyOf(headers);
    }
}
