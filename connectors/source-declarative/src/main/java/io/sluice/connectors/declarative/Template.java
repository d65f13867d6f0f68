package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A manifest string that may hold Jinja ({@code "{{ config['start_date'] }}"}), with the
 * {@code $parameters} of the component it belongs to and its place in the manifest for errors.
 */
record Template(Templates engine, String source, String path, Map<String, Object> parameters) {

    Template {
        requireNonNull(engine, "engine");
        requireNonNull(source, "source");
        requireNonNull(path, "path");
        parameters = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(parameters));
    }

    /** The value: an expression's own value for a single {@code {{ ... }}}, else the rendered text. */
    Object value(TemplateVars vars) {
        return engine.evaluate(source, vars.with("parameters", parameters).values(), path);
    }

    /** The value as text (empty for none). */
    String text(TemplateVars vars) {
        return TemplateValues.text(value(vars));
    }

    /** Whether a condition holds ({@code "{{ record.status == 'active' }}"}). */
    boolean test(TemplateVars vars) {
        return Templates.truthy(value(vars));
    }
}
