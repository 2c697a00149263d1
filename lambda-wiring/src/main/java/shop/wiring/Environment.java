package shop.wiring;

import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration, read once at start-up from its environment variables as declared in
 * {@code template.yaml}.
 *
 * <p>Handlers take it as a {@code Map<String, String>} through their second constructor so that tests, the local
 * runtime and the emulator suite can hand them an environment without touching the process's own.
 */
public final class Environment {

    private final String function;
    private final Map<String, String> variables;

    public Environment(String function, Map<String, String> variables) {
        this.function = function;
        this.variables = Map.copyOf(variables);
    }

    /** The value of {@code name}; fails fast, naming the variable and the function, when it is unset or blank. */
    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing environment variable " + name + " for " + function
                    + ": declare it under the function's Environment in template.yaml");
        }
        return value;
    }

    /** The value of {@code name} when set and not blank. */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    /** The function this environment belongs to, for messages. */
    public String function() {
        return function;
    }
}
