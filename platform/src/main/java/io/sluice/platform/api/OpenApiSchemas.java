package io.sluice.platform.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request and response schemas of the Config API in a short form, one field per entry:
 * {@code name[*]:type} where {@code *} marks a required field and the type is {@code uuid},
 * {@code string}, {@code boolean}, {@code integer}, {@code object}, {@code array},
 * {@code array<Schema>} or a schema name.
 */
final class OpenApiSchemas {
    private static final String SOURCE_DEFINITION = "name*:string,dockerRepository*:string,dockerImageTag*:string,"
            + "documentationUrl:string,protocolVersion:string,releaseStage:string,supportLevel:string,custom:boolean,"
            + "command:array";
    private static final Map<String, String> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("Object", "");
        SCHEMAS.put("HealthCheckRead", "available*:boolean");
        SCHEMAS.put("WorkspaceRead", "workspaceId*:uuid,customerId:uuid,name*:string,slug*:string,email:string,"
                + "initialSetupComplete*:boolean,displaySetupWizard:boolean,notifications:array,defaultGeography:string,"
                + "namespaceDefinition:string,namespaceFormat:string,notificationSettings:object,"
                + "defaultResourceRequirements:object,engineMemoryBudget:string");
        SCHEMAS.put("WorkspaceReadList", "workspaces*:array<WorkspaceRead>");
        SCHEMAS.put("SourceDefinitionRead", "sourceDefinitionId*:uuid," + SOURCE_DEFINITION + ",sourceType:string");
        SCHEMAS.put("SourceDefinitionReadList", "sourceDefinitions*:array<SourceDefinitionRead>");
        SCHEMAS.put("DestinationDefinitionRead", "destinationDefinitionId*:uuid," + SOURCE_DEFINITION);
        SCHEMAS.put("DestinationDefinitionReadList", "destinationDefinitions*:array<DestinationDefinitionRead>");
        SCHEMAS.put("SourceDefinitionSpecificationRead", "sourceDefinitionId*:uuid,documentationUrl:string,"
                + "connectionSpecification*:object,jobInfo:SynchronousJobRead");
        SCHEMAS.put("DestinationDefinitionSpecificationRead", "destinationDefinitionId*:uuid,documentationUrl:string,"
                + "connectionSpecification*:object,supportedDestinationSyncModes:array,supportsNormalization:boolean,"
                + "supportsDbt:boolean,jobInfo:SynchronousJobRead");
        SCHEMAS.put("SourceRead", "sourceDefinitionId*:uuid,sourceId*:uuid,workspaceId*:uuid,"
                + "connectionConfiguration*:object,name*:string,sourceName:string,createdAt:integer");
        SCHEMAS.put("SourceReadList", "sources*:array<SourceRead>");
        SCHEMAS.put("DestinationRead", "destinationDefinitionId*:uuid,destinationId*:uuid,workspaceId*:uuid,"
                + "connectionConfiguration*:object,name*:string,destinationName:string,createdAt:integer");
        SCHEMAS.put("DestinationReadList", "destinations*:array<DestinationRead>");
        SCHEMAS.put("SynchronousJobRead", "id*:uuid,configType*:string,configId:string,createdAt*:integer,"
                + "endedAt*:integer,succeeded*:boolean,connectorConfigurationUpdated:boolean,logs:object");
        SCHEMAS.put("CheckConnectionRead", "status*:string,message:string,jobInfo*:SynchronousJobRead");
        SCHEMAS.put("SourceDiscoverSchemaRead", "catalog*:object,jobInfo*:SynchronousJobRead,catalogId:uuid");
        SCHEMAS.put("ConnectionRead", "connectionId*:uuid,name*:string,namespaceDefinition:string,"
                + "namespaceFormat:string,prefix:string,sourceId*:uuid,destinationId*:uuid,operationIds:array,"
                + "syncCatalog*:object,schedule:object,scheduleType:string,scheduleData:object,status*:string,"
                + "resourceRequirements:object,geography:string,breakingChange*:boolean,notifySchemaChanges:boolean,"
                + "nonBreakingChangesPreference:string,createdAt:integer,nextRunAt:integer,engineMemoryBudget:string");
        SCHEMAS.put("ConnectionHealthRead", "connectionId*:uuid,jobsConsidered*:integer,failedJobs*:integer,"
                + "failureRate*:number,lastSuccessfulSyncAt:integer,freshnessSeconds:integer");
        SCHEMAS.put("NotificationRead", "status*:string,message:string");
        SCHEMAS.put("ConnectionReadList", "connections*:array<ConnectionRead>");
        SCHEMAS.put("ConnectionState", "stateType*:string,connectionId*:uuid,state:object,streamState:array,"
                + "globalState:object");
        SCHEMAS.put("JobRead", "id*:integer,configType*:string,configId*:string,createdAt*:integer,"
                + "updatedAt*:integer,startedAt:integer,status*:string");
        SCHEMAS.put("AttemptRead", "id*:integer,status*:string,createdAt*:integer,updatedAt*:integer,endedAt:integer,"
                + "bytesSynced:integer,recordsSynced:integer,totalStats:object,streamStats:array,failureSummary:object");
        SCHEMAS.put("AttemptInfoRead", "attempt*:AttemptRead,logs*:object");
        SCHEMAS.put("JobInfoRead", "job*:JobRead,attempts*:array<AttemptInfoRead>");
        SCHEMAS.put("JobWithAttemptsRead", "job*:JobRead,attempts*:array<AttemptRead>");
        SCHEMAS.put("JobReadList", "jobs*:array<JobWithAttemptsRead>,totalJobCount*:integer");
        SCHEMAS.put("OperationRead", "workspaceId*:uuid,operationId*:uuid,name*:string,operatorConfiguration*:object");
        SCHEMAS.put("OperationReadList", "operations*:array<OperationRead>");
        SCHEMAS.put("CheckOperationRead", "status*:string,message:string,validationErrors:array");
        SCHEMAS.put("ApiTokenRead", "tokenId*:uuid,name*:string,token*:string");
        SCHEMAS.put("ApiTokenInfoRead", "tokenId*:uuid,name*:string,createdAt*:integer");
        SCHEMAS.put("ApiTokenReadList", "apiTokens*:array<ApiTokenInfoRead>");
        SCHEMAS.put("ErrorRead", "message*:string,exceptionClassName:string,validationErrors:array,id:string,"
                + "errorId:string");
    }

    private OpenApiSchemas() {}

    static boolean known(String name) {
        return SCHEMAS.containsKey(name);
    }

    /** All component schemas. */
    static ObjectNode components() {
        ObjectNode schemas = ApiJson.MAPPER.createObjectNode();
        SCHEMAS.forEach((name, fields) -> schemas.set(name, object(fields)));
        return schemas;
    }

    /** An object schema from the short form. */
    static ObjectNode object(String fields) {
        ObjectNode schema = ApiJson.MAPPER.createObjectNode().put("type", "object");
        if (fields.isEmpty()) {
            return schema;
        }
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = ApiJson.MAPPER.createArrayNode();
        for (String field : fields.split(",")) {
            String[] parts = field.split(":", 2);
            String name = parts[0];
            if (name.endsWith("*")) {
                name = name.substring(0, name.length() - 1);
                required.add(name);
            }
            properties.set(name, type(parts[1]));
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode type(String type) {
        ObjectNode schema = ApiJson.MAPPER.createObjectNode();
        switch (type) {
            case "uuid" -> schema.put("type", "string").put("format", "uuid");
            case "string", "boolean", "object", "array" -> schema.put("type", type);
            case "integer" -> schema.put("type", "integer").put("format", "int64");
            case "number" -> schema.put("type", "number");
            default -> {
                if (type.startsWith("array<")) {
                    schema.put("type", "array").set("items", type(type.substring(6, type.length() - 1)));
                } else if (known(type)) {
                    schema.put("$ref", "#/components/schemas/" + type);
                } else {
                    throw new IllegalArgumentException("unknown schema type " + type);
                }
            }
        }
        return schema;
    }
}
