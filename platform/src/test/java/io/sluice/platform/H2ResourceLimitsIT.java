package io.sluice.platform;

import java.nio.file.Path;
import java.util.Map;

/** Resource limits on the embedded H2 metadata store. */
class H2ResourceLimitsIT extends ResourceLimitsIT {
    @Override
    PlatformSettings settings(Path dataDir) {
        return PlatformSettings.fromEnvironment(Map.of()).withDataDir(dataDir);
    }
}
