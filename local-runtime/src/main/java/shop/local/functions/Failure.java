package shop.local.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An invocation's error as Lambda reports it ({@code errorType}, {@code errorMessage}, {@code stackTrace}), plus the
 * first frame of the function's own code, which is where a reader starts.
 */
public record Failure(String errorType, String errorMessage, List<String> stackTrace, Optional<String> ownFrame) {

    private static final int MAX_FRAMES = 30;

    /** Lambda's error shape for {@code thrown}; {@code ownPackage} is the handler's package. */
    public static Failure of(Throwable thrown, String ownPackage) {
        List<String> frames = new ArrayList<>();
        Optional<String> own = Optional.empty();
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String line = frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                    + frame.getLineNumber() + ")";
            if (frames.size() < MAX_FRAMES) {
                frames.add(line);
            }
            if (own.isEmpty() && frame.getClassName().startsWith(ownPackage + ".")) {
                own = Optional.of(line);
            }
        }
        return new Failure(thrown.getClass().getName(), String.valueOf(thrown.getMessage()), List.copyOf(frames), own);
    }

    /** A failure with no exception behind it, such as a timeout. */
    public static Failure of(String errorType, String errorMessage) {
        return new Failure(errorType, errorMessage, List.of(), Optional.empty());
    }

    /** The stack trace's top line, or nothing when there is no trace. */
    public Optional<String> topFrame() {
        return stackTrace.stream().findFirst();
    }
}
