package io.sluice.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptLogTest {
    @TempDir
    Path dir;

    @Test
    void readsOnlyTheLinesAfterTheOffsetOfAnEarlierRead() throws IOException {
        Path file = dir.resolve("a.log");
        Files.writeString(file, "one\ntwo\n");
        AttemptLog.Chunk first = AttemptLog.readFrom(file, 0, 1 << 16);
        assertThat(first.lines()).containsExactly("one", "two");
        assertThat(first.next()).isEqualTo(8);
        Files.writeString(file, "three\nfour\n", StandardOpenOption.APPEND);
        AttemptLog.Chunk second = AttemptLog.readFrom(file, first.next(), 1 << 16);
        assertThat(second.lines()).containsExactly("three", "four");
        assertThat(AttemptLog.readFrom(file, second.next(), 1 << 16).lines()).isEmpty();
    }

    @Test
    void leavesALineStillBeingWrittenForTheNextRead() throws IOException {
        Path file = dir.resolve("a.log");
        Files.writeString(file, "done\nhalf a li");
        AttemptLog.Chunk chunk = AttemptLog.readFrom(file, 0, 1 << 16);
        assertThat(chunk.lines()).containsExactly("done");
        assertThat(chunk.next()).isEqualTo(5);
        Files.writeString(file, "ne\n", StandardOpenOption.APPEND);
        assertThat(AttemptLog.readFrom(file, chunk.next(), 1 << 16).lines()).containsExactly("half a line");
    }

    @Test
    void readsALongLogInChunksOfWholeLines() throws IOException {
        Path file = dir.resolve("a.log");
        Files.writeString(file, "aaaa\nbbbb\ncccc\n");
        AttemptLog.Chunk first = AttemptLog.readFrom(file, 0, 12);
        assertThat(first.lines()).containsExactly("aaaa", "bbbb");
        assertThat(first.more()).isTrue();
        AttemptLog.Chunk rest = AttemptLog.readFrom(file, first.next(), 12);
        assertThat(rest.lines()).containsExactly("cccc");
        assertThat(rest.more()).isFalse();
    }

    @Test
    void handsOverALineLongerThanTheChunkInPieces() throws IOException {
        Path file = dir.resolve("a.log");
        Files.writeString(file, "0123456789\n");
        AttemptLog.Chunk first = AttemptLog.readFrom(file, 0, 4);
        assertThat(first.lines()).containsExactly("0123");
        assertThat(first.next()).isEqualTo(4);
    }

    @Test
    void keepsMultiByteCharactersWholeAndDropsCarriageReturns() throws IOException {
        Path file = dir.resolve("a.log");
        Files.write(file, "Faker \u2192 DuckDB\r\nnext\n".getBytes(StandardCharsets.UTF_8));
        assertThat(AttemptLog.readFrom(file, 0, 1 << 16).lines()).containsExactly("Faker \u2192 DuckDB", "next");
    }

    @Test
    void aMissingFileHasNoLinesAndAnOffsetPastTheEndReadsFromTheStart() throws IOException {
        assertThat(AttemptLog.readFrom(dir.resolve("none.log"), 10, 100).lines()).isEmpty();
        Path file = dir.resolve("a.log");
        Files.writeString(file, "new\n");
        assertThat(AttemptLog.readFrom(file, 500, 100).lines()).containsExactly("new");
    }

    @Test
    void theTailOfALongLogStartsAtALine() throws IOException {
        Path file = dir.resolve("a.log");
        Files.writeString(file, "first line\nsecond\nthird\n");
        long tail = AttemptLog.tailOffset(file, 10);
        assertThat(AttemptLog.readFrom(file, tail, 100).lines()).containsExactly("third");
        assertThat(AttemptLog.tailOffset(file, 1000)).isZero();
    }
}
