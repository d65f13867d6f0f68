package io.sluice.platform.ui;

/** An API token as the settings list it: never its value. */
public record ApiTokenView(String tokenId, String name, String created) {}
