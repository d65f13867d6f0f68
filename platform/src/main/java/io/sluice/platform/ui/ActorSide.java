package io.sluice.platform.ui;

import io.sluice.platform.connectors.ActorType;

/** The side the actors pages are for (sources or destinations), with the words, paths and API names that go with it. */
public record ActorSide(ActorType type) {
    /** {@code source} */
    public String wire() {
        return type.wire();
    }

    /** {@code Source} */
    public String label() {
        return Character.toUpperCase(wire().charAt(0)) + wire().substring(1);
    }

    /** {@code Sources} */
    public String labelPlural() {
        return label() + "s";
    }

    /** {@code /sources}, the nav path and the prefix of every page. */
    public String path() {
        return "/" + wire() + "s";
    }

    /** {@code sources/<what>}, an API call of this side. */
    public String call(String what) {
        return wire() + "s/" + what;
    }

    /** {@code source_definitions/<what>} */
    public String definitionCall(String what) {
        return wire() + "_definitions/" + what;
    }

    public String idField() {
        return wire() + "Id";
    }

    public String definitionIdField() {
        return wire() + "DefinitionId";
    }

    /** The read's field holding the connector's name ({@code sourceName}). */
    public String connectorNameField() {
        return wire() + "Name";
    }
}
