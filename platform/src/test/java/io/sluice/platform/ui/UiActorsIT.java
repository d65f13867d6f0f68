package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.connectors.ConnectorDefinition;
import io.sluice.platform.secrets.SecretCipher;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sources and Destinations pages over plain HTTP: the lists, the catalogue, forms generated from
 * real connector specs posted and checked through the API, field errors, secrets kept on edit,
 * Test connection against the local PostgreSQL, and delete with its confirmation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiActorsIT {
    static final String FAKER = ConnectorDefinition.builtInId(ActorType.SOURCE, "source-faker").toString();
    static final String SOURCE_POSTGRES = ConnectorDefinition.builtInId(ActorType.SOURCE, "source-postgres").toString();
    static final String DUCKDB = ConnectorDefinition.builtInId(ActorType.DESTINATION, "destination-duckdb").toString();
    static final String POSTGRES = ConnectorDefinition.builtInId(ActorType.DESTINATION, "destination-postgres").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    Path dir;
    SluiceServer server;
    UiBrowser browser;
    String workspaceId;

    @BeforeAll
    void start(@TempDir Path tempDir) {
        dir = tempDir;
        server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of()).withDataDir(dir.resolve("data"))
                .withPorts(0, 0));
        browser = new UiBrowser(server.uiPort()).setUp("admin@example.org", "correct horse 1");
        workspaceId = api("workspaces/list", "{}").path("workspaces").get(0).path("workspaceId").asText();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode api(String call, String json) {
        return UiBrowser.api(server.apiPort(), call, json);
    }

    private JsonNode list(String side) {
        return api(side + "s/list", "{\"workspaceId\": \"" + workspaceId + "\"}").path(side + "s");
    }

    private JsonNode named(String side, String name) {
        for (JsonNode actor : list(side)) {
            if (actor.path("name").asText().equals(name)) {
                return actor;
            }
        }
        return JSON.missingNode();
    }

    private Map<String, String> form(String path, String... pairs) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", browser.csrf(path)));
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private Map<String, String> fakerForm(String name, String count) {
        return form("/sources/new/" + FAKER, "name", name, "config.count", count, "config.seed", "7",
                "config.records_per_slice", "100", "config.always_updated", "false", "config.parallelism", "1");
    }

    private Map<String, String> postgresDestinationForm(String path, String name, String port, String password) {
        return form(path, "name", name, "config.host", "127.0.0.1", "config.port", port, "config.database", "test",
                "config.schema", "public", "config.username", "postgres", "config.password", password,
                "config.ssl_mode.mode", "disable", "config.normalization", "basic", "config.raw_tables", "true",
                "config.copy_format", "binary", "config.cdc_deletion_mode", "Hard delete");
    }

    @Test
    @Order(1)
    void listsAndTheCatalogue() {
        HttpResponse<String> sources = browser.get("/sources");
        assertThat(sources.statusCode()).isEqualTo(200);
        String sample = named("source", "Sample data (Faker)").path("sourceId").asText();
        assertThat(sources.body()).contains("id=\"new-source\"", "href=\"/sources/new\"",
                "<a href=\"/sources/" + sample + "\">Sample data (Faker)</a>", "<td>source-faker</td>")
                .doesNotContain("Coming soon");
        assertThat(browser.get("/destinations").body()).contains("id=\"new-destination\"", "Local DuckDB",
                "destination-duckdb");

        String catalogue = browser.get("/sources/new").body();
        assertThat(catalogue).contains("id=\"connector-search\"", "<label for=\"connector-search\">",
                "href=\"/sources/new/" + FAKER + "\" id=\"connector-source-faker\"",
                "href=\"/sources/new/" + SOURCE_POSTGRES + "\"").doesNotContain("destination-duckdb");
        assertThat(browser.get("/destinations/new").body()).contains("href=\"/destinations/new/" + DUCKDB + "\"")
                .doesNotContain("source-faker");
        assertThat(browser.get("/sources/new/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(browser.get("/sources/not-an-id").statusCode()).isEqualTo(404);
        assertThat(browser.get("/sources/new/" + DUCKDB).statusCode()).as("a destination's connector").isEqualTo(404);
    }

    @Test
    @Order(2)
    void theFakerFormCreatesASource() throws Exception {
        String page = browser.get("/sources/new/" + FAKER).body();
        assertThat(page).contains("<label for=\"name\">", "id=\"config-count\"", "name=\"config.count\"",
                "value=\"1000\"", "<label for=\"config-count\">Count", "id=\"config-count-hint\"",
                "type=\"checkbox\" id=\"config-always_updated\"", "id=\"test-connection\"");
        assertThat(page.indexOf("config-count")).isLessThan(page.indexOf("config-seed"));

        HttpResponse<String> created = browser.post("/sources/new/" + FAKER, fakerForm("UI faker", "250"));
        assertThat(created.statusCode()).isEqualTo(303);
        JsonNode source = named("source", "UI faker");
        String id = source.path("sourceId").asText();
        assertThat(UiBrowser.location(created)).isEqualTo("/sources/" + id + "?created");
        assertThat(source.path("connectionConfiguration")).isEqualTo(JSON.readTree("""
                {"count": 250, "seed": 7, "records_per_slice": 100, "always_updated": false, "parallelism": 1}"""));
        String edit = browser.get(UiBrowser.location(created)).body();
        assertThat(edit).contains("The source has been created.", "value=\"UI faker\"", "value=\"250\"", "id=\"delete\"");
    }

    @Test
    @Order(3)
    void theDuckDbFormCreatesADestination() throws Exception {
        Path file = dir.resolve("ui dest").resolve("ui.duckdb");
        HttpResponse<String> created = browser.post("/destinations/new/" + DUCKDB, form("/destinations/new/" + DUCKDB,
                "name", "UI duck", "config.destination_path", file.toString(), "config.schema", "main",
                "config.normalization", "basic", "config.raw_tables", "true", "config.cdc_deletion_mode", "Hard delete"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        JsonNode destination = named("destination", "UI duck");
        assertThat(UiBrowser.location(created)).isEqualTo("/destinations/" + destination.path("destinationId").asText()
                + "?created");
        assertThat(destination.path("connectionConfiguration")).isEqualTo(JSON.readTree("""
                {"destination_path": "%s", "schema": "main", "normalization": "basic", "raw_tables": true,
                 "cdc_deletion_mode": "Hard delete"}""".formatted(file.toString().replace("\\", "\\\\"))));
    }

    @Test
    @Order(4)
    void aBadValueIsShownBesideItsFieldAndNothingIsCreated() {
        int before = list("source").size();
        HttpResponse<String> bad = browser.post("/sources/new/" + FAKER, fakerForm("bad faker", "many"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"config-count-error\"", "aria-invalid=\"true\"", "value=\"many\"",
                "value=\"bad faker\"", "id=\"problems\"").doesNotContain("id=\"config-seed-error\"");
        assertThat(bad.body()).containsPattern("id=\"config-count\"[^>]*aria-describedby=\"config-count-hint config-count-error\"");
        HttpResponse<String> tooBig = browser.post("/sources/new/" + FAKER, fakerForm("big faker", "0"));
        assertThat(tooBig.body()).contains("id=\"config-count-error\"", "must be &gt;= 1");
        HttpResponse<String> noName = browser.post("/sources/new/" + FAKER, fakerForm("", "5"));
        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(noName.body()).contains("id=\"name-error\"");
        assertThat(list("source").size()).isEqualTo(before);

        String path = "/sources/new/" + SOURCE_POSTGRES;
        HttpResponse<String> cdc = browser.post(path, form(path, "name", "pg cdc", "config.host", "127.0.0.1",
                "config.port", "5432", "config.database", "test", "config.username", "postgres",
                "config.ssl_mode.mode", "disable", "config.replication_method.method", "CDC",
                "config.replication_method.publication", "pub"));
        assertThat(cdc.statusCode()).isEqualTo(422);
        assertThat(cdc.body()).contains("id=\"config-replication_method-CDC-replication_slot-error\"")
                .containsPattern("<option value=\"CDC\" selected>");
        assertThat(list("source").size()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aOneOfChoiceIsStoredWithItsDiscriminator() throws Exception {
        String path = "/sources/new/" + SOURCE_POSTGRES;
        String page = browser.get(path).body();
        assertThat(page).contains("id=\"config-replication_method-method\"", "name=\"config.replication_method.method\"",
                "id=\"config-replication_method-CDC-replication_slot\"", "id=\"config-password\"", "type=\"password\"",
                "<option value=\"prefer\" selected>");
        assertThat(browser.post(path, form(path, "name", "pg cdc", "config.host", "127.0.0.1", "config.port", "5432",
                "config.database", "test", "config.schemas", "public\r\nsales", "config.username", "postgres",
                "config.ssl_mode.mode", "disable", "config.replication_method.method", "CDC",
                "config.replication_method.plugin", "pgoutput", "config.replication_method.replication_slot", "slot",
                "config.replication_method.publication", "pub", "config.replication_method.initial_waiting_seconds",
                "30")).statusCode()).isEqualTo(303);
        assertThat(named("source", "pg cdc").path("connectionConfiguration")).isEqualTo(JSON.readTree("""
                {"host": "127.0.0.1", "port": 5432, "database": "test", "schemas": ["public", "sales"],
                 "username": "postgres", "ssl_mode": {"mode": "disable"},
                 "replication_method": {"method": "CDC", "plugin": "pgoutput", "replication_slot": "slot",
                   "publication": "pub", "initial_waiting_seconds": 30}}"""));
    }

    @Test
    @Order(6)
    void editKeepsASecretLeftEmpty() throws Exception {
        String path = "/destinations/new/" + POSTGRES;
        HttpResponse<String> created = browser.post(path, postgresDestinationForm(path, "warehouse", "5432", "s3cret-Pw!"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String id = named("destination", "warehouse").path("destinationId").asText();
        String edit = browser.get("/destinations/" + id).body();
        assertThat(edit).contains("id=\"config-password-state\"", "<strong>set</strong>").doesNotContain("s3cret-Pw!");

        Map<String, String> changed = postgresDestinationForm("/destinations/" + id, "warehouse 2", "5432", "");
        changed.put("config.schema", "analytics");
        HttpResponse<String> saved = browser.post("/destinations/" + id, changed);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(UiBrowser.location(saved)).isEqualTo("/destinations/" + id + "?saved");
        JsonNode destination = named("destination", "warehouse 2");
        assertThat(destination.path("connectionConfiguration").path("schema").asText()).isEqualTo("analytics");
        assertThat(storedSecret(id)).isEqualTo("s3cret-Pw!");
        assertThat(browser.get("/destinations/" + id + "?saved").body()).contains("Your changes have been saved.");

        HttpResponse<String> blankName = browser.post("/destinations/" + id,
                postgresDestinationForm("/destinations/" + id, "", "5432", ""));
        assertThat(blankName.statusCode()).isEqualTo(422);
        assertThat(blankName.body()).contains("id=\"name-error\"");
        browser.post("/destinations/" + id, postgresDestinationForm("/destinations/" + id, "warehouse 2", "5432", "n3w"));
        assertThat(storedSecret(id)).isEqualTo("n3w");
    }

    private String storedSecret(String actorId) throws Exception {
        String stored = server.database().jdbi().withHandle(h -> h.createQuery("select configuration from actor where id = :id")
                .bind("id", UUID.fromString(actorId)).mapTo(String.class).one());
        return SecretCipher.load(Optional.empty(), dir.resolve("data")).decrypt(JSON.readTree(stored).path("password")
                .asText());
    }

    @Test
    @Order(7)
    void testConnectionAnswersWithTheConnectorsOwnMessage() {
        String path = "/destinations/new/" + POSTGRES;
        HttpResponse<String> ok = browser.post(path + "/check", postgresDestinationForm(path, "", "5432", "x"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("check-ok", "succeeded").doesNotContain("<html");
        HttpResponse<String> refused = browser.post(path + "/check", postgresDestinationForm(path, "", "1", "x"));
        assertThat(refused.body()).contains("check-failed", "The connection test failed: ");
        String message = api("scheduler/destinations/check_connection", """
                {"destinationDefinitionId": "%s", "connectionConfiguration": {"host": "127.0.0.1", "port": 1,
                 "database": "test", "schema": "public", "username": "postgres", "ssl_mode": {"mode": "disable"}}}"""
                .formatted(POSTGRES)).path("message").asText();
        assertThat(message).isNotBlank();
        String plainPart = message.split("[\"'<>&]")[0];
        assertThat(plainPart).hasSizeGreaterThan(5);
        assertThat(refused.body()).as("the connector's message").contains(plainPart);

        String id = named("destination", "warehouse 2").path("destinationId").asText();
        assertThat(browser.post("/destinations/" + id + "/check",
                postgresDestinationForm("/destinations/" + id, "", "5432", "")).body()).contains("check-ok");
        assertThat(browser.post("/destinations/" + id + "/check",
                postgresDestinationForm("/destinations/" + id, "", "1", "")).body()).contains("check-failed");
        String source = "/sources/new/" + SOURCE_POSTGRES;
        assertThat(browser.post(source + "/check", form(source, "config.host", "127.0.0.1", "config.port", "5432",
                "config.database", "test", "config.username", "postgres", "config.ssl_mode.mode", "disable",
                "config.replication_method.method", "Standard")).body()).contains("check-ok");
        assertThat(browser.post("/sources/new/" + FAKER + "/check", fakerForm("", "many")).body())
                .contains("check-failed", "fix these fields first", "<li>count must be an integer</li>");
    }

    @Test
    @Order(8)
    void deleteListsTheConnectionsThatGoWithIt() {
        JsonNode sample = named("source", "Sample data (Faker)");
        String id = sample.path("sourceId").asText();
        JsonNode connection = api("connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}").path("connections").get(0);
        String page = browser.get("/sources/" + id + "/delete").body();
        assertThat(page).contains("will be deleted too", "<a href=\"/connections/" + connection.path("connectionId").asText()
                + "\">Sample data → DuckDB</a>", "id=\"confirm-delete\"");
        HttpResponse<String> deleted = browser.post("/sources/" + id + "/delete", form("/sources/" + id + "/delete"));
        assertThat(UiBrowser.location(deleted)).isEqualTo("/sources?deleted");
        assertThat(named("source", "Sample data (Faker)").isMissingNode()).isTrue();
        assertThat(api("connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}").path("connections").size()).isZero();
        assertThat(browser.get("/sources?deleted").body()).contains("The source has been deleted.")
                .doesNotContain("Sample data (Faker)");

        String duck = named("destination", "UI duck").path("destinationId").asText();
        assertThat(browser.get("/destinations/" + duck + "/delete").body()).contains("No connection uses this destination.");
        for (JsonNode source : list("source")) {
            api("sources/delete", "{\"sourceId\": \"" + source.path("sourceId").asText() + "\"}");
        }
        assertThat(browser.get("/sources").body()).contains("No sources yet.");
    }
}
