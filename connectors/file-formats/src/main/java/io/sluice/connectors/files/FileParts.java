package io.sluice.connectors.files;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The parts of a file to parse, decompressed: the file itself, its gzip content, or each file
 * entry of a zip archive in order (all in the configured format). Compression is told by the
 * first bytes (gzip {@code 1f 8b}, zip {@code PK\3\4}), not by the file name.
 */
public final class FileParts {
    private static final byte[] GZIP = {(byte) 0x1f, (byte) 0x8b};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int BUFFER = 64 * 1024;

    private FileParts() {}

    /** Receives one part; returns false to stop (schema inference stops early). */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param name the part's name for messages ({@code file.zip!inner.csv} for archive entries)
         * @param in the part's bytes, decompressed; closed by {@link FileParts}
         * @param localFile the part as a file on disk, when it is the source's own uncompressed file
         */
        boolean part(String name, InputStream in, Optional<Path> localFile) throws IOException;
    }

    /** Opens {@code source} and hands each part to {@code handler}, until it returns false. */
    public static void forEach(FileLocation source, Handler handler) throws IOException {
        try (InputStream raw = source.open(); BufferedInputStream in = new BufferedInputStream(raw, BUFFER)) {
            byte[] head = peek(in, 4);
            if (startsWith(head, GZIP)) {
                try (InputStream gz = new GZIPInputStream(in, BUFFER)) {
                    handler.part(source.describe(), new BufferedInputStream(gz, BUFFER), Optional.empty());
                }
            } else if (startsWith(head, ZIP)) {
                zipEntries(source.describe(), in, handler);
            } else {
                handler.part(source.describe(), in, source.localPath());
            }
        }
    }

    private static void zipEntries(String name, InputStream in, Handler handler) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        boolean any = false;
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (entry.isDirectory() || isMetadata(entry.getName())) {
                continue;
            }
            any = true;
            if (!handler.part(name + "!" + entry.getName(), new EntryStream(zip), Optional.empty())) {
                return;
            }
        }
        if (!any) {
            throw new BadFileException("the zip archive holds no file");
        }
    }

    /** macOS archives carry {@code __MACOSX/} resource forks; they are not data. */
    private static boolean isMetadata(String entryName) {
        return entryName.startsWith("__MACOSX/") || entryName.endsWith(".DS_Store");
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** One zip entry; closing it leaves the archive open for the next entry. */
    private static final class EntryStream extends FilterInputStream {
        EntryStream(ZipInputStream zip) {
            super(zip);
        }

        @Override
        public void close() throws IOException {
            ((ZipInputStream) in).closeEntry();
        }
    }
}
