package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the limiter reads from /proc (Linux). */
class ProcessLimiterTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void readsResidentMemoryAndCpuTimeOfARunningProcess() {
        long before = ProcessLimiter.cpuTicks(SELF);
        long sum = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            sum += i ^ (sum >>> 3);
        }

        assertThat(sum).isNotZero();
        assertThat(ProcessLimiter.residentBytes(SELF)).isGreaterThan(16L << 20); // a JVM
        assertThat(ProcessLimiter.cpuTicks(SELF)).isGreaterThan(before);
    }

    @Test
    void aProcessThatIsGoneHoldsNothing() {
        long gone = Long.MAX_VALUE;

        assertThat(ProcessLimiter.residentBytes(gone)).isZero();
        assertThat(ProcessLimiter.cpuTicks(gone)).isZero();
    }

    @Test
    void withoutLimitsNothingIsWatched() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "5").start();
        try {
            assertThat(ProcessLimiter.start("source", "sleeper", sleeper, ResourceRequirements.NONE)).isEmpty();
            ResourceRequirements requestsOnly = new ResourceRequirements(OptionalDouble.of(1), OptionalDouble.empty(),
                    OptionalLong.of(1L << 30), OptionalLong.empty());
            assertThat(ProcessLimiter.start("source", "sleeper", sleeper, requestsOnly)).isEmpty();
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
