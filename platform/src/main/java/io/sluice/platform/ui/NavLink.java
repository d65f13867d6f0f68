package io.sluice.platform.ui;

import java.util.List;

/** An entry of the web UI's main navigation. */
public record NavLink(String path, String label) {
    public static final List<NavLink> ALL = List.of(
            new NavLink("/", "Dashboard"),
            new NavLink("/connections", "Connections"),
            new NavLink("/sources", "Sources"),
            new NavLink("/destinations", "Destinations"),
            new NavLink("/settings", "Settings"));
}
