package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.RowJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds {@code DatetimeBasedCursor}s and partition routers. */
final class IncrementalFactory {
    private final ComponentContext context;
    private final StreamFactory streams;

    IncrementalFactory(ComponentContext context, StreamFactory streams) {
        this.context = requireNonNull(context, "context");
        this.streams = requireNonNull(streams, "streams");
    }

    DatetimeCursor cursor(ManifestNode node, String streamName) {
        if (!node.type().equals("DatetimeBasedCursor")) {
            throw StreamFactory.unknown(node, "DatetimeBasedCursor");
        }
        String cursorField = context.template(node, "cursor_field").text(context.vars());
        DatetimeFormat format = format(node.field("datetime_format"), node.text("datetime_format"));
        List<DatetimeFormat> cursorFormats = node.elements("cursor_datetime_formats").stream()
                .map(f -> format(f, f.node().asText())).toList();
        Optional<IsoDuration> step = node.optionalText("step").map(s -> IsoDuration.parse(s, node.field("step").path()));
        Optional<IsoDuration> granularity = node.optionalText("cursor_granularity")
                .map(s -> IsoDuration.parse(s, node.field("cursor_granularity").path()));
        if (step.isPresent() && granularity.isEmpty()) {
            throw node.field("cursor_granularity").error("is required when step is set");
        }
        return new DatetimeCursor(cursorField, format, cursorFormats, bound(node.required("start_datetime"), node),
                node.optional("end_datetime").map(n -> bound(n, node)), step, granularity,
                node.optionalText("lookback_window").map(s -> IsoDuration.parse(s, node.field("lookback_window").path())),
                node.optional("start_time_option").map(o -> RequestOption.from(o, context)),
                node.optional("end_time_option").map(o -> RequestOption.from(o, context)),
                node.text("partition_field_start", "start_time"), node.text("partition_field_end", "end_time"),
                node.bool("is_client_side_incremental", false), streamName);
    }

    private static DatetimeFormat format(ManifestNode where, String pattern) {
        try {
            return DatetimeFormat.of(pattern);
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
    }

    private DatetimeCursor.Bound bound(ManifestNode node, ManifestNode cursor) {
        if (node.node().isValueNode()) {
            return new DatetimeCursor.Bound(context.template(node.node().asText(), node.path(), cursor),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (!node.type().equals("MinMaxDatetime")) {
            throw StreamFactory.unknown(node, "MinMaxDatetime");
        }
        return new DatetimeCursor.Bound(context.template(node, "datetime"),
                node.optionalText("datetime_format").map(f -> format(node.field("datetime_format"), f)),
                context.optionalTemplate(node, "min_datetime"), context.optionalTemplate(node, "max_datetime"));
    }

    PartitionRouter router(ManifestNode node) {
        if (node.node().isArray()) {
            List<ManifestNode> routers = node.items();
            if (routers.size() != 1) {
                throw node.error("only one partition router per stream is supported, got " + routers.size());
            }
            return router(routers.getFirst());
        }
        return switch (node.type()) {
            case "ListPartitionRouter" -> {
                ManifestNode values = node.required("values");
                Object parsed = values.node().isTextual()
                        ? context.template(values.node().asText(), values.path(), node)
                        : RowJson.toPlain(values.node());
                yield new PartitionRouter.ListRouter(parsed, context.template(node, "cursor_field"),
                        node.optional("request_option").map(o -> RequestOption.from(o, context)), values.path());
            }
            case "SubstreamPartitionRouter" -> {
                List<PartitionRouter.ParentConfig> parents = new ArrayList<>();
                for (ManifestNode parent : node.elements("parent_stream_configs")) {
                    StreamFactory.expect(parent, "ParentStreamConfig");
                    parents.add(new PartitionRouter.ParentConfig(streams.stream(parent.required("stream")),
                            context.template(parent, "parent_key"), context.template(parent, "partition_field"),
                            parent.optional("request_option").map(o -> RequestOption.from(o, context))));
                }
                if (parents.isEmpty()) {
                    throw node.field("parent_stream_configs").error("must list at least one parent stream");
                }
                yield new PartitionRouter.Substream(parents);
            }
            default -> throw StreamFactory.unknown(node, "ListPartitionRouter, SubstreamPartitionRouter");
        };
    }
}
