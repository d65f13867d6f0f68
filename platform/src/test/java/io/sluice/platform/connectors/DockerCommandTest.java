package io.sluice.platform.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutADockerProgramTheImageIsAClearConfigError() {
        assertThatThrownBy(() -> DockerCommand.forImage("acme/source-x:1.0", dir.toString()))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(FailureKind.CONFIG))
                .hasMessageContaining("acme/source-x:1.0")
                .hasMessageContaining("needs a docker engine");
    }

    @Test
    void withDockerTheImageRunsInteractivelyWithTheTempDirMounted() throws Exception {
        Path docker = dir.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(DockerCommand.forImage("acme/source-x:1.0", dir.toString()))
                .startsWith("docker", "run", "--rm", "-i")
                .endsWith("acme/source-x:1.0")
                .contains(System.getProperty("java.io.tmpdir") + ":" + System.getProperty("java.io.tmpdir"));
    }
}
