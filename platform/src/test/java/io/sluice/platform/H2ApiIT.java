package io.sluice.platform;

import java.nio.file.Path;
import java.util.Map;

/** The API on the embedded H2 metadata store. */
class H2ApiIT extends ApiIT {
    @Override
    PlatformSettings settings(Path dataDir) {
        return PlatformSettings.fromEnvironment(Map.of()).withDataDir(dataDir);
    }
}
