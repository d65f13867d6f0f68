package io.sluice.platform.ui;

/**
 * One part of the web UI (sources and destinations, connections, settings, ...): its own pages,
 * registered once when the server starts. An area reads and changes things through the Config
 * API's calls ({@link io.sluice.platform.api.Routes#call}), so the UI follows the API's rules and
 * shows its field errors.
 */
public interface UiArea {
    void register(UiRoutes routes);
}
