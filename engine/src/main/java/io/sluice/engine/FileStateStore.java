package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.protocol.MessageCodec;
import io.sluice.protocol.StateMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the state in a JSON file in the format of Airbyte's {@code --state} file: an array of
 * state messages. A file holding a single JSON object is read as a LEGACY state. Each save writes a
 * temporary file beside the target and moves it over atomically, so a crash leaves the old or the
 * new state, never half of one.
 */
public final class FileStateStore implements StateStore {
    private static final ObjectMapper MAPPER = MessageCodec.mapper();

    private final Path file;

    public FileStateStore(Path file) {
        this.file = requireNonNull(file, "file").toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public InputState load() {
        if (!Files.exists(file)) {
            return InputState.empty();
        }
        try {
            JsonNode json = MAPPER.readTree(file.toFile());
            return read(json);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConnectorException(FailureKind.CONFIG,
                    "cannot read the state file " + file + ": " + e.getMessage(), e);
        }
    }

    static InputState read(JsonNode json) throws IOException {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return InputState.empty();
        }
        if (json.isObject()) {
            return new InputState(List.of(StateMessage.ofLegacy(json)));
        }
        if (!json.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of state messages");
        }
        List<StateMessage> messages = new ArrayList<>();
        for (JsonNode message : json) {
            messages.add(MAPPER.treeToValue(message, StateMessage.class));
        }
        return new InputState(messages);
    }

    @Override
    public synchronized void save(InputState state) {
        ArrayNode array = MAPPER.createArrayNode();
        for (StateMessage message : state.messages()) {
            array.add(MAPPER.valueToTree(message));
        }
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                write(temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(array));
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw ConnectorException.system("cannot save the state file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path temp, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
