package io.sluice.platform.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.Destination;
import io.sluice.cdk.Source;
import io.sluice.engine.ExternalDestination;
import io.sluice.engine.ExternalSource;
import io.sluice.platform.store.DefinitionDao;
import io.sluice.platform.store.DefinitionRow;
import io.sluice.protocol.ConnectorSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every connector definition: one per built-in connector of the registry (stable name-based ids,
 * Docker repository {@code airbyte/<name>}), and the custom ones stored in the metadata database.
 * Also launches them: a built-in runs in-process, a custom one as its command or, when it names
 * only an image, through {@code docker run} (refused with a clear error when no docker binary is
 * found). Specs are cached per definition.
 */
public final class ConnectorDefinitions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUILT_IN_TAG = "builtin";

    private final ConnectorRegistry registry;
    private final DefinitionDao dao;
    private final Map<UUID, ConnectorSpecification> specs = new ConcurrentHashMap<>();

    public ConnectorDefinitions(ConnectorRegistry registry, DefinitionDao dao) {
        this.registry = registry;
        this.dao = dao;
    }

    /** Built-in definitions first (by name), then the custom ones in creation order. */
    public List<ConnectorDefinition> list(ActorType type) {
        List<ConnectorDefinition> all = new ArrayList<>();
        for (String name : type == ActorType.SOURCE ? registry.sourceNames() : registry.destinationNames()) {
            all.add(builtInDefinition(type, name));
        }
        dao.list(type.wire()).forEach(row -> all.add(custom(row)));
        return all;
    }

    public Optional<ConnectorDefinition> find(ActorType type, UUID id) {
        for (String name : type == ActorType.SOURCE ? registry.sourceNames() : registry.destinationNames()) {
            if (ConnectorDefinition.builtInId(type, name).equals(id)) {
                return Optional.of(builtInDefinition(type, name));
            }
        }
        return dao.find(id, type.wire()).map(ConnectorDefinitions::custom);
    }

    /** The definition of the built-in connector {@code name}, if the registry has it. */
    public Optional<ConnectorDefinition> builtIn(ActorType type, String name) {
        boolean known = type == ActorType.SOURCE ? registry.source(name).isPresent() : registry.destination(name).isPresent();
        return known ? Optional.of(builtInDefinition(type, ConnectorRegistry.canonicalName(name))) : Optional.empty();
    }

    /** Stores a custom definition and returns it. */
    public ConnectorDefinition createCustom(ActorType type, UUID workspaceId, String name, String dockerRepository,
            String dockerImageTag, Optional<String> documentationUrl, List<String> command) {
        UUID id = UUID.randomUUID();
        String commandJson = null;
        if (!command.isEmpty()) {
            try {
                commandJson = JSON.writeValueAsString(command);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        dao.insert(new DefinitionRow(id, type.wire(), workspaceId, name, dockerRepository, dockerImageTag,
                documentationUrl.orElse(null), commandJson, Instant.now()));
        return find(type, id).orElseThrow();
    }

    public ConnectorSpecification spec(ConnectorDefinition definition) {
        return specs.computeIfAbsent(definition.id(), id -> definition.type() == ActorType.SOURCE
                ? source(definition).spec()
                : destination(definition).spec());
    }

    public Source source(ConnectorDefinition definition) {
        if (definition.builtIn().isPresent()) {
            return registry.source(definition.builtIn().get()).orElseThrow(() -> missing(definition));
        }
        if (!definition.command().isEmpty()) {
            return new ExternalSource(definition.name(), definition.command());
        }
        Optional<Source> aliased = registry.source(definition.dockerRepository());
        return aliased.orElseGet(() -> new ExternalSource(definition.name(), DockerCommand.forImage(image(definition))));
    }

    public Destination destination(ConnectorDefinition definition) {
        if (definition.builtIn().isPresent()) {
            return registry.destination(definition.builtIn().get()).orElseThrow(() -> missing(definition));
        }
        if (!definition.command().isEmpty()) {
            return new ExternalDestination(definition.name(), definition.command());
        }
        Optional<Destination> aliased = registry.destination(definition.dockerRepository());
        return aliased.orElseGet(() ->
                new ExternalDestination(definition.name(), DockerCommand.forImage(image(definition))));
    }

    private static String image(ConnectorDefinition definition) {
        return definition.dockerRepository() + ":" + definition.dockerImageTag();
    }

    private static ConnectorException missing(ConnectorDefinition definition) {
        return ConnectorException.config("the connector " + definition.name() + " is not installed in this server");
    }

    private static ConnectorDefinition builtInDefinition(ActorType type, String name) {
        return new ConnectorDefinition(ConnectorDefinition.builtInId(type, name), type, name, "airbyte/" + name,
                BUILT_IN_TAG, Optional.of("https://docs.airbyte.com/integrations/" + type.wire() + "s/"
                        + name.substring(name.indexOf('-') + 1)),
                Optional.of(name), List.of(), Optional.empty());
    }

    private static ConnectorDefinition custom(DefinitionRow row) {
        List<String> command = List.of();
        if (row.command() != null) {
            try {
                command = List.of(JSON.readValue(row.command(), String[].class));
            } catch (IOException e) {
                throw new UncheckedIOException("the stored command of definition " + row.id() + " is not JSON", e);
            }
        }
        return new ConnectorDefinition(row.id(), ActorType.valueOf(row.actorType().toUpperCase(java.util.Locale.ROOT)),
                row.name(), row.dockerRepository(), row.dockerImageTag(), Optional.ofNullable(row.documentationUrl()),
                Optional.empty(), command, Optional.ofNullable(row.workspaceId()));
    }
}
