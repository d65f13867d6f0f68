package io.sluice.platform.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.function.Function;

/**
 * What a part of the web UI ({@link UiArea}) adds its pages with. Every page registered here needs a
 * signed-in session (before setup it leads to {@code /setup}), and every POST needs the session's
 * CSRF token, sent as the {@code _csrf} form field or the {@code X-CSRF-Token} header (htmx sends
 * the header from the layout's {@code hx-headers}). Paths may hold Javalin path parameters
 * ({@code /sources/{id}}).
 */
public final class UiRoutes {
    private final RoutesConfig routes;
    private final Function<WebUi.PageHandler, Handler> signedIn;

    UiRoutes(RoutesConfig routes, Function<WebUi.PageHandler, Handler> signedIn) {
        this.routes = routes;
        this.signedIn = signedIn;
    }

    public void get(String path, WebUi.PageHandler handler) {
        routes.get(path, signedIn.apply(handler));
    }

    public void post(String path, WebUi.PageHandler handler) {
        routes.post(path, signedIn.apply(handler));
    }

}
