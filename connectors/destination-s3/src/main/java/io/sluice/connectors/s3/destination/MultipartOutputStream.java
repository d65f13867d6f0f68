package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams one object to S3 through a multipart upload: bytes fill a part-sized buffer, a full
 * buffer is uploaded on the upload executor while the next one fills, so at most two parts are in
 * memory however large the object. {@link #close()} completes the upload, and only then is the
 * object visible; {@link #abort()} drops it. An object smaller than one part is written with a
 * single PUT on close. Used by one writing thread.
 */
final class MultipartOutputStream extends OutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartOutputStream.class);

    private final S3Storage storage;
    private final String key;
    private final ExecutorService uploads;
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] buffer;
    private byte[] spare;
    private int filled;
    private long position;
    private String uploadId;
    private Future<CompletedPart> inFlight;
    private boolean finished;

    MultipartOutputStream(S3Storage storage, String key, int partSize, ExecutorService uploads) {
        this.storage = requireNonNull(storage, "storage");
        this.key = requireNonNull(key, "key");
        this.uploads = requireNonNull(uploads, "uploads");
        this.buffer = new byte[partSize];
    }

    String key() {
        return key;
    }

    /** Bytes written so far. */
    long position() {
        return position;
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            sendPart();
        }
        buffer[filled++] = (byte) b;
        position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == buffer.length) {
                sendPart();
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            position += n;
        }
    }

    /** Completes the upload: the object becomes visible. Closing twice does nothing. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        if (uploadId == null) {
            storage.put(key, buffer, filled);
        } else {
            if (filled > 0) {
                sendPart();
            }
            awaitInFlight();
            storage.completeMultipart(key, uploadId, List.copyOf(parts));
        }
        finished = true;
        buffer = null;
        spare = null;
        LOG.debug("wrote s3://{}/{} ({} bytes, {} parts)", storage.bucket(), key, position, parts.size());
    }

    /** Drops what was written: nothing becomes visible. Never throws. */
    void abort() {
        if (finished) {
            return;
        }
        finished = true;
        buffer = null;
        spare = null;
        if (inFlight != null) {
            inFlight.cancel(false);
            try {
                inFlight.get();
            } catch (Exception e) {
                LOG.debug("a part of s3://{}/{} failed while aborting: {}", storage.bucket(), key, e.toString());
            }
        }
        if (uploadId != null) {
            try {
                storage.abortMultipart(key, uploadId);
            } catch (RuntimeException e) {
                LOG.warn("could not abort the upload of s3://{}/{}: {}", storage.bucket(), key, e.getMessage());
            }
        }
    }

    private void sendPart() throws IOException {
        if (uploadId == null) {
            uploadId = storage.createMultipart(key);
        }
        awaitInFlight();
        byte[] full = buffer;
        int length = filled;
        int partNumber = parts.size() + 1;
        String id = uploadId;
        inFlight = uploads.submit(() -> storage.uploadPart(key, id, partNumber, full, length));
        buffer = spare != null ? spare : new byte[full.length];
        spare = full;
        filled = 0;
    }

    private void awaitInFlight() throws IOException {
        if (inFlight == null) {
            return;
        }
        try {
            parts.add(inFlight.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading s3://" + storage.bucket() + "/" + key);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectorException c) {
                throw c;
            }
            throw new IOException("uploading s3://" + storage.bucket() + "/" + key + " failed", e.getCause());
        } finally {
            inFlight = null;
        }
    }
}
