package shop.local.http;

import java.util.List;
import java.util.Map;
import shop.local.json.Json;

/** One response: status, header fields (which may repeat, as Set-Cookie does) and body; length is set by the server. */
public record HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** A JSON {@code {"message": ...}} answer, as the servers give for what they refuse. */
    public static HttpResponse problem(int status, String message) {
        return new HttpResponse(
                status,
                List.of(Map.entry("Content-Type", "application/json")),
                Json.bytes(Json.object().put("message", message)));
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }
}
