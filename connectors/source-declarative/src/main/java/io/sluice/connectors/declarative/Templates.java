package io.sluice.connectors.declarative;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja interpolation of manifest strings with jinjava, with Airbyte's macros ({@code now_utc()},
 * {@code today_utc()}, {@code day_delta()}, {@code format_datetime()}, {@code max()}, {@code min()},
 * {@code str_to_datetime()}, {@code timestamp()}). A string that is one {@code {{ expression }}}
 * evaluates to the expression's value (a number stays a number, a list a list), as Airbyte's
 * literal evaluation of interpolated strings does; anything else renders to text. Thread-safe.
 */
final class Templates {
    private static final Pattern SINGLE_EXPRESSION = Pattern.compile("^\\s*\\{\\{(.*)}}\\s*$", Pattern.DOTALL);

    private final Jinjava jinjava;

    Templates() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(false)
                .withNestedInterpretationEnabled(false)
                .withMaxOutputSize(10_000_000)
                .build();
        jinjava = new Jinjava(config);
        register("now_utc", "nowUtc");
        register("today_utc", "todayUtc");
        register("day_delta", "dayDelta", Object[].class);
        register("format_datetime", "formatDatetime", Object[].class);
        register("max", "max", Object[].class);
        register("min", "min", Object[].class);
        register("str_to_datetime", "strToDatetime", Object.class);
        register("timestamp", "timestamp", Object.class);
    }

    private void register(String name, String method, Class<?>... parameters) {
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", name, Macros.class, method, parameters));
    }

    static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%");
    }

    /**
     * The value of a template: the expression's own value for a single {@code {{ ... }}}, else the
     * rendered text. Plain text comes back as it is.
     *
     * @throws ConnectorException CONFIG naming {@code path} when the template is broken
     */
    Object evaluate(String template, Map<String, Object> context, String path) {
        if (!isTemplate(template)) {
            return template;
        }
        Matcher single = SINGLE_EXPRESSION.matcher(template);
        if (single.matches() && !single.group(1).contains("}}") && !single.group(1).contains("{{")) {
            return expression(single.group(1), context, path);
        }
        return render(template, context, path);
    }

    /** The rendered text of a template. */
    String render(String template, Map<String, Object> context, String path) {
        if (!isTemplate(template)) {
            return template;
        }
        RenderResult result = jinjava.renderForResult(template, new HashMap<>(context));
        failOnErrors(result.getErrors(), template, path);
        return result.getOutput();
    }

    /**
     * Refuses a template that cannot parse (unbalanced braces, a broken expression, an unknown
     * macro), naming its place in the manifest. Values are not needed: unknown names render empty.
     */
    void check(String template, String path) {
        if (!isTemplate(template)) {
            return;
        }
        if (count(template, "{{") != count(template, "}}") || count(template, "{%") != count(template, "%}")) {
            throw ManifestNode.at(path, "bad template '" + template + "': unbalanced {{ }} or {% %}");
        }
        RenderResult result = jinjava.renderForResult(template, new HashMap<>());
        for (TemplateError error : result.getErrors()) {
            boolean syntax = error.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR
                    || error.getReason() == TemplateError.ErrorReason.UNKNOWN
                    || String.valueOf(error.getMessage()).contains("Could not resolve function");
            boolean macroFailedOnEmptyValues = String.valueOf(error.getMessage()).startsWith("Error invoking function");
            if (syntax && !macroFailedOnEmptyValues && error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw ManifestNode.at(path, "bad template '" + template + "': " + error.getMessage());
            }
        }
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            n++;
        }
        return n;
    }

    /** Whether a condition template ({@code "{{ not response.has_more }}"}) holds. */
    boolean condition(String template, Map<String, Object> context, String path) {
        Object value = evaluate(template, context, path);
        return truthy(value);
    }

    static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> !s.isBlank() && !s.equalsIgnoreCase("false") && !s.equals("None") && !s.equals("0");
            case java.util.Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    private Object expression(String expression, Map<String, Object> context, String path) {
        Context scope = new Context(jinjava.getGlobalContext(), new HashMap<>(context));
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, scope, jinjava.getGlobalConfig());
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Object value = interpreter.resolveELExpression(expression.strip(), 1);
            failOnErrors(interpreter.getErrors(), "{{" + expression + "}}", path);
            return TemplateValues.plain(value);
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConnectorException(FailureKind.CONFIG, "Manifest error at " + path + ": the template '"
                    + "{{" + expression + "}}' failed: " + e.getMessage(), e);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    private static void failOnErrors(List<TemplateError> errors, String template, String path) {
        for (TemplateError error : errors) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw ManifestNode.at(path, "bad template '" + template + "': " + error.getMessage());
            }
        }
    }
}
