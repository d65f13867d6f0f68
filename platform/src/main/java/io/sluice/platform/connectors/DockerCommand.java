package io.sluice.platform.connectors;

import io.sluice.cdk.ConnectorException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command that runs an Airbyte connector image with {@code docker run}: stdin open, the host
 * network (so {@code localhost} means the same thing as for Sluice), and the temporary directory
 * mounted at the same path, because the engine passes config and catalog files by path.
 */
final class DockerCommand {
    private DockerCommand() {}

    /** @throws ConnectorException (CONFIG) when no {@code docker} program is on the PATH */
    static List<String> forImage(String image) {
        return forImage(image, System.getenv("PATH"));
    }

    /** As {@link #forImage(String)}, looking for {@code docker} in the directories of {@code path}. */
    static List<String> forImage(String image, String path) {
        if (findDocker(path).isEmpty()) {
            throw ConnectorException.config("the connector image " + image
                    + " needs a docker engine, and no docker program was found on the PATH; define the connector"
                    + " with a command instead (an Airbyte-protocol executable)");
        }
        String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
        return List.of("docker", "run", "--rm", "-i", "--network", "host", "-v", tmp + ":" + tmp, image);
    }

    private static java.util.Optional<Path> findDocker(String path) {
        if (path == null) {
            return java.util.Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "docker");
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }
}
