package shop.local.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import shop.local.functions.Failure;

/**
 * One request the HTTP API answered: what was asked, the status, how long it took, the body of an answer that was not a
 * success (it says what was wrong), the function's failure when it threw, and what the function did through AWS.
 */
public record ApiCall(
        String method,
        String path,
        Optional<String> routeKey,
        int status,
        Duration duration,
        Optional<String> errorBody,
        Optional<Failure> failure,
        List<String> effects) {}
