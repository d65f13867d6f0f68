package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sluice.platform.api.ApiJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The form of an SQL or dbt step on a connection's Transformations page, and the
 * {@code operatorConfiguration} it stands for ({@code {operatorType: sql, sql: {statements}}} or
 * {@code {operatorType: dbt, dbt: {gitRepoUrl, gitRepoBranch, dbtArguments}}}).
 *
 * @param kind {@code sql} or {@code dbt}
 */
public record OperationForm(String kind, String name, String statements, String gitRepoUrl, String gitRepoBranch,
        String dbtArguments) {
    public static final OperationForm SQL = new OperationForm("sql", "", "", "", "", "");
    public static final OperationForm DBT = new OperationForm("dbt", "", "", "", "", "run");

    static OperationForm from(Context ctx) {
        return new OperationForm("dbt".equals(ctx.formParam("kind")) ? "dbt" : "sql", text(ctx, "name"),
                raw(ctx, "statements"), text(ctx, "gitRepoUrl"), text(ctx, "gitRepoBranch"), text(ctx, "dbtArguments"));
    }

    /** The form of a stored operation ({@code OperationRead}); a list of statements shows one per line. */
    static OperationForm of(JsonNode operation) {
        JsonNode operator = operation.path("operatorConfiguration");
        String name = operation.path("name").asText();
        if (operator.path("operatorType").asText().equals("dbt")) {
            JsonNode dbt = operator.path("dbt");
            return new OperationForm("dbt", name, "", dbt.path("gitRepoUrl").asText(""),
                    dbt.path("gitRepoBranch").asText(""), dbt.path("dbtArguments").asText(""));
        }
        JsonNode statements = operator.path("sql").path("statements");
        String text = statements.asText("");
        if (statements.isArray()) {
            List<String> list = new ArrayList<>();
            statements.forEach(s -> list.add(s.asText()));
            text = String.join(";\n", list) + ";";
        }
        return new OperationForm("sql", name, text, "", "", "");
    }

    ObjectNode operatorConfiguration() {
        ObjectNode operator = ApiJson.MAPPER.createObjectNode().put("operatorType", kind);
        if (kind.equals("dbt")) {
            ObjectNode dbt = operator.putObject("dbt").put("gitRepoUrl", gitRepoUrl).put("dbtArguments", dbtArguments);
            if (!gitRepoBranch.isEmpty()) {
                dbt.put("gitRepoBranch", gitRepoBranch);
            }
        } else {
            operator.putObject("sql").put("statements", statements);
        }
        return operator;
    }

    /** The form field an API error's field belongs to ({@code operatorConfiguration.sql.statements} → statements). */
    static String field(String apiField) {
        String field = apiField.startsWith("operatorConfiguration.")
                ? apiField.substring("operatorConfiguration.".length()) : apiField;
        if (field.equals("name")) {
            return "name";
        }
        if (field.startsWith("sql.statements")) {
            return "statements";
        }
        for (String dbtField : List.of("gitRepoUrl", "gitRepoBranch", "dbtArguments")) {
            if (field.equals("dbt." + dbtField)) {
                return dbtField;
            }
        }
        return "form";
    }

    public boolean dbt() {
        return kind.equals("dbt");
    }

    private static String text(Context ctx, String field) {
        return raw(ctx, field).strip();
    }

    private static String raw(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
