package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.platform.ui.SpecField.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forms generated from the real specs of built-in connectors, and posted forms read back into their configs. */
class SpecFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConnectorRegistry REGISTRY = ConnectorRegistry.load();

    private static SpecForm source(String name) {
        return SpecForm.of(REGISTRY.source(name).orElseThrow().spec().connectionSpecification());
    }

    private static SpecForm destination(String name) {
        return SpecForm.of(REGISTRY.destination(name).orElseThrow().spec().connectionSpecification());
    }

    private static SpecField field(List<SpecField> fields, String name) {
        return fields.stream().filter(f -> f.path().get(f.path().size() - 1).equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void postgresSourceFieldsFollowTheSpecsOrderWithTitlesKindsAndRequiredMarks() {
        SpecForm form = source("source-postgres");
        assertThat(form.fields()).extracting(f -> f.path().get(0)).containsExactly("host", "port", "database",
                "schemas", "username", "password", "jdbc_url_params", "ssl_mode", "replication_method", "parallelism");
        assertThat(form.fields()).extracting(SpecField::kind).containsExactly(Kind.TEXT, Kind.INTEGER, Kind.TEXT,
                Kind.LIST, Kind.TEXT, Kind.SECRET, Kind.TEXT, Kind.ONE_OF, Kind.ONE_OF, Kind.INTEGER);
        SpecField host = field(form.fields(), "host");
        assertThat(host.label()).isEqualTo("Host");
        assertThat(host.hint()).contains("Hostname of the database.");
        assertThat(host.required()).isTrue();
        assertThat(host.name()).isEqualTo("config.host");
        assertThat(host.id()).isEqualTo("config-host");
        assertThat(field(form.fields(), "password").required()).isFalse();
        assertThat(field(form.fields(), "port").defaultValue()).contains(JSON.valueToTree(5432));
    }

    @Test
    void oneOfGroupsChooseTheirOptionByTheDiscriminatorConstant() {
        SpecField replication = field(source("source-postgres").fields(), "replication_method");
        assertThat(replication.discriminator()).contains("method");
        assertThat(replication.choiceName()).isEqualTo("config.replication_method.method");
        assertThat(replication.choiceId()).isEqualTo("config-replication_method-method");
        assertThat(replication.variants()).extracting(SpecVariant::value).containsExactly("Standard", "CDC");
        assertThat(replication.variants()).extracting(SpecVariant::title)
                .containsExactly("Scan Changes with User Defined Cursor", "Read Changes using Write-Ahead Log (CDC)");
        SpecVariant cdc = replication.variant("CDC").orElseThrow();
        assertThat(cdc.fields()).extracting(f -> f.path().get(1)).containsExactly("method", "plugin",
                "replication_slot", "publication", "initial_waiting_seconds", "lsn_commit_behaviour");
        assertThat(field(cdc.fields(), "method").kind()).isEqualTo(Kind.CONSTANT);
        SpecField slot = field(cdc.fields(), "replication_slot");
        assertThat(slot.name()).isEqualTo("config.replication_method.replication_slot");
        assertThat(slot.id()).isEqualTo("config-replication_method-CDC-replication_slot");
        assertThat(slot.required()).isTrue();
        assertThat(field(cdc.fields(), "lsn_commit_behaviour").kind()).isEqualTo(Kind.ENUM);

        SpecField ssl = field(source("source-postgres").fields(), "ssl_mode");
        assertThat(ssl.variants()).extracting(SpecVariant::value)
                .containsExactly("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
        SpecVariant verifyCa = ssl.variant("verify-ca").orElseThrow();
        SpecField ca = field(verifyCa.fields(), "ca_certificate");
        assertThat(ca.kind()).isEqualTo(Kind.SECRET);
        assertThat(ca.multiline()).isTrue();
        assertThat(ca.id()).isEqualTo("config-ssl_mode-verify-ca-ca_certificate")
                .isNotEqualTo(field(ssl.variant("verify-full").orElseThrow().fields(), "ca_certificate").id());
        assertThat(field(verifyCa.fields(), "client_certificate").kind()).as("airbyte_secret: false").isEqualTo(Kind.TEXT);
        assertThat(source("source-postgres").names()).contains("config.ssl_mode.mode", "config.ssl_mode.ca_certificate",
                "config.replication_method.method", "config.host").doesNotContain("config.ssl_mode");
    }

    @Test
    void defaultsFillTheNewFormIncludingTheDefaultOptionOfEachGroup() throws Exception {
        assertThat(source("source-postgres").defaults()).isEqualTo(json("""
                {"port": 5432, "schemas": ["public"], "ssl_mode": {"mode": "prefer"},
                 "replication_method": {"method": "Standard"}}"""));
        assertThat(source("source-faker").defaults()).isEqualTo(json("""
                {"count": 1000, "seed": -1, "records_per_slice": 1000, "always_updated": true, "parallelism": 1}"""));
        assertThat(destination("destination-duckdb").defaults()).isEqualTo(json("""
                {"schema": "main", "normalization": "basic", "raw_tables": true, "cdc_deletion_mode": "Hard delete"}"""));
        SpecFormView fresh = new SpecFormView(source("source-postgres"), source("source-postgres").defaults(), Map.of(),
                false);
        SpecField ssl = field(source("source-postgres").fields(), "ssl_mode");
        assertThat(fresh.chosen(ssl)).isEqualTo("prefer");
        assertThat(fresh.text(field(source("source-postgres").fields(), "schemas"), true)).isEqualTo("public");
        assertThat(fresh.text(field(source("source-postgres").fields(), "port"), true)).isEqualTo("5432");
        SpecVariant cdc = field(source("source-postgres").fields(), "replication_method").variant("CDC").orElseThrow();
        assertThat(fresh.text(field(cdc.fields(), "initial_waiting_seconds"), false))
                .as("an option not chosen shows its defaults, ready to be chosen").isEqualTo("300");
    }

    @Test
    void postedPostgresFormReadsBackAsTheTypedConfigTheSpecAccepts() throws Exception {
        SpecForm form = source("source-postgres");
        Map<String, List<String>> params = new HashMap<>();
        params.put("config.host", List.of(" 127.0.0.1 "));
        params.put("config.port", List.of("5433"));
        params.put("config.database", List.of("test"));
        params.put("config.schemas", List.of("public\r\nsales\r\n\r\n"));
        params.put("config.username", List.of("postgres"));
        params.put("config.password", List.of("pa ss"));
        params.put("config.jdbc_url_params", List.of(""));
        params.put("config.ssl_mode.mode", List.of("verify-ca"));
        params.put("config.ssl_mode.ca_certificate", List.of("-----BEGIN-----\r\nabc\r\n-----END-----"));
        params.put("config.ssl_mode.client_certificate", List.of(""));
        params.put("config.replication_method.method", List.of("CDC"));
        params.put("config.replication_method.plugin", List.of("pgoutput"));
        params.put("config.replication_method.replication_slot", List.of("slot"));
        params.put("config.replication_method.publication", List.of("pub"));
        params.put("config.replication_method.initial_waiting_seconds", List.of("60"));
        params.put("config.replication_method.lsn_commit_behaviour", List.of("While reading Data"));
        JsonNode config = new SpecFormValues(form).config(params, JSON.createObjectNode());
        assertThat(config).isEqualTo(json("""
                {"host": "127.0.0.1", "port": 5433, "database": "test", "schemas": ["public", "sales"],
                 "username": "postgres", "password": "pa ss",
                 "ssl_mode": {"mode": "verify-ca", "ca_certificate": "-----BEGIN-----\\nabc\\n-----END-----"},
                 "replication_method": {"method": "CDC", "plugin": "pgoutput", "replication_slot": "slot",
                   "publication": "pub", "initial_waiting_seconds": 60,
                   "lsn_commit_behaviour": "While reading Data"}}"""));
        assertThat(ConfigValidator.validate(REGISTRY.source("source-postgres").orElseThrow().spec()
                .connectionSpecification(), config)).isEmpty();

        SpecFormView shown = new SpecFormView(form, config, Map.of(), true);
        assertThat(shown.chosen(field(form.fields(), "replication_method"))).isEqualTo("CDC");
        assertThat(shown.text(field(form.fields(), "schemas"), true)).isEqualTo("public\nsales");
        assertThat(shown.text(field(form.fields(), "password"), true)).as("secrets are never shown").isEmpty();
        assertThat(shown.secretSet(field(form.fields(), "password"))).isTrue();
    }

    @Test
    void switchingToAnotherOptionKeepsOnlyItsFields() throws Exception {
        SpecForm form = source("source-postgres");
        Map<String, List<String>> params = Map.of("config.host", List.of("db"), "config.replication_method.method",
                List.of("Standard"), "config.replication_method.replication_slot", List.of("left over"),
                "config.ssl_mode.mode", List.of("disable"));
        assertThat(new SpecFormValues(form).config(params, JSON.createObjectNode())).isEqualTo(json("""
                {"host": "db", "ssl_mode": {"mode": "disable"}, "replication_method": {"method": "Standard"}}"""));
    }

    @Test
    void fakerNumbersAndBooleansRoundTrip() throws Exception {
        SpecForm form = source("source-faker");
        JsonNode expected = json("""
                {"count": 250, "seed": -1, "records_per_slice": 50, "always_updated": false, "parallelism": 1}""");
        Map<String, List<String>> params = Map.of("config.count", List.of("250"), "config.seed", List.of("-1"),
                "config.records_per_slice", List.of("50"), "config.always_updated", List.of("false"),
                "config.parallelism", List.of("1"));
        assertThat(new SpecFormValues(form).config(params, JSON.createObjectNode())).isEqualTo(expected);
        Map<String, List<String>> checked = new HashMap<>(params);
        checked.put("config.always_updated", List.of("false", "true"));
        assertThat(new SpecFormValues(form).config(checked, JSON.createObjectNode()).path("always_updated")
                .asBoolean()).as("hidden false, then the checked box").isTrue();
        SpecFormView view = new SpecFormView(form, expected, Map.of(), false);
        assertThat(view.text(field(form.fields(), "count"), true)).isEqualTo("250");
        assertThat(view.checked(field(form.fields(), "always_updated"), true)).isFalse();
    }

    @Test
    void aValueThatDoesNotParseStaysTextForTheValidatorToName() throws Exception {
        SpecForm form = source("source-faker");
        JsonNode config = new SpecFormValues(form).config(Map.of("config.count", List.of("many"),
                "config.seed", List.of("1.5")), JSON.createObjectNode());
        assertThat(config).isEqualTo(json("{\"count\": \"many\", \"seed\": \"1.5\"}"));
        assertThat(ConfigValidator.validate(REGISTRY.source("source-faker").orElseThrow().spec()
                .connectionSpecification(), config)).extracting(e -> e.field()).contains("count", "seed");
    }

    @Test
    void enumsBecomeSelectsAndTheirValuesStayTyped() throws Exception {
        SpecForm form = destination("destination-duckdb");
        SpecField normalization = field(form.fields(), "normalization");
        assertThat(normalization.kind()).isEqualTo(Kind.ENUM);
        assertThat(normalization.options()).extracting(JsonNode::asText).containsExactly("basic", "none");
        SpecFormView view = new SpecFormView(form, form.defaults(), Map.of(), false);
        assertThat(view.selected(normalization, JSON.valueToTree("basic"), true)).isTrue();
        assertThat(view.emptyOption(normalization)).isFalse();
        Map<String, List<String>> params = Map.of("config.destination_path", List.of("/tmp/x.duckdb"),
                "config.schema", List.of("main"), "config.normalization", List.of("none"),
                "config.raw_tables", List.of("false", "true"), "config.cdc_deletion_mode", List.of("Soft delete"));
        assertThat(new SpecFormValues(form).config(params, JSON.createObjectNode())).isEqualTo(json("""
                {"destination_path": "/tmp/x.duckdb", "schema": "main", "normalization": "none", "raw_tables": true,
                 "cdc_deletion_mode": "Soft delete"}"""));
    }

    @Test
    void anEmptySecretKeepsTheStoredOneAndANewFormLeavesItOut() throws Exception {
        SpecForm form = destination("destination-postgres");
        SpecField password = field(form.fields(), "password");
        assertThat(password.kind()).isEqualTo(Kind.SECRET);
        JsonNode stored = json("{\"host\": \"h\", \"password\": \"**********\"}");
        Map<String, List<String>> blank = Map.of("config.host", List.of("h"), "config.password", List.of(""));
        assertThat(new SpecFormValues(form).config(blank, stored).path("password").asText()).isEqualTo("**********");
        assertThat(new SpecFormValues(form).config(blank, JSON.createObjectNode()).has("password")).isFalse();
        assertThat(new SpecFormValues(form).config(Map.of("config.password", List.of("new one")), stored)
                .path("password").asText()).isEqualTo("new one");
        assertThat(new SpecFormView(form, stored, Map.of(), true).secretSet(password)).isTrue();
        assertThat(new SpecFormView(form, stored, Map.of(), true).describedBy(password, true))
                .isEqualTo("config-password-hint config-password-state");
        assertThat(new SpecFormView(form, json("{}"), Map.of(), true).secretSet(password)).isFalse();
    }

    @Test
    void errorsShowOnlyBesideFieldsOfTheChosenOption() {
        SpecForm form = source("source-postgres");
        SpecField replication = field(form.fields(), "replication_method");
        SpecField slot = field(replication.variant("CDC").orElseThrow().fields(), "replication_slot");
        SpecFormView view = new SpecFormView(form, form.defaults(),
                Map.of("config.replication_method.replication_slot", "is required"), false);
        assertThat(view.error(slot.name(), true)).isEqualTo("is required");
        assertThat(view.error(slot.name(), false)).isNull();
        assertThat(view.describedBy(slot, true))
                .isEqualTo("config-replication_method-CDC-replication_slot-hint config-replication_method-CDC-replication_slot-error");
    }

    @Test
    void idsAreSafeInCssSelectors() {
        assertThat(SpecForm.idSafe("a b.c\"d")).isEqualTo("a_b_c_d");
        assertThat(SpecForm.of(JSON.createObjectNode().set("properties", JSON.createObjectNode()
                .set("odd key", JSON.createObjectNode().put("type", "string")))).fields().get(0).id())
                .isEqualTo("config-odd_key");
    }
}
