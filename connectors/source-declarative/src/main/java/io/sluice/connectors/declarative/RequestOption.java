package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where a value goes in a request ({@code RequestOption}): a query parameter, a header, a field
 * of a JSON body or of a form body, under {@code field_name}; or, for {@code RequestPath}, the
 * request path itself (a next-page URL).
 */
record RequestOption(Target target, Optional<Template> fieldName) {

    enum Target {
        REQUEST_PARAMETER, HEADER, BODY_JSON, BODY_DATA, PATH
    }

    RequestOption {
        requireNonNull(target, "target");
        requireNonNull(fieldName, "fieldName");
    }

    static RequestOption from(ManifestNode node, ComponentContext context) {
        if (node.type().equals("RequestPath")) {
            return new RequestOption(Target.PATH, Optional.empty());
        }
        if (!node.type().equals("RequestOption") && !node.type().isEmpty()) {
            throw node.error("expected a RequestOption or RequestPath, got type '" + node.type() + "'");
        }
        String injectInto = node.text("inject_into");
        Target target = switch (injectInto) {
            case "request_parameter" -> Target.REQUEST_PARAMETER;
            case "header" -> Target.HEADER;
            case "body_json" -> Target.BODY_JSON;
            case "body_data" -> Target.BODY_DATA;
            case "path" -> Target.PATH;
            default -> throw node.field("inject_into").error("must be request_parameter, header, body_json or "
                    + "body_data, got '" + injectInto + "'");
        };
        if (target == Target.PATH) {
            return new RequestOption(target, Optional.empty());
        }
        ManifestNode name = node.optional("field_name").orElseGet(() -> node.required("field_path"));
        String fieldName = name.node().isArray() ? name.node().path(name.node().size() - 1).asText() : name.node().asText();
        return new RequestOption(target, Optional.of(context.template(fieldName, name.path(), node)));
    }

    /** Puts {@code value} where this option says. */
    void inject(RequestParts parts, Object value, TemplateVars vars) {
        if (target == Target.PATH) {
            parts.path(TemplateValues.text(value));
            return;
        }
        String name = fieldName.orElseThrow().text(vars);
        switch (target) {
            case REQUEST_PARAMETER -> parts.param(name, TemplateValues.text(value));
            case HEADER -> parts.header(name, TemplateValues.text(value));
            case BODY_JSON -> parts.jsonField(name, value);
            case BODY_DATA -> parts.formField(name, TemplateValues.text(value));
            case PATH -> throw new IllegalStateException("handled above");
        }
    }
}
