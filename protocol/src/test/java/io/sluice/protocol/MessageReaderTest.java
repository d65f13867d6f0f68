package io.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageReaderTest {

    private static List<Message> readAll(String text) {
        List<Message> messages = new ArrayList<>();
        try (MessageReader reader = new MessageReader(new StringReader(text))) {
            for (Optional<Message> m = reader.next(); m.isPresent(); m = reader.next()) {
                messages.add(m.get());
            }
        }
        return messages;
    }

    @Test
    void nonJsonLinesBecomeInfoLogs() {
        List<Message> messages = readAll("""
                Starting source...
                {"type":"LOG","log":{"level":"WARN","message":"careful"}}
                [1, 2]
                """);

        assertThat(messages).containsExactly(
                new LogMessage(LogMessage.Level.INFO, "Starting source..."),
                new LogMessage(LogMessage.Level.WARN, "careful"),
                new LogMessage(LogMessage.Level.INFO, "[1, 2]"));
    }

    @Test
    void aBrokenObjectLineIsAnErrorWithItsLineNumberNotALogLine() {
        MessageReader reader = new MessageReader(new StringReader("""
                {"type":"RECORD","record":{"stream":"s","data":{"a":1},"emitted_at":1}}
                {"type":"RECORD","record":{"stream":"s","data":{"secret":"hunter2", "a":
                """));
        assertThat(reader.next()).isPresent();
        assertThatThrownBy(reader::next)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("malformed JSON")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void nanAndInfinityAsPythonWritesThemAreNumbers() {
        List<Message> messages = readAll("""
                {"type":"RECORD","record":{"stream":"s","data":{"v":NaN,"w":Infinity},"emitted_at":1}}
                """);
        RecordMessage record = (RecordMessage) messages.get(0);
        assertThat(record.data().get("v").asDouble()).isNaN();
        assertThat(record.data().get("w").asDouble()).isInfinite();
    }

    @Test
    void blankLinesAreSkipped() {
        List<Message> messages = readAll("""

                {"type":"RECORD","record":{"stream":"s","data":{"a":1},"emitted_at":1}}
                  \t
                {"type":"RECORD","record":{"stream":"s","data":{"a":2},"emitted_at":2}}

                """);

        assertThat(messages).hasSize(2).allMatch(m -> m instanceof RecordMessage);
        assertThat(((RecordMessage) messages.get(1)).data().get("a").asInt()).isEqualTo(2);
    }

    @Test
    void invalidMessageNamesItsLineNumber() {
        MessageReader reader = new MessageReader(new StringReader("""
                {"type":"RECORD","record":{"stream":"s","data":{},"emitted_at":1}}

                {"type":"RECORD","record":{"data":{"a":1},"emitted_at":1}}
                """));

        assertThat(reader.next()).isPresent();
        assertThatThrownBy(reader::next)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("stream");
        assertThat(reader.lineNumber()).isEqualTo(3);
    }

    @Test
    void unknownTypeAndMissingPayloadAreProtocolErrors() {
        assertThatThrownBy(() -> readAll("{\"type\":\"BOGUS\"}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("line 1").hasMessageContaining("BOGUS");
        assertThatThrownBy(() -> readAll("{\"type\":\"STATE\"}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("'state'");
    }

    @Test
    void writerAndReaderRoundTrip() {
        StringWriter out = new StringWriter();
        try (MessageWriter writer = new MessageWriter(out)) {
            writer.write(new LogMessage(LogMessage.Level.INFO, "hello"));
            writer.write(ConnectionStatusMessageOf.failed("bad password"));
        }

        List<Message> back = readAll(out.toString());

        assertThat(out.toString().lines()).hasSize(2);
        assertThat(back).containsExactly(
                new LogMessage(LogMessage.Level.INFO, "hello"), ConnectionStatusMessageOf.failed("bad password"));
    }

    /** Builds CONNECTION_STATUS messages for the test. */
    private static final class ConnectionStatusMessageOf {
        static ConnectionStatusMessage failed(String message) {
            return new ConnectionStatusMessage(ConnectionStatus.failed(message));
        }
    }
}
