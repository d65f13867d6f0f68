package io.sluice.platform.connectors;

/** Which side of a connection a connector or a configured actor is on. */
public enum ActorType {
    SOURCE("source"),
    DESTINATION("destination");

    private final String wire;

    ActorType(String wire) {
        this.wire = wire;
    }

    /** As stored in the database and used in paths ({@code source}, {@code destination}). */
    public String wire() {
        return wire;
    }
}
