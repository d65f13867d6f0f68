package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PageBufferPoolTest {

    @Test
    void capacitiesRoundUpToAnEighthOfAPowerOfTwoAndAreStable() {
        assertThat(PageBufferPool.capacityFor(0)).isEqualTo(4096);
        assertThat(PageBufferPool.capacityFor(4096)).isEqualTo(4096);
        assertThat(PageBufferPool.capacityFor(4097)).isEqualTo(4608);
        assertThat(PageBufferPool.capacityFor(1 << 20)).isEqualTo(1 << 20);
        assertThat(PageBufferPool.capacityFor((1 << 20) + 1)).isEqualTo((1 << 20) + (1 << 17));
        for (int size = 1; size < 3_000_000; size += 997) {
            int capacity = PageBufferPool.capacityFor(size);
            assertThat(capacity).isGreaterThanOrEqualTo(size).isLessThanOrEqualTo(Math.max(4096, size + size / 8 + 1));
            assertThat(PageBufferPool.capacityFor(capacity)).isEqualTo(capacity);
        }
    }

    @Test
    void allocatedBuffersAreHeapBuffersLimitedToTheSizeAsked() {
        ByteBuffer buffer = new PageBufferPool(1 << 20).allocate(5000);
        assertThat(buffer.isDirect()).isFalse();
        assertThat(buffer.hasArray()).isTrue();
        assertThat(buffer.position()).isZero();
        assertThat(buffer.limit()).isEqualTo(5000);
        assertThat(buffer.remaining()).isEqualTo(5000);
    }

    @Test
    void releasedBuffersAreHandedOutAgainForSizesOfTheirClass() {
        PageBufferPool pool = new PageBufferPool(1 << 20);
        ByteBuffer first = pool.allocate(5000);
        first.put((byte) 7).position(100);
        pool.release(first);
        ByteBuffer again = pool.allocate(4700);
        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(4700);
        assertThat(pool.allocate(4700)).isNotSameAs(first);
        assertThat(pool.allocate(9000).capacity()).isNotEqualTo(first.capacity());
    }

    @Test
    void keepsNoMoreThanItsLimitAndNoForeignBuffers() {
        PageBufferPool pool = new PageBufferPool(10_000);
        ByteBuffer a = pool.allocate(4096);
        ByteBuffer b = pool.allocate(4096);
        ByteBuffer c = pool.allocate(4096);
        pool.release(a);
        pool.release(b);
        pool.release(c);
        pool.release(ByteBuffer.allocateDirect(4096));
        pool.release(ByteBuffer.allocate(4097));
        ByteBuffer first = pool.allocate(10);
        ByteBuffer second = pool.allocate(10);
        ByteBuffer third = pool.allocate(10);
        assertThat(first).isSameAs(b);
        assertThat(second).isSameAs(a);
        assertThat(third).isNotSameAs(a).isNotSameAs(b).isNotSameAs(c);
        assertThat(third.isDirect()).isFalse();
    }

    @Test
    void clearDropsTheKeptBuffers() {
        PageBufferPool pool = new PageBufferPool(1 << 20);
        ByteBuffer buffer = pool.allocate(8192);
        pool.release(buffer);
        pool.clear();
        assertThat(pool.allocate(8192)).isNotSameAs(buffer);
    }
}
