package io.sluice.protocol;

/**
 * One Airbyte protocol v0 message (an {@code AirbyteMessage} line). The wire envelope
 * {@code {"type": "RECORD", "record": {...}}} is handled by {@link MessageCodec}; these types hold
 * the payload.
 */
public sealed interface Message
        permits RecordMessage,
                StateMessage,
                LogMessage,
                TraceMessage,
                SpecMessage,
                CatalogMessage,
                ConnectionStatusMessage,
                ControlMessage {}
