package shop.emulator;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import shop.template.SamTemplate;

/**
 * JUnit extension giving a test class its own provisioned copy of {@code template.yaml} in the emulator: probed and
 * provisioned before the first test, deleted after the last. Register it as a static field.
 */
public final class EmulatorStack implements BeforeAllCallback, AfterAllCallback {

    /** The repository's template, the one source of what gets provisioned. */
    public static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    private EmulatorSession session;
    private ProvisionedStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = EmulatorSession.open();
        stack = ProvisionedStack.provision(TEMPLATE, session);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    public ProvisionedStack stack() {
        return stack;
    }

    public EmulatorSession session() {
        return session;
    }

    public Emulator emulator() {
        return session.endpoint().emulator();
    }
}
