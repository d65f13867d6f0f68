package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.FailureKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds a requester's parts: its authenticator, its error handler and the stream's paginator. */
final class RequesterFactory {
    private final ComponentContext context;

    RequesterFactory(ComponentContext context) {
        this.context = requireNonNull(context, "context");
    }

    Authenticator authenticator(Optional<ManifestNode> maybe) {
        if (maybe.isEmpty()) {
            return new Authenticator.NoAuth();
        }
        ManifestNode node = maybe.get();
        return switch (node.type()) {
            case "NoAuth" -> new Authenticator.NoAuth();
            case "BearerAuthenticator" -> new Authenticator.Bearer(context.template(node, "api_token"), context.scrubber());
            case "ApiKeyAuthenticator" -> {
                RequestOption option = node.optional("inject_into")
                        .map(o -> RequestOption.from(o, context))
                        .orElseGet(() -> new RequestOption(RequestOption.Target.HEADER, Optional.of(
                                context.template(node.text("header", "Authorization"), node.field("header").path(), node))));
                yield new Authenticator.ApiKey(context.template(node, "api_token"), option, context.scrubber());
            }
            case "BasicHttpAuthenticator" -> new Authenticator.Basic(context.template(node, "username"),
                    context.template(node.text("password", ""), node.field("password").path(), node), context.scrubber());
            case "OAuthAuthenticator" -> oauth(node);
            default -> throw StreamFactory.unknown(node,
                    "NoAuth, BearerAuthenticator, ApiKeyAuthenticator, BasicHttpAuthenticator, OAuthAuthenticator");
        };
    }

    private Authenticator oauth(ManifestNode node) {
        String grantType = node.text("grant_type", "refresh_token");
        if (!grantType.equals("refresh_token") && !grantType.equals("client_credentials")) {
            throw node.field("grant_type").error("must be refresh_token or client_credentials, got '" + grantType + "'");
        }
        Optional<Template> refreshToken = context.optionalTemplate(node, "refresh_token");
        if (grantType.equals("refresh_token") && refreshToken.isEmpty()) {
            throw node.field("refresh_token").error("is required for grant_type refresh_token");
        }
        Optional<OAuthAuthenticator.TokenUpdater> updater = node.optional("refresh_token_updater").map(u ->
                new OAuthAuthenticator.TokenUpdater(u.text("refresh_token_name", "refresh_token"),
                        keys(u, "refresh_token_config_path", List.of("credentials", "refresh_token")),
                        keys(u, "access_token_config_path", List.of("credentials", "access_token")),
                        keys(u, "token_expiry_date_config_path", List.of("credentials", "token_expiry_date"))));
        var body = context.templateMap(node, "refresh_request_body");
        List<String> scopes = node.elements("scopes").stream().map(s -> s.node().asText()).toList();
        OAuthAuthenticator.Settings settings = new OAuthAuthenticator.Settings(
                context.template(node, "token_refresh_endpoint"), context.template(node, "client_id"),
                context.template(node, "client_secret"), refreshToken, grantType, scopes,
                node.text("access_token_name", "access_token"), node.text("expires_in_name", "expires_in"),
                body, updater);
        return new OAuthAuthenticator(settings, context.client(), context.configJson(), context.configUpdates());
    }

    private static List<String> keys(ManifestNode node, String field, List<String> fallback) {
        List<ManifestNode> keys = node.elements(field);
        return keys.isEmpty() ? fallback : keys.stream().map(k -> k.node().asText()).toList();
    }

    ErrorHandler errorHandler(Optional<ManifestNode> maybe) {
        if (maybe.isEmpty()) {
            return ErrorHandler.defaults();
        }
        ManifestNode node = maybe.get();
        return switch (node.type()) {
            case "DefaultErrorHandler" -> defaultHandler(node);
            case "CompositeErrorHandler" -> {
                List<ErrorHandler> handlers = node.elements("error_handlers").stream().map(h -> errorHandler(Optional.of(h))).toList();
                if (handlers.isEmpty()) {
                    throw node.field("error_handlers").error("must list at least one error handler");
                }
                List<ErrorHandler.ResponseFilter> filters = new ArrayList<>();
                handlers.forEach(h -> filters.addAll(h.filters()));
                yield new ErrorHandler(filters, handlers.getFirst().maxRetries(), handlers.getFirst().backoff());
            }
            default -> throw StreamFactory.unknown(node, "DefaultErrorHandler, CompositeErrorHandler");
        };
    }

    private ErrorHandler defaultHandler(ManifestNode node) {
        List<ErrorHandler.ResponseFilter> filters = new ArrayList<>();
        for (ManifestNode filter : node.elements("response_filters")) {
            StreamFactory.expect(filter, "HttpResponseFilter");
            String action = filter.text("action", "FAIL").toUpperCase(Locale.ROOT);
            ErrorHandler.Action parsed = switch (action) {
                case "SUCCESS" -> ErrorHandler.Action.SUCCESS;
                case "IGNORE" -> ErrorHandler.Action.IGNORE;
                case "RETRY", "RATE_LIMITED" -> ErrorHandler.Action.RETRY;
                case "FAIL" -> ErrorHandler.Action.FAIL;
                default -> throw filter.field("action").error("must be SUCCESS, IGNORE, RETRY, RATE_LIMITED or FAIL");
            };
            Set<Integer> codes = new LinkedHashSet<>();
            filter.elements("http_codes").forEach(c -> codes.add(c.node().asInt()));
            Optional<FailureKind> kind = filter.optionalText("failure_type").map(t -> switch (t) {
                case "config_error" -> FailureKind.CONFIG;
                case "transient_error" -> FailureKind.TRANSIENT;
                default -> FailureKind.SYSTEM;
            });
            filters.add(new ErrorHandler.ResponseFilter(parsed, codes, filter.optionalText("error_message_contains"),
                    context.optionalTemplate(filter, "predicate"), filter.optionalText("error_message"), kind));
        }
        ErrorHandler.Backoff backoff = new ErrorHandler.Exponential(5);
        List<ManifestNode> strategies = node.elements("backoff_strategies");
        for (int i = strategies.size() - 1; i >= 0; i--) {
            backoff = backoff(strategies.get(i), backoff);
        }
        return new ErrorHandler(filters, node.integer("max_retries", ErrorHandler.DEFAULT_MAX_RETRIES), backoff);
    }

    private static ErrorHandler.Backoff backoff(ManifestNode node, ErrorHandler.Backoff fallback) {
        return switch (node.type()) {
            case "ExponentialBackoffStrategy" -> new ErrorHandler.Exponential(number(node, "factor", 5));
            case "ConstantBackoffStrategy" -> new ErrorHandler.Constant(number(node, "backoff_time_in_seconds", 5));
            case "WaitTimeFromHeader" -> new ErrorHandler.FromHeader(node.text("header"),
                    node.optionalText("regex").map(Pattern::compile), fallback);
            default -> throw StreamFactory.unknown(node, "ExponentialBackoffStrategy, ConstantBackoffStrategy, WaitTimeFromHeader");
        };
    }

    private static double number(ManifestNode node, String field, double fallback) {
        ManifestNode value = node.field(field);
        if (!value.present()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.node().asText());
        } catch (NumberFormatException e) {
            throw value.error("must be a number");
        }
    }

    Paginator paginator(Optional<ManifestNode> maybe, String streamName) {
        if (maybe.isEmpty() || maybe.get().type().equals("NoPagination")) {
            return new Paginator.None();
        }
        ManifestNode node = maybe.get();
        if (!node.type().equals("DefaultPaginator")) {
            throw StreamFactory.unknown(node, "NoPagination, DefaultPaginator");
        }
        ManifestNode strategyNode = node.required("pagination_strategy");
        Optional<Integer> size = strategyNode.optional("page_size").map(s -> strategyNode.integer("page_size", 0));
        PaginationStrategy strategy = switch (strategyNode.type()) {
            case "CursorPagination" -> new PaginationStrategy.Cursor(context.template(strategyNode, "cursor_value"),
                    context.optionalTemplate(strategyNode, "stop_condition"), size, streamName);
            case "OffsetIncrement" -> new PaginationStrategy.Offset(size, strategyNode.bool("inject_on_first_request", false));
            case "PageIncrement" -> new PaginationStrategy.PageNumber(size, strategyNode.integer("start_from_page", 0),
                    strategyNode.bool("inject_on_first_request", false));
            default -> throw StreamFactory.unknown(strategyNode, "CursorPagination, OffsetIncrement, PageIncrement");
        };
        return new Paginator.Default(strategy,
                node.optional("page_token_option").map(o -> RequestOption.from(o, context)),
                node.optional("page_size_option").map(o -> RequestOption.from(o, context)));
    }
}
