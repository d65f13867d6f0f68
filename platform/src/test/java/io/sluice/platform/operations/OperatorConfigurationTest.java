package io.sluice.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorConfigurationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<ConfigError> problems(String text) {
        return OperatorConfiguration.validate(json(text), "operatorConfiguration");
    }

    @Test
    void sqlStatementsAsOneScriptOrAsAList() {
        assertThat(OperatorConfiguration.parse("stg", json("""
                {"operatorType": "sql", "sql": {"statements": "create view a as select 1; create view b as select 2;"}}
                """))).isEqualTo(new Operation.Sql("stg", List.of("create view a as select 1",
                "create view b as select 2")));
        assertThat(OperatorConfiguration.parse("stg", json("""
                {"operatorType": "sql", "sql": {"statements": ["select 'a;b'", " select 2 "]}}
                """))).isEqualTo(new Operation.Sql("stg", List.of("select 'a;b'", "select 2")));
    }

    @Test
    void sqlProblemsNameTheirField() {
        assertThat(problems("{\"operatorType\": \"sql\"}"))
                .containsExactly(new ConfigError("operatorConfiguration.sql", "is required for operatorType sql"));
        assertThat(problems("{\"operatorType\": \"sql\", \"sql\": {}}"))
                .containsExactly(new ConfigError("operatorConfiguration.sql.statements", "is required"));
        assertThat(problems("{\"operatorType\": \"sql\", \"sql\": {\"statements\": \" -- nothing\"}}"))
                .containsExactly(new ConfigError("operatorConfiguration.sql.statements", "holds no statement"));
        assertThat(problems("{\"operatorType\": \"sql\", \"sql\": {\"statements\": [\"select 1\", 7]}}"))
                .containsExactly(new ConfigError("operatorConfiguration.sql.statements[1]",
                        "must be a non-empty SQL statement"));
        assertThat(problems("{\"operatorType\": \"sql\", \"sql\": {\"statements\": \"select 'x\"}}"))
                .extracting(ConfigError::field).containsExactly("operatorConfiguration.sql.statements");
    }

    @Test
    void dbtInAirbytesShape() {
        Operation operation = OperatorConfiguration.parse("dbt", json("""
                {"operatorType": "dbt", "dbt": {"gitRepoUrl": "https://github.com/acme/analytics.git",
                 "gitRepoBranch": "main", "dockerImage": "fishtownanalytics/dbt:1.0.0",
                 "dbtArguments": "run --select stg_customers"}}"""));
        assertThat(operation).isEqualTo(new Operation.Dbt("dbt", "https://github.com/acme/analytics.git",
                Optional.of("main"), List.of("run", "--select", "stg_customers"),
                Optional.of("fishtownanalytics/dbt:1.0.0")));
        assertThat(problems("""
                {"operatorType": "dbt", "dbt": {"gitRepoUrl": "/srv/dbt/analytics", "dbtArguments": "test"}}""")).isEmpty();
        assertThat(problems("""
                {"operatorType": "dbt", "dbt": {"gitRepoUrl": "file:///srv/dbt/analytics", "dbtArguments": "test"}}"""))
                .isEmpty();
        assertThat(problems("""
                {"operatorType": "dbt", "dbt": {"gitRepoUrl": "git@github.com:acme/a.git", "dbtArguments": "run"}}"""))
                .isEmpty();
    }

    @Test
    void dbtProblemsNameTheirField() {
        assertThat(problems("{\"operatorType\": \"dbt\", \"dbt\": {}}")).extracting(ConfigError::field)
                .containsExactly("operatorConfiguration.dbt.gitRepoUrl", "operatorConfiguration.dbt.dbtArguments");
        assertThat(problems("""
                {"operatorType": "dbt", "dbt": {"gitRepoUrl": "analytics", "gitRepoBranch": "--upload-pack=x",
                 "dbtArguments": "run --profiles-dir /etc", "dockerImage": 3}}"""))
                .extracting(ConfigError::field).containsExactly("operatorConfiguration.dbt.gitRepoUrl",
                        "operatorConfiguration.dbt.gitRepoBranch", "operatorConfiguration.dbt.dbtArguments",
                        "operatorConfiguration.dbt.dockerImage");
    }

    @Test
    void unknownTypesAndNormalizationOptions() {
        assertThat(problems("{\"operatorType\": \"magic\"}")).containsExactly(new ConfigError(
                "operatorConfiguration.operatorType", "must be one of: normalization, dbt, sql, webhook"));
        assertThat(problems("{\"operatorType\": \"normalization\", \"normalization\": {\"option\": \"fancy\"}}"))
                .extracting(ConfigError::field).containsExactly("operatorConfiguration.normalization.option");
        assertThat(OperatorConfiguration.parse("n", json("{\"operatorType\": \"normalization\"}")))
                .isEqualTo(new Operation.Normalization("n"));
    }

    @Test
    void parsingAnInvalidStoredOperationIsAConfigErrorWithItsName() {
        assertThatThrownBy(() -> OperatorConfiguration.parse("stg_customers", json("{\"operatorType\": \"sql\"}")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).isEqualTo("operation 'stg_customers' cannot run: "
                            + "operatorConfiguration.sql is required for operatorType sql");
                });
    }
}
