package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams one object to S3 through a multipart upload: bytes fill a part-sized buffer, a full
 * buffer is uploaded on the upload executor while the next one fills, with at most
 * {@code partsInFlight} parts uploading at once, so at most {@code partsInFlight + 1} parts are in
 * memory however large the object (their buffers are reused). {@link #close()} completes the
 * upload, and only then is the object visible; {@link #abort()} drops it. An object smaller than
 * one part is written with a single PUT on close. Used by one writing thread at a time.
 */
final class MultipartOutputStream extends OutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartOutputStream.class);

    private final S3Storage storage;
    private final String key;
    private final ExecutorService uploads;
    private final int partsInFlight;
    private final List<CompletedPart> parts = new ArrayList<>();
    /** Uploads in part-number order, each with the buffer it reads (free again once it is done). */
    private final Deque<Uploading> inFlight = new ArrayDeque<>();
    private final Deque<byte[]> spare = new ArrayDeque<>();
    private byte[] buffer;
    private int filled;
    private long position;
    private String uploadId;
    private boolean finished;

    private record Uploading(Future<CompletedPart> part, byte[] buffer) {}

    MultipartOutputStream(S3Storage storage, String key, int partSize, int partsInFlight, ExecutorService uploads) {
        if (partsInFlight < 1) {
            throw new IllegalArgumentException("partsInFlight must be positive");
        }
        this.storage = requireNonNull(storage, "storage");
        this.key = requireNonNull(key, "key");
        this.uploads = requireNonNull(uploads, "uploads");
        this.partsInFlight = partsInFlight;
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
            while (!inFlight.isEmpty()) {
                awaitOldest();
            }
            storage.completeMultipart(key, uploadId, List.copyOf(parts));
        }
        finished = true;
        buffer = null;
        spare.clear();
        LOG.debug("wrote s3://{}/{} ({} bytes, {} parts)", storage.bucket(), key, position, parts.size());
    }

    /** Drops what was written: nothing becomes visible. Never throws. */
    void abort() {
        if (finished) {
            return;
        }
        finished = true;
        buffer = null;
        spare.clear();
        for (Uploading uploading : inFlight) {
            uploading.part().cancel(false);
            try {
                uploading.part().get();
            } catch (Exception e) {
                LOG.debug("a part of s3://{}/{} failed while aborting: {}", storage.bucket(), key, e.toString());
            }
        }
        inFlight.clear();
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
        while (inFlight.size() >= partsInFlight || (!inFlight.isEmpty() && inFlight.peekFirst().part().isDone())) {
            awaitOldest();
        }
        byte[] full = buffer;
        int length = filled;
        int partNumber = parts.size() + inFlight.size() + 1;
        String id = uploadId;
        inFlight.addLast(new Uploading(uploads.submit(() -> storage.uploadPart(key, id, partNumber, full, length)),
                full));
        buffer = spare.isEmpty() ? new byte[full.length] : spare.pop();
        filled = 0;
    }

    /** Waits for the oldest part in flight; its buffer is free again. */
    private void awaitOldest() throws IOException {
        Uploading oldest = inFlight.removeFirst();
        try {
            parts.add(oldest.part().get());
            spare.push(oldest.buffer());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading s3://" + storage.bucket() + "/" + key);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectorException c) {
                throw c;
            }
            throw new IOException("uploading s3://" + storage.bucket() + "/" + key + " failed", e.getCause());
        }
    }
}
