package io.sluice.platform.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.sluice.platform.auth.AuthFilter;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.connectors.ConnectorDefinitions;
import io.sluice.platform.jobs.JobQueue;
import io.sluice.platform.schedule.ConnectionScheduler;
import io.sluice.platform.secrets.ConfigSecrets;
import io.sluice.platform.store.ActorDao;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.Database;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.metrics.SyncMetrics;
import io.sluice.platform.notify.Notifier;
import io.sluice.platform.store.NotificationDao;
import io.sluice.platform.store.OperationDao;
import io.sluice.platform.store.ResourceDao;
import io.sluice.platform.store.StateDao;
import io.sluice.platform.store.WorkspaceDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Config API's route table: every call, its handler, and what {@code /api/v1/openapi.json}
 * says about it. The same table is served on the API port and under {@code /api} on the UI port.
 */
public final class Routes {
    private static final String V1 = "/api/v1/";

    private final List<Route> routes = new ArrayList<>();
    private final WorkspaceApi workspaces;
    private final ActorApi sources;
    private final ActorApi destinations;
    private final ConnectionApi connections;

    public Routes(Database db, ConnectorDefinitions definitions, ConfigSecrets secrets, JobQueue.Factory runners,
            AdminApi admin, ConnectionScheduler scheduler, SyncMetrics metrics) {
        ResourceSettings resources = new ResourceSettings(db.dao(ResourceDao.class),
                ResourceSettings.environmentDefaults(System.getenv()));
        workspaces = new WorkspaceApi(db.dao(WorkspaceDao.class), db.dao(NotificationDao.class), resources);
        NotificationSettings notifications = new NotificationSettings(new Notifier());
        ActorDao actorDao = db.dao(ActorDao.class);
        ConnectionDao connectionDao = db.dao(ConnectionDao.class);
        DefinitionApi sourceDefinitions = new DefinitionApi(ActorType.SOURCE, definitions, workspaces);
        DefinitionApi destinationDefinitions = new DefinitionApi(ActorType.DESTINATION, definitions, workspaces);
        sources = new ActorApi(ActorType.SOURCE, actorDao, connectionDao, definitions, sourceDefinitions, workspaces,
                secrets);
        destinations = new ActorApi(ActorType.DESTINATION, actorDao, connectionDao, definitions,
                destinationDefinitions, workspaces, secrets);
        JobQueue runner = runners.create(new ConnectionPlanner(connectionDao, actorDao, sources, destinations,
                definitions, db.dao(OperationDao.class), resources));
        JobApi jobs = new JobApi(db.dao(JobDao.class), runner);
        connections = new ConnectionApi(connectionDao, sources, destinations,
                new ConnectionSettings(sources, destinations, definitions, db.dao(OperationDao.class)), runner, jobs,
                workspaces, scheduler, resources);
        ConnectionHealthApi health = new ConnectionHealthApi(db.dao(JobDao.class), connections, metrics,
                java.time.Clock.systemUTC());
        StateApi state = new StateApi(connectionDao, db.dao(StateDao.class));
        OperationApi operations = new OperationApi(db.dao(OperationDao.class), connectionDao, workspaces);

        route(GET, "health", body -> Map.of("available", true), "Is the server up", "", "HealthCheckRead");
        route(GET, "openapi.json", body -> OpenApiDocument.of(this.routes), "This document", "", "Object");

        route(POST, "workspaces/create", workspaces::create, "Create a workspace",
                "name*:string,email:string,initialSetupComplete:boolean,namespaceDefinition:string,namespaceFormat:string,"
                        + "defaultResourceRequirements:object,engineMemoryBudget:string", "WorkspaceRead");
        route(POST, "workspaces/get", workspaces::get, "Get a workspace", "workspaceId*:uuid", "WorkspaceRead");
        route(POST, "workspaces/list", workspaces::list, "List workspaces", "", "WorkspaceReadList");
        route(POST, "workspaces/update", workspaces::update, "Update a workspace",
                "workspaceId*:uuid,name:string,email:string,initialSetupComplete:boolean,namespaceDefinition:string,"
                        + "namespaceFormat:string,notificationSettings:object,defaultResourceRequirements:object,"
                        + "engineMemoryBudget:string", "WorkspaceRead");
        route(POST, "notifications/try", notifications::tryNotification, "Send a test notification",
                "notificationType*:array,slackConfiguration:object,webhookConfiguration:object", "NotificationRead");

        definitionRoutes("source", sourceDefinitions);
        definitionRoutes("destination", destinationDefinitions);
        actorRoutes("source", sources);
        route(POST, "sources/check_connection_for_update", sources::checkConnectionForUpdate,
                "Check a source config before updating", "sourceId*:uuid,connectionConfiguration*:object,name:string",
                "CheckConnectionRead");
        route(POST, "sources/discover_schema", sources::discoverSchema, "Discover a source's streams",
                "sourceId*:uuid,disable_cache:boolean", "SourceDiscoverSchemaRead");
        actorRoutes("destination", destinations);
        route(POST, "destinations/check_connection_for_update", destinations::checkConnectionForUpdate,
                "Check a destination config before updating",
                "destinationId*:uuid,connectionConfiguration*:object,name:string", "CheckConnectionRead");
        route(POST, "scheduler/sources/check_connection", sources::checkUnsaved,
                "Check a source config that is not stored yet",
                "sourceDefinitionId*:uuid,connectionConfiguration*:object,workspaceId:uuid", "CheckConnectionRead");
        route(POST, "scheduler/destinations/check_connection", destinations::checkUnsaved,
                "Check a destination config that is not stored yet",
                "destinationDefinitionId*:uuid,connectionConfiguration*:object,workspaceId:uuid",
                "CheckConnectionRead");

        String connectionFields = "name:string,namespaceDefinition:string,namespaceFormat:string,prefix:string,"
                + "operationIds:array,syncCatalog:object,schedule:object,scheduleType:string,scheduleData:object,"
                + "status:string,resourceRequirements:object,nonBreakingChangesPreference:string,"
                + "notifySchemaChanges:boolean,geography:string,engineMemoryBudget:string";
        route(POST, "connections/create", connections::create, "Create a connection",
                "sourceId*:uuid,destinationId*:uuid," + connectionFields, "ConnectionRead");
        route(POST, "connections/get", connections::get, "Get a connection", "connectionId*:uuid", "ConnectionRead");
        route(POST, "connections/list", connections::list, "List a workspace's connections", "workspaceId*:uuid",
                "ConnectionReadList");
        route(POST, "connections/update", connections::update, "Update a connection",
                "connectionId*:uuid," + connectionFields, "ConnectionRead");
        route(POST, "connections/delete", connections::delete, "Delete a connection", "connectionId*:uuid", "");
        route(POST, "connections/sync", connections::sync, "Start a sync now", "connectionId*:uuid", "JobInfoRead");
        route(POST, "connections/reset", connections::reset, "Clear a connection's state", "connectionId*:uuid",
                "JobInfoRead");
        route(POST, "connections/health", health::health,
                "A connection's failure rate over its last finished syncs and its freshness",
                "connectionId*:uuid,lookback:integer", "ConnectionHealthRead");
        route(GET, "metrics", health::metrics, "Prometheus metrics of the syncs (text format)", "", "Object");
        String operator = "operatorConfiguration*:object";
        route(POST, "operations/check", operations::check, "Check an operatorConfiguration (the body itself, "
                + "or under operatorConfiguration)", "operatorType:string,operatorConfiguration:object",
                "CheckOperationRead");
        route(POST, "operations/create", operations::create, "Create an operation (normalization, dbt, sql, webhook)",
                "workspaceId*:uuid,name*:string," + operator, "OperationRead");
        route(POST, "operations/get", operations::get, "Get an operation", "operationId*:uuid", "OperationRead");
        route(POST, "operations/list", operations::list, "A connection's operations", "connectionId*:uuid",
                "OperationReadList");
        route(POST, "operations/update", operations::update, "Update an operation",
                "operationId*:uuid,name:string," + operator, "OperationRead");
        route(POST, "operations/delete", operations::delete, "Delete an operation", "operationId*:uuid", "");
        route(POST, "state/get", state::get, "A connection's state", "connectionId*:uuid", "ConnectionState");

        String listFields = "configTypes:array,configId:string,pagination:object";
        route(POST, "jobs/list", jobs::list, "List jobs", listFields, "JobReadList");
        route(GET, "jobs/list", jobs::list, "List jobs (GET with a JSON body, as some scripts send it)", listFields,
                "JobReadList");
        route(POST, "jobs/get", jobs::get, "A job with its attempts and logs", "id*:integer", "JobInfoRead");
        route(POST, "jobs/cancel", jobs::cancel, "Cancel a job", "id*:integer", "JobInfoRead");

        route(POST, "admin/update_password", admin::updatePassword, "Change the admin password", "password*:string",
                "Object");
        route(POST, "api_tokens/create", admin::createToken, "Create an API token (shown once)", "name:string",
                "ApiTokenRead");
        route(POST, "api_tokens/list", admin::listTokens, "List the API tokens (never the tokens themselves)", "",
                "ApiTokenReadList");
        route(POST, "api_tokens/delete", admin::deleteToken, "Delete an API token", "tokenId*:uuid", "");
    }

    private void definitionRoutes(String side, DefinitionApi api) {
        String id = side + "DefinitionId*:uuid";
        String read = side.substring(0, 1).toUpperCase() + side.substring(1) + "DefinitionRead";
        route(POST, side + "_definitions/list", api::list, "List " + side + " definitions", "", read + "List");
        route(POST, side + "_definitions/list_for_workspace", api::listForWorkspace,
                "List the " + side + " definitions a workspace can use", "workspaceId*:uuid", read + "List");
        route(POST, side + "_definitions/get", api::get, "Get a " + side + " definition", id, read);
        route(POST, side + "_definitions/create_custom", api::createCustom,
                "Add a custom " + side + ": an Airbyte-protocol executable (command) or a docker image",
                "workspaceId*:uuid," + side + "Definition*:object", read);
        route(POST, side + "_definition_specifications/get", api::specification,
                "A " + side + " definition's config schema", id + ",workspaceId:uuid",
                side.substring(0, 1).toUpperCase() + side.substring(1) + "DefinitionSpecificationRead");
    }

    private void actorRoutes(String side, ActorApi api) {
        String plural = side + "s/";
        String read = side.substring(0, 1).toUpperCase() + side.substring(1) + "Read";
        String id = side + "Id*:uuid";
        route(POST, plural + "create", api::create, "Create a " + side,
                side + "DefinitionId*:uuid,workspaceId*:uuid,name*:string,connectionConfiguration*:object", read);
        route(POST, plural + "get", api::get, "Get a " + side, id, read);
        route(POST, plural + "list", api::list, "List a workspace's " + side + "s", "workspaceId*:uuid", read + "List");
        route(POST, plural + "update", api::update, "Update a " + side + " (masked secrets keep their values)",
                id + ",name:string,connectionConfiguration*:object", read);
        route(POST, plural + "delete", api::delete, "Delete a " + side + " and its connections", id, "");
        route(POST, plural + "check_connection", api::checkConnection, "Check a " + side + "'s config", id,
                "CheckConnectionRead");
    }

    private void route(HandlerType method, String path, ApiHandler handler, String summary,
            String request, String response) {
        routes.add(new Route(method, V1 + path, handler, summary, request, response));
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Registers the auth check, every route and the error mapping on a Javalin instance. */
    public void register(RoutesConfig config, AuthFilter auth) {
        config.before("/api/*", auth::check);
        for (Route route : routes) {
            config.addHttpHandler(route.method(), route.path(), ctx -> respond(ctx, route.handler().handle(Body.of(ctx))));
        }
        config.exception(Exception.class, ApiErrors::handle);
        config.error(404, ctx -> ApiErrors.unmatched(ctx, "no such API call: " + ctx.method() + " " + ctx.path()));
        config.error(405, ctx -> ApiErrors.unmatched(ctx, ctx.method() + " is not allowed on " + ctx.path()
                + "; the Config API takes POST with a JSON body"));
    }

    private static void respond(Context ctx, Object result) {
        if (result == ApiHandler.NO_CONTENT) {
            ctx.status(204);
        } else if (result instanceof ApiHandler.Text text) {
            ctx.contentType(text.contentType()).result(text.text());
        } else {
            ctx.json(result);
        }
    }

    /**
     * Runs a call in this process as the HTTP API would for a POST of {@code body} to
     * {@code /api/v1/<call>}, for the web UI: the response body as JSON ({@code null} for a 204).
     *
     * @throws ApiException as the HTTP API would answer it (400, 404, 409, 422)
     * @throws IllegalArgumentException when there is no such call
     */
    public JsonNode call(String call, JsonNode body) {
        Route route = routes.stream().filter(r -> r.method() == POST && r.path().equals(V1 + call)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such API call: " + call));
        Object result;
        try {
            result = route.handler().handle(Body.of(body));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(call + " failed: " + e.getMessage(), e);
        }
        if (result == ApiHandler.NO_CONTENT) {
            return null;
        }
        return result instanceof JsonNode json ? json : ApiJson.MAPPER.valueToTree(result);
    }

    public WorkspaceApi workspaces() {
        return workspaces;
    }

    public ActorApi sources() {
        return sources;
    }

    public ActorApi destinations() {
        return destinations;
    }

    public ConnectionApi connections() {
        return connections;
    }
}
