package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;

class PlainValuesTest {

    @Test
    void numbersAreLittleEndianAndByteArraysLengthPrefixed() throws IOException {
        PlainValues values = new PlainValues(16, 0, new PageBufferPool(0));
        values.writeInteger(0x01020304);
        values.writeLong(-2L);
        values.writeDouble(1.5);
        values.writeFloat(-0.5f);
        values.writeBytes(Binary.fromString("ü!"));

        ByteBuffer expected = ByteBuffer.allocate(4 + 8 + 8 + 4 + 4 + 3).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x01020304).putLong(-2L).putDouble(1.5).putFloat(-0.5f).putInt(3)
                .put(new byte[] {(byte) 0xC3, (byte) 0xBC, '!'});
        assertThat(values.getBytes().toByteArray()).isEqualTo(expected.array());
        assertThat(values.getBufferedSize()).isEqualTo(expected.capacity());
        assertThat(values.getEncoding()).isEqualTo(Encoding.PLAIN);
    }

    @Test
    void itGrowsPastItsFirstCapacityAndStartsOverOnReset() throws IOException {
        PlainValues values = new PlainValues(4096, 0, new PageBufferPool(1 << 20));
        for (long i = 0; i < 10_000; i++) {
            values.writeLong(i);
        }
        ByteBuffer read = ByteBuffer.wrap(values.getBytes().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(read.remaining()).isEqualTo(80_000);
        for (long i = 0; i < 10_000; i++) {
            assertThat(read.getLong()).isEqualTo(i);
        }
        assertThat(values.getAllocatedSize()).isGreaterThanOrEqualTo(80_000);

        values.reset();
        values.writeInteger(7);
        assertThat(values.written()).containsExactly(7, 0, 0, 0);
    }

    @Test
    void fixedLengthValuesHaveNoPrefixAndMustHaveTheirLength() throws IOException {
        PlainValues values = new PlainValues(16, 4, new PageBufferPool(0));
        values.writeBytes(Binary.fromConstantByteArray(new byte[] {1, 2, 3, 4}));
        assertThat(values.getBytes().toByteArray()).containsExactly(1, 2, 3, 4);

        assertThatThrownBy(() -> values.writeBytes(Binary.fromConstantByteArray(new byte[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 bytes, not 4");
    }

    @Test
    void everyBufferItTakesGoesBackWhenItGrowsOrCloses() {
        RecordingAllocator allocator = new RecordingAllocator();
        PlainValues values = new PlainValues(8, 0, allocator);
        for (int i = 0; i < 5; i++) {
            values.writeLong(i);
        }
        assertThat(allocator.allocated).extracting(ByteBuffer::capacity).containsExactly(8, 16, 32, 64);
        assertThat(allocator.released).containsExactlyElementsOf(allocator.allocated.subList(0, 3));

        values.close();
        assertThat(allocator.released).containsExactlyElementsOf(allocator.allocated);
        assertThat(values.getAllocatedSize()).isZero();
    }

    private static final class RecordingAllocator implements ByteBufferAllocator {
        final List<ByteBuffer> allocated = new ArrayList<>();
        final List<ByteBuffer> released = new ArrayList<>();

        @Override
        public ByteBuffer allocate(int size) {
            ByteBuffer buffer = ByteBuffer.allocate(size);
            allocated.add(buffer);
            return buffer;
        }

        @Override
        public void release(ByteBuffer buffer) {
            released.add(buffer);
        }

        @Override
        public boolean isDirect() {
            return false;
        }
    }
}
