package shop.emulator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes the AWS SDK calls of each test, and of its class's set-up, into the test's output (which the failsafe XML
 * report keeps as {@code system-out}) and as a JUnit report entry, so the report shows which tests went through which
 * AWS operations.
 */
public final class SdkCallReport implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        SdkCalls.clear();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!SdkCalls.all().isEmpty()) {
            report(context, "set-up of " + context.getRequiredTestClass().getSimpleName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        report(context, context.getDisplayName());
    }

    private static void report(ExtensionContext context, String what) {
        String summary = SdkCalls.all().isEmpty() ? "none" : SdkCalls.summary();
        SdkCalls.clear();
        System.out.println("[sdk-calls] " + what + " :: " + summary);
        context.publishReportEntry("sdk-calls", summary);
    }
}
