package io.sluice.platform.ui;

/** An API token just created: its value is on the page that answers the creation, and nowhere else. */
public record CreatedApiToken(String name, String token) {}
