package shop.local.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as received: method, the request target split into raw path and raw query, header fields in the order and
 * spelling sent, and the whole body (de-chunked).
 */
public record HttpRequest(
        String method,
        String rawPath,
        String rawQuery,
        String protocol,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        InetAddress remote,
        boolean keepAlive) {

    /** The first value of header {@code name}, whatever its case. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return Optional.of(header.getValue());
            }
        }
        return Optional.empty();
    }

    /** Header values by name as sent, repeated fields kept in order. */
    public Map<String, List<String>> headerMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach(header ->
                map.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue()));
        return map;
    }
}
