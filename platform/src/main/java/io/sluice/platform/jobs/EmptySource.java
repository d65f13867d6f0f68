package io.sluice.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.Source;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;

/**
 * A connection's source that reads nothing: a reset syncs it in full_refresh / overwrite so that
 * the destination replaces each stream's data with no rows, as Airbyte's resets do.
 */
final class EmptySource implements Source {
    private final Source source;

    EmptySource(Source source) {
        this.source = source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public ConnectorSpecification spec() {
        return source.spec();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        return source.check(config);
    }

    @Override
    public Catalog discover(JsonNode config) {
        return source.discover(config);
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        // no records, no state: every stream of the catalog ends empty
    }
}
