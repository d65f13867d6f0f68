package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** The byte stream of a text file (CSV, JSON lines): the upload, through GZIP when asked. */
final class TextFile {
    private static final int GZIP_BUFFER = 64 * 1024;

    private final MultipartOutputStream upload;
    private final GZIPOutputStream gzip;

    TextFile(MultipartOutputStream upload, boolean compress) throws IOException {
        this.upload = requireNonNull(upload, "upload");
        this.gzip = compress ? new GZIPOutputStream(upload, GZIP_BUFFER) : null;
    }

    /** Where the text goes. */
    OutputStream out() {
        return gzip != null ? gzip : upload;
    }

    /** Bytes uploaded or buffered for upload so far (compressed). */
    long size() {
        return upload.position();
    }

    /** Ends the GZIP stream and completes the upload. */
    void complete() throws IOException {
        if (gzip != null) {
            gzip.finish();
        }
        upload.close();
    }

    void abort() {
        upload.abort();
    }
}
