package io.sluice.platform.api;

import io.sluice.cdk.ConfigError;
import java.util.List;

/** A client-caused failure of an API call; {@link ApiErrors} turns each kind into its status and body. */
public sealed class ApiException extends RuntimeException
        permits ApiException.NotFound, ApiException.InvalidInput, ApiException.Conflict, ApiException.BadRequest,
        ApiException.Unauthorized {

    private ApiException(String message) {
        super(message, null, false, false);
    }

    /** 404: the id names nothing (or something deleted). */
    public static final class NotFound extends ApiException {
        private final String id;

        public NotFound(String what, Object id) {
            super("Could not find " + what + " with id " + id);
            this.id = String.valueOf(id);
        }

        public String id() {
            return id;
        }
    }

    /** 422: well-formed JSON that breaks the rules; one error per bad field. */
    public static final class InvalidInput extends ApiException {
        private final List<ConfigError> errors;

        public InvalidInput(List<ConfigError> errors) {
            super(summary(errors));
            this.errors = List.copyOf(errors);
        }

        public InvalidInput(String field, String problem) {
            this(List.of(new ConfigError(field, problem)));
        }

        public List<ConfigError> errors() {
            return errors;
        }

        private static String summary(List<ConfigError> errors) {
            return "Invalid input: " + String.join("; ", errors.stream().map(ConfigError::toString).toList());
        }
    }

    /** 409: the call conflicts with the current state (e.g. a change while a job runs). */
    public static final class Conflict extends ApiException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** 400: the body is not JSON, or not a JSON object. */
    public static final class BadRequest extends ApiException {
        public BadRequest(String message) {
            super(message);
        }
    }

    /** 401: credentials are needed (or the ones sent are wrong). */
    public static final class Unauthorized extends ApiException {
        public Unauthorized(String message) {
            super(message);
        }
    }
}
