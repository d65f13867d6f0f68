package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.cdk.ConfigError;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection's Transformations page {@code /connections/{id}/transformations}: its operations in
 * the order they run after each successful sync, with forms to add, edit, check and delete SQL and
 * dbt steps. A new step is created with {@code operations/create} and attached by appending its id
 * to the connection's {@code operationIds} ({@code connections/update}); deleting detaches it first.
 */
final class TransformationPages implements UiArea {
    private final Routes api;
    private final UiPages pages;

    TransformationPages(Routes api, UiPages pages) {
        this.api = api;
        this.pages = pages;
    }

    @Override
    public void register(UiRoutes routes) {
        routes.get("/connections/{id}/transformations", (ctx, session) -> list(ctx, session, null, null));
        routes.post("/connections/{id}/transformations", this::add);
        routes.get("/connections/{id}/transformations/{operationId}", (ctx, session) -> edit(ctx, session, null,
                Map.of(), null));
        routes.post("/connections/{id}/transformations/{operationId}", this::update);
        routes.post("/connections/{id}/transformations/{operationId}/delete", this::delete);
    }

    private void list(Context ctx, UiSessions.Session session, OperationForm submitted, StepOutcome step) {
        ConnectionView connection;
        try {
            connection = ConnectionStatusPages.connection(api, ctx.pathParam("id"));
        } catch (ApiException.NotFound e) {
            ConnectionStatusPages.notFound(ctx, pages, session);
            return;
        }
        List<Map.Entry<String, OperationForm>> operations = new ArrayList<>();
        for (JsonNode operation : api.call("operations/list", connectionBody(connection.id())).path("operations")) {
            operations.add(Map.entry(operation.path("operationId").asText(), OperationForm.of(operation)));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", session.csrf());
        params.put("connection", connection);
        params.put("operations", operations);
        boolean sqlSent = submitted != null && !submitted.dbt();
        boolean dbtSent = submitted != null && submitted.dbt();
        params.put("sql", sqlSent ? submitted : OperationForm.SQL);
        params.put("dbt", dbtSent ? submitted : OperationForm.DBT);
        params.put("sqlStep", sqlSent ? step : StepOutcome.NONE);
        params.put("dbtStep", dbtSent ? step : StepOutcome.NONE);
        params.put("notice", noticeOf(ctx.queryParam("notice")));
        pages.render(ctx, "connection/transformations", params);
    }

    private void add(Context ctx, UiSessions.Session session) {
        OperationForm form = OperationForm.from(ctx);
        if ("check".equals(ctx.formParam("action"))) {
            list(ctx, session, form, check(form));
            return;
        }
        try {
            JsonNode connection = api.call("connections/get", connectionBody(ctx.pathParam("id")));
            JsonNode source = api.call("sources/get", ApiJson.MAPPER.createObjectNode()
                    .put("sourceId", connection.path("sourceId").asText()));
            ObjectNode create = ApiJson.MAPPER.createObjectNode()
                    .put("workspaceId", source.path("workspaceId").asText()).put("name", form.name());
            create.set("operatorConfiguration", form.operatorConfiguration());
            JsonNode operation = api.call("operations/create", create);
            ArrayNode ids = ((ArrayNode) connection.path("operationIds")).deepCopy();
            ids.add(operation.path("operationId").asText());
            ObjectNode update = connectionBody(ctx.pathParam("id"));
            update.set("operationIds", ids);
            api.call("connections/update", update);
        } catch (ApiException.NotFound e) {
            ConnectionStatusPages.notFound(ctx, pages, session);
            return;
        } catch (ApiException.InvalidInput e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            list(ctx, session, form, StepOutcome.refused(e.errors()));
            return;
        }
        ctx.redirect("/connections/" + ctx.pathParam("id") + "/transformations?notice=added", HttpStatus.SEE_OTHER);
    }

    private void edit(Context ctx, UiSessions.Session session, OperationForm submitted, Map<String, String> errors,
            String checkResult) {
        ConnectionView connection;
        JsonNode operation;
        try {
            connection = ConnectionStatusPages.connection(api, ctx.pathParam("id"));
            operation = attached(connection.id(), ctx.pathParam("operationId"));
        } catch (ApiException.NotFound | ApiException.InvalidInput e) {
            ConnectionStatusPages.notFound(ctx, pages, session);
            return;
        }
        OperationForm form = submitted != null ? submitted : OperationForm.of(operation);
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", session.csrf());
        params.put("connection", connection);
        params.put("operationId", operation.path("operationId").asText());
        params.put("form", form);
        params.put("step", new StepOutcome(errors, checkResult));
        pages.render(ctx, "connection/operation", params);
    }

    private void update(Context ctx, UiSessions.Session session) {
        OperationForm form = OperationForm.from(ctx);
        if ("check".equals(ctx.formParam("action"))) {
            StepOutcome step = check(form);
            edit(ctx, session, form, step.errors(), step.checkResult());
            return;
        }
        try {
            attached(ctx.pathParam("id"), ctx.pathParam("operationId"));
            ObjectNode body = ApiJson.MAPPER.createObjectNode().put("operationId", ctx.pathParam("operationId"))
                    .put("name", form.name());
            body.set("operatorConfiguration", form.operatorConfiguration());
            if (form.name().isEmpty()) {
                throw new ApiException.InvalidInput("name", "is required");
            }
            api.call("operations/update", body);
        } catch (ApiException.NotFound e) {
            ConnectionStatusPages.notFound(ctx, pages, session);
            return;
        } catch (ApiException.InvalidInput e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            edit(ctx, session, form, StepOutcome.refused(e.errors()).errors(), null);
            return;
        }
        ctx.redirect("/connections/" + ctx.pathParam("id") + "/transformations?notice=saved", HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx, UiSessions.Session session) {
        String operationId = ctx.pathParam("operationId");
        try {
            JsonNode connection = api.call("connections/get", connectionBody(ctx.pathParam("id")));
            attached(ctx.pathParam("id"), operationId);
            ArrayNode ids = ApiJson.MAPPER.createArrayNode();
            connection.path("operationIds").forEach(id -> {
                if (!id.asText().equals(operationId)) {
                    ids.add(id);
                }
            });
            ObjectNode update = connectionBody(ctx.pathParam("id"));
            update.set("operationIds", ids);
            api.call("connections/update", update);
            api.call("operations/delete", ApiJson.MAPPER.createObjectNode().put("operationId", operationId));
        } catch (ApiException.NotFound | ApiException.InvalidInput e) {
            ConnectionStatusPages.notFound(ctx, pages, session);
            return;
        }
        ctx.redirect("/connections/" + ctx.pathParam("id") + "/transformations?notice=deleted", HttpStatus.SEE_OTHER);
    }

    /** {@code operations/check} of the form: each problem beside its field, or that the step can run. */
    private StepOutcome check(OperationForm form) {
        ObjectNode body = ApiJson.MAPPER.createObjectNode();
        body.set("operatorConfiguration", form.operatorConfiguration());
        JsonNode result = api.call("operations/check", body);
        if (result.path("status").asText().equals("succeeded")) {
            return new StepOutcome(Map.of(), "Check passed: this step can run.");
        }
        List<ConfigError> problems = new ArrayList<>();
        result.path("validationErrors").forEach(e -> problems.add(new ConfigError(e.path("propertyPath").asText(),
                e.path("message").asText())));
        StepOutcome refused = StepOutcome.refused(problems);
        return new StepOutcome(refused.errors(), "Check failed: " + result.path("message").asText());
    }

    /** The operation, when it is one of the connection's; NotFound otherwise. */
    private JsonNode attached(String connectionId, String operationId) {
        for (JsonNode operation : api.call("operations/list", connectionBody(connectionId)).path("operations")) {
            if (operation.path("operationId").asText().equals(operationId)) {
                return operation;
            }
        }
        throw new ApiException.NotFound("operation", operationId);
    }

    private static String noticeOf(String notice) {
        return notice == null ? null : switch (notice) {
            case "added" -> "The step is added: it runs after each successful sync.";
            case "saved" -> "The step is saved.";
            case "deleted" -> "The step is deleted.";
            default -> null;
        };
    }

    private static ObjectNode connectionBody(String id) {
        return ApiJson.MAPPER.createObjectNode().put("connectionId", id);
    }
}
