package io.sluice.platform.api;

import java.util.List;

/** Airbyte's enum values, as they appear on the wire. */
final class Enums {
    static final List<String> NAMESPACE_DEFINITIONS = List.of("source", "destination", "customformat");
    static final List<String> CONNECTION_STATUSES = List.of("active", "inactive", "deprecated");
    static final List<String> SCHEDULE_TYPES = List.of("manual", "basic", "cron", "continuous");
    static final List<String> TIME_UNITS = List.of("minutes", "hours", "days", "weeks", "months");
    static final List<String> NON_BREAKING_CHANGES = List.of("ignore", "disable", "propagate_columns", "propagate_fully");
    static final List<String> GEOGRAPHIES = List.of("auto", "us", "eu");
    static final List<String> SYNC_MODES = List.of("full_refresh", "incremental");
    static final List<String> DESTINATION_SYNC_MODES = List.of("append", "overwrite", "append_dedup");
    static final List<String> JOB_CONFIG_TYPES = List.of("check_connection_source", "check_connection_destination",
            "discover_schema", "get_spec", "sync", "reset_connection", "refresh", "clear");

    private Enums() {}
}
