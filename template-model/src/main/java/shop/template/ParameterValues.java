package shop.template;

import java.util.Map;

/**
 * The values a deployment gives the template's parameters (a deploy's {@code --parameter-overrides}), and how a user
 * gives one, for the error that names a parameter left without a value.
 *
 * @param howToGive advice for a parameter without value or {@code Default}; {@code %s} stands for its name
 */
public record ParameterValues(Map<String, String> given, String howToGive) {

    public ParameterValues {
        given = Map.copyOf(given);
    }
}
