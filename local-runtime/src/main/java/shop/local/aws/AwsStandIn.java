package shop.local.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import shop.local.http.HttpRequest;
import shop.local.http.HttpResponse;
import shop.local.http.HttpServer;
import shop.local.json.Json;

/**
 * The functions' AWS: one loopback HTTP endpoint (their {@code AWS_ENDPOINT_URL}) answering the JSON-protocol services
 * by {@code X-Amz-Target} and SES v2 by path, with the status codes, headers and bodies the SDK v2 clients expect.
 * Signatures are not checked: the caller is always a local function with dummy credentials.
 */
public final class AwsStandIn implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, JsonProtocolService> services = new LinkedHashMap<>();
    private final SesService ses;
    private final PrintStream problems;
    private final Effects effects;

    private AwsStandIn(
            HttpServer server,
            List<JsonProtocolService> services,
            SesService ses,
            PrintStream problems,
            Effects effects) {
        this.server = server;
        services.forEach(service -> this.services.put(service.targetPrefix(), service));
        this.ses = ses;
        this.problems = problems;
        this.effects = effects;
    }

    /**
     * A loopback port bound for the stand-in, not yet answering: its address is known (the functions are configured
     * with it) before the services behind it exist. Connections made meanwhile wait in the listen queue.
     */
    public static final class Port implements AutoCloseable {
        private final HttpServer server;

        private Port(HttpServer server) {
            this.server = server;
        }

        public URI endpoint() {
            return server.uri(server.address().getAddress().getHostAddress());
        }

        /** Gives the port up (the stand-in started on it closes it too). */
        @Override
        public void close() {
            server.close();
        }
    }

    /** Binds a free loopback port for {@link #start}. */
    public static Port bind() {
        try {
            return new Port(HttpServer.bind(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    HttpServer.Limits.defaults(),
                    "aws-stand-in"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a loopback port for the AWS stand-in", e);
        }
    }

    /**
     * Serves on {@code port}.
     *
     * @param problems where a fault of the stand-in itself is reported, with its stack trace, besides the 500 answered
     * @param effects where the services record what they did, told who asked
     */
    public static AwsStandIn start(
            Port port, List<JsonProtocolService> services, SesService ses, PrintStream problems, Effects effects) {
        AwsStandIn standIn = new AwsStandIn(port.server, services, ses, problems, effects);
        port.server.start(standIn::handle);
        return standIn;
    }

    /** What the functions get as {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return server.uri(server.address().getAddress().getHostAddress());
    }

    @Override
    public void close() {
        server.close();
    }

    private HttpResponse handle(HttpRequest request) {
        try {
            effects.serving(accessKeyId(request.header("Authorization").orElse(null)));
            Optional<String> target = request.header("X-Amz-Target");
            if (target.isPresent()) {
                return answerJsonProtocol(target.get(), request.body());
            }
            if ("POST".equals(request.method()) && SesService.PATH.equals(request.rawPath())) {
                return answerSes(request.body());
            }
            ServiceError error = new ServiceError(
                    404,
                    "UnknownOperationException",
                    "The local stand-in does not emulate " + request.method() + " " + request.rawPath());
            return answer(
                    error.status(), "application/json", errorBody(error, ""), Map.of("x-amzn-ErrorType", error.code()));
        } finally {
            effects.served();
        }
    }

    /**
     * The access key id of a SigV4 {@code Authorization} header ({@code ... Credential=<key>/<date>/...}); the
     * signature is not checked.
     */
    static String accessKeyId(String authorization) {
        if (authorization == null) {
            return null;
        }
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return null;
        }
        int end = authorization.indexOf('/', start);
        return end < 0 ? null : authorization.substring(start + "Credential=".length(), end);
    }

    private HttpResponse answerJsonProtocol(String target, byte[] body) {
        int dot = target.indexOf('.');
        JsonProtocolService service = dot < 0 ? null : services.get(target.substring(0, dot));
        if (service == null) {
            ServiceError error =
                    new ServiceError(400, "UnknownOperationException", "The local stand-in does not emulate " + target);
            return answer(error.status(), "application/x-amz-json-1.0", errorBody(error, ""), Map.of());
        }
        byte[] answer;
        int status;
        try {
            JsonNode response = service.call(target.substring(dot + 1), readJson(body));
            answer = Json.bytes(response);
            status = 200;
        } catch (ServiceError error) {
            answer = errorBody(error, service.errorTypePrefix());
            status = error.status();
        } catch (RuntimeException fault) {
            answer = fault(fault, target);
            status = 500;
        }
        return answer(status, service.contentType(), answer, service.headersFor(answer));
    }

    private HttpResponse answerSes(byte[] body) {
        try {
            return answer(200, "application/json", Json.bytes(ses.sendEmail(readJson(body))), Map.of());
        } catch (ServiceError error) {
            // REST-JSON services name the error in a header; the body carries the message.
            ObjectNode message = Json.object().put("message", error.getMessage());
            return answer(
                    error.status(), "application/json", Json.bytes(message), Map.of("x-amzn-ErrorType", error.code()));
        } catch (RuntimeException fault) {
            return answer(
                    500,
                    "application/json",
                    fault(fault, "SES SendEmail"),
                    Map.of("x-amzn-ErrorType", "InternalFailure"));
        }
    }

    private byte[] fault(RuntimeException fault, String operation) {
        problems.println("AWS stand-in fault in " + operation + " (answered 500):");
        fault.printStackTrace(problems);
        ServiceError error = new ServiceError(500, "InternalFailure", "The local stand-in failed: " + fault);
        return errorBody(error, "");
    }

    private static JsonNode readJson(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? Json.object() : Json.parse(body);
            if (!node.isObject()) {
                throw new ServiceError(400, "SerializationException", "Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ServiceError(400, "SerializationException", "Malformed JSON request: " + e.getOriginalMessage());
        }
    }

    private static byte[] errorBody(ServiceError error, String typePrefix) {
        ObjectNode body = Json.object();
        body.put("__type", typePrefix + error.code());
        body.put("message", error.getMessage());
        body.setAll(error.fields());
        return Json.bytes(body);
    }

    private static HttpResponse answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers.size() + 2);
        all.add(Map.entry("Content-Type", contentType));
        all.add(Map.entry("x-amzn-RequestId", UUID.randomUUID().toString()));
        all.addAll(headers.entrySet());
        return new HttpResponse(status, all, body);
    }
}
