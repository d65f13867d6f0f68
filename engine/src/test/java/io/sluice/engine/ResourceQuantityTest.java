package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceQuantityTest {
    @Test
    void memoryTakesBinaryAndDecimalSuffixesAndExponents() {
        assertThat(ResourceQuantity.bytes("512Mi")).isEqualTo(512L << 20);
        assertThat(ResourceQuantity.bytes("1Gi")).isEqualTo(1L << 30);
        assertThat(ResourceQuantity.bytes("1.5Gi")).isEqualTo(3L << 29);
        assertThat(ResourceQuantity.bytes("500M")).isEqualTo(500_000_000L);
        assertThat(ResourceQuantity.bytes("128974848")).isEqualTo(128_974_848L);
        assertThat(ResourceQuantity.bytes("129e6")).isEqualTo(129_000_000L);
        assertThat(ResourceQuantity.bytes(" 64Ki ")).isEqualTo(65_536L);
    }

    @Test
    void cpuIsInCoresOrMillicores() {
        assertThat(ResourceQuantity.cores("0.5")).isEqualTo(0.5);
        assertThat(ResourceQuantity.cores("500m")).isEqualTo(0.5);
        assertThat(ResourceQuantity.cores("2")).isEqualTo(2.0);
        assertThat(ResourceQuantity.cores(".25")).isEqualTo(0.25);
    }

    @Test
    void badQuantitiesAreRefusedInPlainWords() {
        assertThatThrownBy(() -> ResourceQuantity.bytes("512MB"))
                .hasMessage("must be a memory size such as \"512Mi\", \"1Gi\" or \"500M\" (got \"512MB\")");
        assertThatThrownBy(() -> ResourceQuantity.bytes("lots")).hasMessageStartingWith("must be a memory size");
        assertThatThrownBy(() -> ResourceQuantity.bytes("0")).hasMessage("must be greater than 0 (got \"0\")");
        assertThatThrownBy(() -> ResourceQuantity.bytes("-1Gi")).hasMessage("must be greater than 0 (got \"-1Gi\")");
        assertThatThrownBy(() -> ResourceQuantity.bytes("99Ei")).hasMessage("is too large (got \"99Ei\")");
        assertThatThrownBy(() -> ResourceQuantity.cores("half")).hasMessageStartingWith("must be a number of cores");
        assertThatThrownBy(() -> ResourceQuantity.cores("1e400")).hasMessageContaining("exponent");
        assertThatThrownBy(() -> ResourceQuantity.cores(null)).hasMessageStartingWith("must be a number of cores");
    }

    @Test
    void sizesAreDescribedForPeople() {
        assertThat(ResourceQuantity.describeBytes(612L << 20)).isEqualTo("612 MiB");
        assertThat(ResourceQuantity.describeBytes(3L << 29)).isEqualTo("1.5 GiB");
        assertThat(ResourceQuantity.describeBytes(12L << 30)).isEqualTo("12 GiB");
        assertThat(ResourceQuantity.describeBytes(300L << 10)).isEqualTo("300 KiB");
    }
}
