package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.store.NotificationDao;
import io.sluice.platform.store.WorkspaceDao;
import io.sluice.platform.store.WorkspaceResourcesRow;
import io.sluice.platform.store.WorkspaceRow;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@code /api/v1/workspaces/*}. */
public final class WorkspaceApi {
    private final WorkspaceDao workspaces;
    private final NotificationDao notifications;
    private final ResourceSettings resources;

    public WorkspaceApi(WorkspaceDao workspaces, NotificationDao notifications, ResourceSettings resources) {
        this.workspaces = workspaces;
        this.notifications = notifications;
        this.resources = resources;
    }

    /** A workspace's public shape ({@code WorkspaceRead}) plus its default namespace settings. */
    public record WorkspaceRead(
            UUID workspaceId,
            UUID customerId,
            String name,
            String slug,
            Optional<String> email,
            boolean initialSetupComplete,
            boolean displaySetupWizard,
            List<Object> notifications,
            String defaultGeography,
            String namespaceDefinition,
            Optional<String> namespaceFormat,
            Optional<JsonNode> notificationSettings,
            Optional<JsonNode> defaultResourceRequirements,
            Optional<String> engineMemoryBudget) {
    }

    private WorkspaceRead read(WorkspaceRow row) {
        WorkspaceResourcesRow limits = resources.workspace(row.id());
        return new WorkspaceRead(row.id(), row.id(), row.name(), row.slug(), Optional.ofNullable(row.email()),
                row.initialSetupComplete(), !row.initialSetupComplete(), List.of(), "auto",
                row.namespaceDefinition(), Optional.ofNullable(row.namespaceFormat()),
                notifications.settings(row.id()).map(ApiJson::read),
                Optional.ofNullable(limits.defaultResourceRequirements()).map(ApiJson::read),
                Optional.ofNullable(limits.engineMemoryBudget()));
    }

    public record WorkspaceReadList(List<WorkspaceRead> workspaces) {}

    public Object create(Body body) {
        String name = body.text("name");
        Optional<String> email = body.optionalText("email");
        String definition = body.optionalEnum("namespaceDefinition", Enums.NAMESPACE_DEFINITIONS).orElse("source");
        Optional<String> format = body.optionalText("namespaceFormat");
        boolean setupComplete = body.optionalBoolean("initialSetupComplete").orElse(false);
        checkFormat(body, definition, format);
        WorkspaceResourcesRow limits = resources.readWorkspace(body, Optional.empty());
        body.done();
        Instant now = Instant.now();
        WorkspaceRow row = new WorkspaceRow(UUID.randomUUID(), name, slug(name), email.orElse(null), setupComplete,
                definition, format.orElse(null), now, now);
        workspaces.insert(row);
        resources.saveWorkspace(row.id(), limits);
        return read(row);
    }

    public Object get(Body body) {
        return read(find(body.id("workspaceId")));
    }

    public Object list(Body body) {
        return new WorkspaceReadList(workspaces.list().stream().map(this::read).toList());
    }

    public Object update(Body body) {
        WorkspaceRow old = find(body.id("workspaceId"));
        String name = body.optionalText("name").filter(n -> !n.isBlank()).orElse(old.name());
        String email = body.optionalText("email").orElse(old.email());
        boolean setupComplete = body.optionalBoolean("initialSetupComplete").orElse(old.initialSetupComplete());
        String definition = body.optionalEnum("namespaceDefinition", Enums.NAMESPACE_DEFINITIONS)
                .orElse(old.namespaceDefinition());
        Optional<String> format = body.optionalText("namespaceFormat").or(() -> Optional.ofNullable(old.namespaceFormat()));
        checkFormat(body, definition, format);
        Optional<ObjectNode> notificationSettings = body.optionalObject("notificationSettings");
        notificationSettings.ifPresent(n -> NotificationSettings.check(body, n));
        WorkspaceResourcesRow limits = resources.readWorkspace(body, Optional.of(old.id()));
        body.done();
        notificationSettings.ifPresent(n -> notifications.saveSettings(old.id(), n.toString(), Instant.now()));
        resources.saveWorkspace(old.id(), limits);
        WorkspaceRow row = new WorkspaceRow(old.id(), name, slug(name), email, setupComplete, definition,
                format.orElse(null), old.createdAt(), Instant.now());
        workspaces.update(row);
        return read(row);
    }

    WorkspaceRow find(UUID id) {
        return workspaces.find(id).orElseThrow(() -> new ApiException.NotFound("workspace", id));
    }

    private static void checkFormat(Body body, String definition, Optional<String> format) {
        if (definition.equals("customformat") && format.filter(f -> !f.isBlank()).isEmpty()) {
            body.error("namespaceFormat", "is required with namespaceDefinition customformat, e.g. ${SOURCE_NAMESPACE}");
        }
    }

    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "workspace" : slug;
    }
}
