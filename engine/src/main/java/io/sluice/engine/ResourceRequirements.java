package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What an external connector process may use, in Airbyte's {@code resourceRequirements} terms.
 * The limits are enforced on each connector process of a sync (see {@link ProcessLimiter}); the
 * requests are kept and shown but only advisory: without an orchestrator there is nobody to
 * reserve them.
 *
 * @param cpuRequest cores, advisory
 * @param cpuLimit cores the process tree may use on average
 * @param memoryRequest bytes, advisory
 * @param memoryLimit bytes of resident memory the process tree may hold
 */
public record ResourceRequirements(
        OptionalDouble cpuRequest,
        OptionalDouble cpuLimit,
        OptionalLong memoryRequest,
        OptionalLong memoryLimit) {

    public static final ResourceRequirements NONE = new ResourceRequirements(
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty());

    /** The JSON field names, Airbyte's. */
    public static final List<String> FIELDS = List.of("cpu_request", "cpu_limit", "memory_request", "memory_limit");

    public ResourceRequirements {
        requireNonNull(cpuRequest, "cpuRequest");
        requireNonNull(cpuLimit, "cpuLimit");
        requireNonNull(memoryRequest, "memoryRequest");
        requireNonNull(memoryLimit, "memoryLimit");
    }

    /**
     * Reads {@code {cpu_request, cpu_limit, memory_request, memory_limit}}, each a Kubernetes
     * quantity (a string, or a JSON number), every field optional. Problems are added to
     * {@code errors} as {@code <prefix>.<field>}; the fields in error are left empty.
     */
    public static ResourceRequirements read(JsonNode json, String prefix, List<ConfigError> errors) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return NONE;
        }
        if (!json.isObject()) {
            errors.add(new ConfigError(prefix, "must be an object with cpu_request, cpu_limit, memory_request,"
                    + " memory_limit"));
            return NONE;
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new ConfigError(prefix + "." + name, "is not a resource requirement; use one of "
                        + String.join(", ", FIELDS)));
            }
        });
        return new ResourceRequirements(
                cores(json, "cpu_request", prefix, errors), cores(json, "cpu_limit", prefix, errors),
                bytes(json, "memory_request", prefix, errors), bytes(json, "memory_limit", prefix, errors));
    }

    /** Each field of this, or else of {@code defaults}. */
    public ResourceRequirements orElse(ResourceRequirements defaults) {
        return new ResourceRequirements(
                cpuRequest.isPresent() ? cpuRequest : defaults.cpuRequest,
                cpuLimit.isPresent() ? cpuLimit : defaults.cpuLimit,
                memoryRequest.isPresent() ? memoryRequest : defaults.memoryRequest,
                memoryLimit.isPresent() ? memoryLimit : defaults.memoryLimit);
    }

    /** Whether a limit is set, i.e. a connector process must be watched. */
    public boolean limits() {
        return cpuLimit.isPresent() || memoryLimit.isPresent();
    }

    private static OptionalDouble cores(JsonNode json, String field, String prefix, List<ConfigError> errors) {
        return quantity(json, field, prefix, errors, ResourceQuantity::cores).map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
    }

    private static OptionalLong bytes(JsonNode json, String field, String prefix, List<ConfigError> errors) {
        return quantity(json, field, prefix, errors, ResourceQuantity::bytes).map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** The field parsed; empty when absent or bad (then the problem is in {@code errors}). */
    private static <T> Optional<T> quantity(JsonNode json, String field, String prefix, List<ConfigError> errors,
            Function<String, T> parse) {
        return text(json, field, prefix, errors).flatMap(text -> {
            try {
                return Optional.of(parse.apply(text));
            } catch (IllegalArgumentException e) {
                errors.add(new ConfigError(prefix + "." + field, e.getMessage()));
                return Optional.empty();
            }
        });
    }

    /** The field as text; absent when missing, null or "" (Airbyte sends "" for "not set"). */
    private static Optional<String> text(JsonNode json, String field, String prefix, List<ConfigError> errors) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.asText());
        }
        if (!value.isTextual()) {
            errors.add(new ConfigError(prefix + "." + field, "must be a string such as \"0.5\" or \"512Mi\""));
            return Optional.empty();
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }
}
