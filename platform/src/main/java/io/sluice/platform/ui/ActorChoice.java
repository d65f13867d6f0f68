package io.sluice.platform.ui;

/** A source or destination to pick for a new connection; {@code connector} is its definition's name. */
public record ActorChoice(String id, String name, String connector) {}
