package io.sluice.platform.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become responses: 404 for an unknown id, 422 with
 * {@code validationErrors} (one per field, Airbyte's {@code InvalidInputExceptionInfo} shape) for
 * bad input, 400 for malformed JSON, 409 for conflicts, 502 when a connector fails (its
 * message, which connectors keep free of secrets), and for anything unexpected a 500 with a
 * generic message and an error id, the stack trace going only to the server log.
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    public static void handle(Exception e, Context ctx) {
        switch (e) {
            case ApiException.NotFound n -> {
                ObjectNode body = body(n.getMessage(), "NotFoundException");
                body.put("id", n.id());
                ctx.status(404).json(body);
            }
            case ApiException.InvalidInput i -> ctx.status(422).json(invalid(i));
            case ApiException.Conflict c -> ctx.status(409).json(body(c.getMessage(), "ConflictException"));
            case ApiException.Unauthorized u -> {
                ctx.header("WWW-Authenticate", "Basic realm=\"sluice\"");
                ctx.status(401).json(body(u.getMessage(), "UnauthorizedException"));
            }
            case ApiException.BadRequest b -> ctx.status(400).json(body(b.getMessage(), "BadRequestException"));
            case ConnectorException c when c.kind() == FailureKind.CONFIG ->
                    ctx.status(422).json(body(c.getMessage(), "ConfigErrorException"));
            case ConnectorException c -> {
                LOG.warn("connector failure on {} {}: {}", ctx.method(), ctx.path(), c.getMessage());
                ctx.status(502).json(body("The connector failed: " + c.getMessage(), "ConnectorException"));
            }
            case HttpResponseException h -> ctx.status(h.getStatus()).json(body(h.getMessage(), "HttpException"));
            default -> unexpected(e, ctx);
        }
    }

    /** A JSON body for a 404/405 Javalin answered itself (no route matched); API errors keep theirs. */
    static void unmatched(Context ctx, String message) {
        String type = ctx.res().getContentType();
        if (type != null && type.startsWith("application/json")) {
            return;
        }
        ctx.json(body(message, ctx.statusCode() == 404 ? "NotFoundException" : "MethodNotAllowedException"));
    }

    private static ObjectNode invalid(ApiException.InvalidInput e) {
        ObjectNode body = body(e.getMessage(), "InvalidInputException");
        ArrayNode errors = body.putArray("validationErrors");
        for (ConfigError error : e.errors()) {
            errors.addObject().put("propertyPath", error.field()).put("message", error.problem());
        }
        return body;
    }

    private static void unexpected(Exception e, Context ctx) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("unexpected error {} on {} {}", errorId, ctx.method(), ctx.path(), e);
        ObjectNode body = body("Internal error (id " + errorId + "); the server log has the details",
                "InternalServerError");
        body.put("errorId", errorId);
        ctx.status(500).json(body);
    }

    static ObjectNode body(String message, String exceptionClassName) {
        ObjectNode body = ApiJson.MAPPER.createObjectNode();
        body.put("message", message);
        body.put("exceptionClassName", exceptionClassName);
        return body;
    }
}
