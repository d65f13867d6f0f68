package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup v2 slot against a directory laid out like a delegated cgroup2 mount. */
class CgroupSlotTest {
    private static final ResourceRequirements BOTH = new ResourceRequirements(OptionalDouble.empty(),
            OptionalDouble.of(0.5), OptionalLong.empty(), OptionalLong.of(64L << 20));

    @TempDir
    Path root;

    private Path delegated(String controllers) throws Exception {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids");
        Path own = Files.createDirectories(root.resolve("sluice.service"));
        Files.writeString(own.resolve("cgroup.subtree_control"), controllers + "\n");
        return own;
    }

    @Test
    void aDelegatedCgroupGetsAChildWithTheLimitsAndTheProcess() throws Exception {
        delegated("cpu memory");

        CgroupSlot slot = CgroupSlot.create(root, List.of("0::/sluice.service"), "source-x", 4242, BOTH).orElseThrow();

        assertThat(slot.dir().getParent()).isEqualTo(root.resolve("sluice.service"));
        assertThat(Files.readString(slot.dir().resolve("memory.max"))).isEqualTo(Long.toString(64L << 20));
        assertThat(Files.readString(slot.dir().resolve("cpu.max"))).isEqualTo("50000 100000");
        assertThat(Files.readString(slot.dir().resolve("cgroup.procs"))).isEqualTo("4242");
        assertThat(slot.limitsCpu()).isTrue();
        assertThat(slot.oomKilled()).isFalse();
        Files.writeString(slot.dir().resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
        Files.writeString(slot.dir().resolve("memory.peak"), "70000000\n");
        assertThat(slot.oomKilled()).isTrue();
        assertThat(slot.peakBytes()).hasValue(70_000_000L);
    }

    @Test
    void withoutTheUnifiedHierarchyOrTheControllersThereIsNoSlot() throws Exception {
        assertThat(CgroupSlot.create(root, List.of("0::/"), "source-x", 1, BOTH)).isEmpty();
        delegated("memory");
        assertThat(CgroupSlot.create(root, List.of("0::/sluice.service"), "source-x", 1, BOTH)).isEmpty();
        assertThat(CgroupSlot.create(root, List.of("4:memory:/x"), "source-x", 1, BOTH)).isEmpty();
        ResourceRequirements memoryOnly = new ResourceRequirements(OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), OptionalLong.of(1L << 30));
        Optional<CgroupSlot> slot = CgroupSlot.create(root, List.of("0::/sluice.service"), "source-x", 1, memoryOnly);
        assertThat(slot).isPresent();
        assertThat(slot.get().limitsCpu()).isFalse();
    }
}
