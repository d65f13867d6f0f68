package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ControlMessage;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.MessageWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolEmitterTest {

    @Test
    void controlMessagesArePrintedAsAirbyteControlLines() throws Exception {
        StringWriter text = new StringWriter();
        ProtocolEmitter emitter = new ProtocolEmitter(new MessageWriter(text), new ConfiguredCatalog(List.of()));
        ObjectNode config = MessageCodec.mapper().createObjectNode();
        config.putObject("credentials").put("refresh_token", "rt-2");

        emitter.control(ControlMessage.connectorConfig(config, 1_700_000_000_000.0));

        JsonNode line = MessageCodec.mapper().readTree(text.toString().strip());
        assertThat(line.path("type").asText()).isEqualTo("CONTROL");
        assertThat(line.at("/control/type").asText()).isEqualTo("CONNECTOR_CONFIG");
        assertThat(line.at("/control/connectorConfig/config/credentials/refresh_token").asText()).isEqualTo("rt-2");
    }
}
