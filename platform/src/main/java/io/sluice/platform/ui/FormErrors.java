package io.sluice.platform.ui;

import io.sluice.cdk.ConfigError;
import io.sluice.platform.api.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the API's field errors into a form's: each goes to the input that holds the field, and
 * the ones no input holds to {@value #FORM}, shown above the form.
 */
final class FormErrors {
    /** The key of errors that belong to no single input. */
    static final String FORM = "form";

    private FormErrors() {}

    /**
     * @param inputOf the input id of an API field, or {@code null} when no input holds it
     */
    static Map<String, String> of(ApiException.InvalidInput invalid, Function<String, String> inputOf) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConfigError error : invalid.errors()) {
            String input = inputOf.apply(error.field());
            if (input == null) {
                errors.merge(FORM, error.field() + " " + error.problem(), (a, b) -> a + "; " + b);
            } else {
                errors.putIfAbsent(input, sentence(error.problem()));
            }
        }
        return errors;
    }

    /** {@code must be an http(s) URL} as {@code Must be an http(s) URL.} */
    static String sentence(String problem) {
        if (problem.isEmpty()) {
            return problem;
        }
        String text = Character.toUpperCase(problem.charAt(0)) + problem.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
