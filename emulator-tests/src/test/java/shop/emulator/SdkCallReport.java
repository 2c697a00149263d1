package shop.emulator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes each test's AWS SDK calls into its report (standard output and a JUnit report entry), so the failsafe report
 * shows which tests went through which AWS operations.
 */
public final class SdkCallReport implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        SdkCalls.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String summary = SdkCalls.summary();
        System.out.println("[sdk-calls] " + context.getDisplayName() + " :: " + summary);
        context.publishReportEntry("sdk-calls", summary);
    }
}
