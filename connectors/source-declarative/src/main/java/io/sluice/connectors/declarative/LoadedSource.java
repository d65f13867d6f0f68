package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A manifest built into running parts for one call (check, discover or read): its streams, the
 * streams {@code check} reads, and the context they share (HTTP client with the source's request
 * budget, templates, scrubber).
 */
record LoadedSource(List<DeclarativeStream> streams, List<String> checkStreams, ComponentContext context) {
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    /**
     * How long one request may wait between retries during a read, and during a check or discover
     * (someone is waiting for "Test connection": a dead host answers within about ten seconds).
     */
    static final Duration READ_RETRY_BUDGET = Duration.ofHours(1);
    static final Duration CHECK_RETRY_BUDGET = Duration.ofSeconds(10);

    LoadedSource {
        streams = List.copyOf(streams);
        checkStreams = List.copyOf(checkStreams);
    }

    static LoadedSource build(SourceConfig config, HttpClient http, Consumer<ObjectNode> configUpdates) {
        return build(config, http, configUpdates, READ_RETRY_BUDGET);
    }

    static LoadedSource build(SourceConfig config, HttpClient http, Consumer<ObjectNode> configUpdates,
            Duration retryBudget) {
        Scrubber scrubber = new Scrubber(config.secretValues());
        ManifestNode root = ManifestNode.root(config.manifest());
        RateLimiter limiter = budget(root.optional("api_budget"));
        RestClient client = new RestClient(http, limiter, scrubber, REQUEST_TIMEOUT, retryBudget);
        ObjectNode templateConfig = config.config().deepCopy();
        templateConfig.remove(SourceConfig.INJECTED);
        ComponentContext context = new ComponentContext(new Templates(), config.config().deepCopy(),
                ComponentContext.plainConfig(templateConfig), client, scrubber, configUpdates, config.manifestDir());
        List<DeclarativeStream> streams = new StreamFactory(context).streams(root);
        return new LoadedSource(streams, checkStreams(root, streams), context);
    }

    DeclarativeStream stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> ConnectorException.config("The manifest has no stream named '" + name + "'; it has "
                        + String.join(", ", streams.stream().map(DeclarativeStream::name).toList())));
    }

    private static List<String> checkStreams(ManifestNode root, List<DeclarativeStream> streams) {
        var check = root.optional("check");
        if (check.isEmpty()) {
            return List.of(streams.getFirst().name());
        }
        if (!check.get().type().equals("CheckStream")) {
            throw StreamFactory.unknown(check.get(), "CheckStream");
        }
        List<String> names = new ArrayList<>();
        for (ManifestNode name : check.get().elements("stream_names")) {
            String stream = name.node().asText();
            if (streams.stream().noneMatch(s -> s.name().equals(stream))) {
                throw name.error("names stream '" + stream + "', which the manifest does not declare");
            }
            names.add(stream);
        }
        return names.isEmpty() ? List.of(streams.getFirst().name()) : names;
    }

    /** {@code api_budget}: every rate of every policy applies to every request (matchers are not read). */
    private static RateLimiter budget(java.util.Optional<ManifestNode> maybe) {
        if (maybe.isEmpty()) {
            return RateLimiter.unlimited();
        }
        List<RateLimiter.Rate> rates = new ArrayList<>();
        for (ManifestNode policy : maybe.get().elements("policies")) {
            switch (policy.type()) {
                case "MovingWindowCallRatePolicy" -> {
                    for (ManifestNode rate : policy.elements("rates")) {
                        rates.add(new RateLimiter.Rate(positive(rate, "limit"), duration(rate.required("interval"))));
                    }
                }
                case "FixedWindowCallRatePolicy" -> rates.add(
                        new RateLimiter.Rate(positive(policy, "call_limit"), duration(policy.required("period"))));
                case "UnlimitedCallRatePolicy" -> { }
                default -> throw StreamFactory.unknown(policy,
                        "MovingWindowCallRatePolicy, FixedWindowCallRatePolicy, UnlimitedCallRatePolicy");
            }
        }
        return new RateLimiter(rates);
    }

    private static int positive(ManifestNode node, String field) {
        int value = node.integer(field, 0);
        if (value < 1) {
            throw node.field(field).error("must be a whole number >= 1");
        }
        return value;
    }

    private static Duration duration(ManifestNode node) {
        IsoDuration parsed = IsoDuration.parse(node.node().asText(), node.path());
        return Duration.between(Instant.EPOCH, parsed.addTo(Instant.EPOCH));
    }
}
