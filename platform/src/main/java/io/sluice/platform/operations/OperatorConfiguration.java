package io.sluice.platform.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an {@code operatorConfiguration}: Airbyte's shapes ({@code normalization}, {@code dbt},
 * {@code webhook}) and Sluice's {@code sql}, each problem named by its field:
 * <pre>
 * {operatorType: sql, sql: {statements: "create ...; create ..."}}      one script, split at its semicolons
 * {operatorType: sql, sql: {statements: ["create ...", "create ..."]}}  one statement per item, not split
 * {operatorType: dbt, dbt: {gitRepoUrl, gitRepoBranch, dockerImage, dbtArguments}}
 * </pre>
 */
public final class OperatorConfiguration {
    public static final List<String> OPERATOR_TYPES = List.of("normalization", "dbt", "sql", "webhook");

    private final String prefix;
    private final List<ConfigError> problems = new ArrayList<>();

    private OperatorConfiguration(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The problems of {@code operator}, each field named as {@code <prefix>.<field>}; empty when it
     * can run. Never throws.
     */
    public static List<ConfigError> validate(JsonNode operator, String prefix) {
        OperatorConfiguration reader = new OperatorConfiguration(prefix);
        reader.read("", operator);
        return List.copyOf(reader.problems);
    }

    /** @throws ConnectorException CONFIG naming each field at fault, with the operation's name */
    public static Operation parse(String name, JsonNode operator) {
        OperatorConfiguration reader = new OperatorConfiguration("operatorConfiguration");
        Optional<Operation> operation = reader.read(name, operator);
        if (!reader.problems.isEmpty() || operation.isEmpty()) {
            throw ConnectorException.config("operation '" + name + "' cannot run: " + String.join("; ",
                    reader.problems.stream().map(ConfigError::toString).toList()));
        }
        return operation.get();
    }

    private Optional<Operation> read(String name, JsonNode operator) {
        if (operator == null || !operator.isObject()) {
            problem("", "must be a JSON object");
            return Optional.empty();
        }
        String type = operator.path("operatorType").asText("");
        return switch (type) {
            case "normalization" -> normalization(name, operator.path("normalization"));
            case "dbt" -> dbt(name, object(operator, "dbt"));
            case "sql" -> sql(name, object(operator, "sql"));
            case "webhook" -> Optional.of(new Operation.Webhook(name));
            default -> {
                problem("operatorType", "must be one of: " + String.join(", ", OPERATOR_TYPES));
                yield Optional.empty();
            }
        };
    }

    private Optional<Operation> normalization(String name, JsonNode normalization) {
        if (!normalization.path("option").asText("basic").equals("basic")) {
            problem("normalization.option", "must be basic");
            return Optional.empty();
        }
        return Optional.of(new Operation.Normalization(name));
    }

    private Optional<Operation> sql(String name, JsonNode sql) {
        JsonNode statements = sql.path("statements");
        List<String> list = new ArrayList<>();
        if (statements.isTextual()) {
            try {
                list.addAll(SqlScript.split(statements.asText()));
            } catch (IllegalArgumentException e) {
                problem("sql.statements", e.getMessage());
                return Optional.empty();
            }
        } else if (statements.isArray()) {
            for (int i = 0; i < statements.size(); i++) {
                JsonNode item = statements.get(i);
                if (!item.isTextual() || item.asText().isBlank()) {
                    problem("sql.statements[" + i + "]", "must be a non-empty SQL statement");
                } else {
                    list.add(item.asText().strip());
                }
            }
        } else if (!sql.isMissingNode()) {
            problem("sql.statements", statements.isMissingNode() || statements.isNull() ? "is required"
                    : "must be a string of statements separated by ';' or a list of statements");
            return Optional.empty();
        }
        if (list.isEmpty() && !sql.isMissingNode() && problems.isEmpty()) {
            problem("sql.statements", "holds no statement");
        }
        return problems.isEmpty() ? Optional.of(new Operation.Sql(name, list)) : Optional.empty();
    }

    private Optional<Operation> dbt(String name, JsonNode dbt) {
        if (dbt.isMissingNode()) {
            return Optional.empty();
        }
        String url = text(dbt, "gitRepoUrl").orElse("");
        if (url.isEmpty()) {
            problem("dbt.gitRepoUrl", "is required: an absolute path, a file:// URL or a git URL");
        } else if (!DbtProject.isLocal(url) && !DbtProject.isRemote(url)) {
            problem("dbt.gitRepoUrl", "must be an absolute path, a file:// URL or a git URL (https://, ssh://, "
                    + "git:// or user@host:path)");
        }
        Optional<String> branch = text(dbt, "gitRepoBranch");
        if (branch.isPresent() && (branch.get().startsWith("-") || branch.get().contains(".."))) {
            problem("dbt.gitRepoBranch", "is not a valid branch name");
        }
        List<String> arguments = List.of();
        String raw = text(dbt, "dbtArguments").orElse("");
        if (raw.isEmpty()) {
            problem("dbt.dbtArguments", "is required, e.g. run or run --select stg_customers");
        } else {
            try {
                arguments = DbtArguments.parse(raw);
            } catch (IllegalArgumentException e) {
                problem("dbt.dbtArguments", e.getMessage());
            }
        }
        Optional<String> dockerImage = text(dbt, "dockerImage");
        return problems.isEmpty() ? Optional.of(new Operation.Dbt(name, url, branch, arguments, dockerImage))
                : Optional.empty();
    }

    private JsonNode object(JsonNode operator, String field) {
        JsonNode value = operator.path(field);
        if (!value.isObject()) {
            problem(field, value.isMissingNode() || value.isNull() ? "is required for operatorType " + field
                    : "must be a JSON object");
            return MissingNode.getInstance();
        }
        return value;
    }

    /** A {@code dbt.<field>} string; blank is absent. */
    private Optional<String> text(JsonNode dbt, String field) {
        JsonNode value = dbt.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem("dbt." + field, "must be a string");
            return Optional.empty();
        }
        return Optional.of(value.asText().strip()).filter(s -> !s.isEmpty());
    }

    private void problem(String field, String problem) {
        String full = field.isEmpty() ? prefix : prefix.isEmpty() ? field : prefix + "." + field;
        problems.add(new ConfigError(full, problem));
    }
}
