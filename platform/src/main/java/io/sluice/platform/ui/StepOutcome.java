package io.sluice.platform.ui;

import io.sluice.cdk.ConfigError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of a submitted step form: field errors by form field ({@code form} for the rest),
 * and the outcome of a Check.
 */
public record StepOutcome(Map<String, String> errors, String checkResult) {
    static final StepOutcome NONE = new StepOutcome(Map.of(), null);

    public StepOutcome {
        errors = Map.copyOf(errors);
    }

    static StepOutcome refused(List<ConfigError> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConfigError problem : problems) {
            errors.merge(OperationForm.field(problem.field()), capitalised(problem.problem()) + ".",
                    (a, b) -> a + " " + b);
        }
        return new StepOutcome(errors, null);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
