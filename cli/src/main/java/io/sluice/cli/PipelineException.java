package io.sluice.cli;

import io.sluice.cdk.ConfigError;
import java.util.List;
import java.util.stream.Collectors;

/** A pipeline file that cannot be run, with one problem per bad field. */
public final class PipelineException extends RuntimeException {
    private final List<ConfigError> errors;

    public PipelineException(List<ConfigError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.problem()).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public PipelineException(String field, String problem) {
        this(List.of(new ConfigError(field, problem)));
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
