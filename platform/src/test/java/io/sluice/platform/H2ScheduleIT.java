package io.sluice.platform;

import java.nio.file.Path;
import java.util.Map;

/** Schedules on the embedded H2 metadata store. */
class H2ScheduleIT extends ScheduleIT {
    @Override
    PlatformSettings settings(Path dataDir) {
        return PlatformSettings.fromEnvironment(Map.of()).withDataDir(dataDir);
    }
}
