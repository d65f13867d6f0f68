package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.platform.api.ApiJson;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connections pages over plain HTTP: faker's streams and modes in the stream table, a
 * connection created with two of three streams and a cron schedule (checked through
 * {@code connections/get}), a bad cron and a bad cursor refused beside their fields with nothing
 * created, the settings page changing streams and schedule, a schema refresh, and the list.
 */
class UiConnectionsIT {
    private static final Pattern STREAM_NAME = Pattern.compile("name=\"stream\\.(\\d+)\\.name\" value=\"([^\"]+)\"");

    @Test
    void newConnectionFlowSettingsAndList(@TempDir Path dir) throws Exception {
        try (ConnectionsFixture fixture = new ConnectionsFixture(dir)) {
            UiBrowser browser = fixture.signedIn();

            HttpResponse<String> pick = browser.get("/connections/new");
            assertThat(pick.statusCode()).isEqualTo(200);
            assertThat(pick.body()).contains("id=\"source\"", "id=\"destination\"", "id=\"choose-streams\"",
                    "value=\"" + fixture.sourceId + "\"", "value=\"" + fixture.destinationId + "\"");

            String streamsPath = "/connections/new/streams?sourceId=" + fixture.sourceId + "&destinationId="
                    + fixture.destinationId;
            HttpResponse<String> streams = browser.get(streamsPath);
            assertThat(streams.statusCode()).isEqualTo(200);
            String page = streams.body();
            Map<String, String> index = streamIndexes(page);
            assertThat(index).containsOnlyKeys("users", "products", "purchases");
            assertThat(page).contains("id=\"select-all\"", "id=\"stream-users-mode\"", "id=\"stream-purchases-mode\"",
                    ">Full refresh | Overwrite<", ">Full refresh | Append<", ">Incremental | Append<",
                    ">Incremental | Append + Deduped<", "updated_at</span> <span class=\"hint\">(source-defined)",
                    "value=\"faker → duck\"", "id=\"create-connection\"");
            assertThat(input(page, "stream-users-selected")).contains("checked");
            String csrf = browser.csrf(streamsPath);

            int before = fixture.connectionCount();
            Map<String, String> form = form(csrf, fixture, index);
            form.put("cronExpression", "0 2 * *");
            HttpResponse<String> badCron = browser.post("/connections/new", form);
            assertThat(badCron.statusCode()).isEqualTo(422);
            assertThat(badCron.body()).contains("id=\"cronExpression-error\"", "Must have 5 fields");
            assertThat(input(badCron.body(), "cronExpression")).contains("aria-invalid=\"true\"",
                    "aria-describedby=\"cronExpression-error\"", "value=\"0 2 * *\"");
            assertThat(badCron.body().indexOf("id=\"cronExpression-error\""))
                    .isGreaterThan(badCron.body().indexOf("id=\"cronExpression\""))
                    .isLessThan(badCron.body().indexOf("id=\"cronTimeZone\""));
            assertThat(input(badCron.body(), "stream-purchases-selected")).doesNotContain("checked");
            assertThat(input(badCron.body(), "stream-users-selected")).contains("checked");
            assertThat(selected(badCron.body(), "stream-users-mode")).isEqualTo("incremental:append");
            assertThat(input(badCron.body(), "cronTimeZone")).contains("value=\"Europe/Paris\"");
            assertThat(fixture.connectionCount()).isEqualTo(before);

            Map<String, String> badCursor = form(csrf, fixture, index);
            badCursor.put("stream." + index.get("products") + ".cursor", "no_such_field");
            HttpResponse<String> cursorRefused = browser.post("/connections/new", badCursor);
            assertThat(cursorRefused.statusCode()).isEqualTo(422);
            String rowError = cursorRefused.body().substring(cursorRefused.body().indexOf("id=\"stream-products-row\""));
            assertThat(rowError.substring(0, rowError.indexOf("id=\"stream-purchases-row\"")))
                    .contains("id=\"stream-products-error\"", "has no field 'no_such_field'");
            assertThat(fixture.connectionCount()).isEqualTo(before);

            HttpResponse<String> created = browser.post("/connections/new", form(csrf, fixture, index));
            assertThat(created.statusCode()).isEqualTo(303);
            String location = UiBrowser.location(created);
            assertThat(location).matches("/connections/[0-9a-f-]{36}");
            String connectionId = location.substring("/connections/".length());
            JsonNode connection = fixture.api("connections/get", "{\"connectionId\": \"" + connectionId + "\"}");
            assertThat(connection.path("name").asText()).isEqualTo("faker to duck");
            assertThat(connection.path("namespaceDefinition").asText()).isEqualTo("customformat");
            assertThat(connection.path("namespaceFormat").asText()).isEqualTo("ui_${SOURCE_NAMESPACE}");
            assertThat(connection.path("prefix").asText()).isEqualTo("faker_");
            assertThat(connection.path("scheduleType").asText()).isEqualTo("cron");
            assertThat(connection.path("scheduleData")).isEqualTo(ApiJson.MAPPER.readTree(
                    "{\"cron\": {\"cronExpression\": \"0 2 * * 1-5\", \"cronTimeZone\": \"Europe/Paris\"}}"));
            assertThat(configs(connection)).isEqualTo(Map.of(
                    "users", config("incremental", "append", true, "users"),
                    "products", config("full_refresh", "overwrite", true, "products"),
                    "purchases", config("incremental", "append_dedup", false, "purchases")));

            String settingsPath = "/connections/" + connectionId + "/settings";
            HttpResponse<String> settings = browser.get(settingsPath);
            assertThat(settings.statusCode()).isEqualTo(200);
            assertThat(settings.body()).contains("value=\"faker to duck\"", "id=\"save-connection\"",
                    "id=\"refresh-schema\"", "href=\"/connections/" + connectionId + "\"");
            assertThat(settings.body().indexOf("id=\"save-connection\"")).as("Enter in a field saves")
                    .isLessThan(settings.body().indexOf("id=\"refresh-schema\""));
            assertThat(selected(settings.body(), "stream-users-mode")).isEqualTo("incremental:append");
            assertThat(selected(settings.body(), "scheduleType")).isEqualTo("cron");
            assertThat(input(settings.body(), "cronExpression")).contains("value=\"0 2 * * 1-5\"");
            assertThat(input(settings.body(), "stream-purchases-selected")).doesNotContain("checked");

            Map<String, String> edit = form(csrf, fixture, streamIndexes(settings.body()));
            Map<String, String> editIndex = streamIndexes(settings.body());
            edit.remove("stream." + editIndex.get("products") + ".selected");
            edit.put("scheduleType", "basic");
            edit.put("units", "6");
            edit.put("timeUnit", "hours");
            HttpResponse<String> refreshed = browser.post(settingsPath + "/refresh", edit);
            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertThat(refreshed.body()).contains("listed again");
            assertThat(input(refreshed.body(), "stream-products-selected")).doesNotContain("checked");
            assertThat(selected(refreshed.body(), "stream-users-mode")).isEqualTo("incremental:append");
            assertThat(selected(refreshed.body(), "scheduleType")).isEqualTo("basic");
            assertThat(fixture.api("connections/get", "{\"connectionId\": \"" + connectionId + "\"}")
                    .path("scheduleType").asText()).isEqualTo("cron");

            HttpResponse<String> saved = browser.post(settingsPath, edit);
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(UiBrowser.location(saved)).isEqualTo(settingsPath + "?saved");
            JsonNode updated = fixture.api("connections/get", "{\"connectionId\": \"" + connectionId + "\"}");
            assertThat(updated.path("scheduleType").asText()).isEqualTo("basic");
            assertThat(updated.path("scheduleData")).isEqualTo(ApiJson.MAPPER.readTree(
                    "{\"basicSchedule\": {\"timeUnit\": \"hours\", \"units\": 6}}"));
            assertThat(configs(updated)).isEqualTo(Map.of(
                    "users", config("incremental", "append", true, "users"),
                    "products", config("full_refresh", "overwrite", false, "products"),
                    "purchases", config("incremental", "append_dedup", false, "purchases")));
            assertThat(browser.get(settingsPath + "?saved").body()).contains("settings are saved");

            Map<String, String> badUnits = new HashMap<>(edit);
            badUnits.put("units", "0");
            HttpResponse<String> unitsRefused = browser.post(settingsPath, badUnits);
            assertThat(unitsRefused.statusCode()).isEqualTo(422);
            assertThat(unitsRefused.body()).contains("id=\"units-error\"");

            HttpResponse<String> list = browser.get("/connections");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("id=\"new-connection\"", "href=\"/connections/" + connectionId
                    + "\">faker to duck</a>", "faker → duck", "every 6 hours", "enabled",
                    "Sample data → DuckDB", "manual");
            assertThat(browser.get("/connections/" + java.util.UUID.randomUUID() + "/settings").statusCode())
                    .isEqualTo(404);

            for (JsonNode c : fixture.api("connections/list", "{\"workspaceId\": \"" + fixture.workspaceId + "\"}")
                    .path("connections")) {
                fixture.api("connections/delete", "{\"connectionId\": \"" + c.path("connectionId").asText() + "\"}");
            }
            assertThat(browser.get("/connections").body()).contains("id=\"no-connections\"", "id=\"new-connection\"");
            for (JsonNode s : fixture.api("sources/list", "{\"workspaceId\": \"" + fixture.workspaceId + "\"}")
                    .path("sources")) {
                fixture.api("sources/delete", "{\"sourceId\": \"" + s.path("sourceId").asText() + "\"}");
            }
            assertThat(browser.get("/connections/new").body()).contains("id=\"no-sources\"",
                    "href=\"/sources/new\"").doesNotContain("id=\"choose-streams\"");
        }
    }

    /** The posted form: users incremental append, products full refresh, purchases unselected, cron in Paris. */
    private static Map<String, String> form(String csrf, ConnectionsFixture fixture, Map<String, String> index) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", csrf, "sourceId", fixture.sourceId,
                "destinationId", fixture.destinationId, "streamCount", "3", "name", "faker to duck",
                "namespaceDefinition", "customformat", "namespaceFormat", "ui_${SOURCE_NAMESPACE}", "prefix", "faker_"));
        form.putAll(Map.of("scheduleType", "cron", "cronExpression", "0 2 * * 1-5", "cronTimeZone", "Europe/Paris",
                "units", "24", "timeUnit", "hours"));
        index.forEach((name, i) -> form.put("stream." + i + ".name", name));
        form.put("stream." + index.get("users") + ".selected", "on");
        form.put("stream." + index.get("users") + ".mode", "incremental:append");
        form.put("stream." + index.get("products") + ".selected", "on");
        form.put("stream." + index.get("products") + ".mode", "full_refresh:overwrite");
        form.put("stream." + index.get("purchases") + ".mode", "incremental:append_dedup");
        return form;
    }

    private static JsonNode config(String syncMode, String destinationMode, boolean selected, String name)
            throws Exception {
        return ApiJson.MAPPER.readTree("""
                {"syncMode": "%s", "cursorField": ["updated_at"], "destinationSyncMode": "%s",
                 "primaryKey": [["id"]], "aliasName": "%s", "selected": %s, "fieldSelectionEnabled": false}"""
                .formatted(syncMode, destinationMode, name, selected));
    }

    private static Map<String, JsonNode> configs(JsonNode connection) {
        Map<String, JsonNode> configs = new HashMap<>();
        connection.path("syncCatalog").path("streams").forEach(s -> configs.put(s.path("stream").path("name").asText(),
                s.path("config")));
        return configs;
    }

    /** Stream name → its row index in the page's form. */
    private static Map<String, String> streamIndexes(String page) {
        Map<String, String> index = new HashMap<>();
        Matcher m = STREAM_NAME.matcher(page);
        while (m.find()) {
            index.put(m.group(2), m.group(1));
        }
        return index;
    }

    /** The opening tag of the element with this id. */
    private static String input(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element #" + id).isGreaterThan(0);
        return page.substring(page.lastIndexOf('<', at), page.indexOf('>', at) + 1);
    }

    /** The value of the selected option of the select with this id. */
    private static String selected(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("select #" + id).isGreaterThan(0);
        String select = page.substring(at, page.indexOf("</select>", at));
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select);
        assertThat(m.find()).as("a selected option in #" + id).isTrue();
        return m.group(1);
    }
}
