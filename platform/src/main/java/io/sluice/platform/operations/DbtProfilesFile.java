package io.sluice.platform.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cdk.DbtProfile;
import io.sluice.cdk.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A {@code profiles.yml} with one profile whose target {@value #TARGET} is the destination, in a
 * folder only this user can read (0700, the file 0600), deleted by {@link #close()}. Secrets are
 * revealed in this file and nowhere else.
 */
final class DbtProfilesFile implements AutoCloseable {
    static final String TARGET = "sluice";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkFolder folder;

    private DbtProfilesFile(WorkFolder folder) {
        this.folder = folder;
    }

    /** Writes the file for profile {@code profileName} into a fresh private folder under {@code parent}. */
    static DbtProfilesFile write(Path parent, String profileName, DbtProfile profile) {
        WorkFolder folder = WorkFolder.create(parent, "dbt-profiles-");
        try {
            Path file = Files.createFile(folder.path().resolve("profiles.yml"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, yaml(profileName, profile));
            return new DbtProfilesFile(folder);
        } catch (IOException e) {
            folder.close();
            throw new UncheckedIOException("cannot write the dbt profiles file", e);
        }
    }

    /**
     * The YAML text: strings as JSON strings (a JSON string is a YAML double-quoted scalar), so no
     * value can break the file's structure.
     */
    static String yaml(String profileName, DbtProfile profile) {
        StringBuilder out = new StringBuilder();
        out.append("# written by Sluice for one dbt run; deleted when it ends\n");
        out.append(scalar(profileName)).append(":\n");
        out.append("  target: ").append(TARGET).append('\n');
        out.append("  outputs:\n");
        out.append("    ").append(TARGET).append(":\n");
        for (Map.Entry<String, Object> field : profile.revealedFields().entrySet()) {
            out.append("      ").append(field.getKey()).append(": ").append(scalar(field.getValue())).append('\n');
        }
        return out.toString();
    }

    private static String scalar(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        try {
            return JSON.writeValueAsString(value instanceof Secret s ? s.reveal() : value.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Path folder() {
        return folder.path();
    }

    /** Deletes the file and its folder (and whatever dbt wrote there). */
    @Override
    public void close() {
        folder.close();
    }
}
