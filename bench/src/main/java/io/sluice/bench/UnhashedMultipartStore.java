package io.sluice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.BlobMetadata;
import org.gaul.s3proxy.blobstore.domain.MultipartPart;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.gaul.s3proxy.blobstore.options.PutOptions;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * S3Proxy's file-system store with a cheaper multipart path, for {@code bench/pg-to-s3}: S3Proxy's
 * own store computes the MD5 of every part as it arrives and then, on completion, reads the parts
 * back into one new file through its MD5 again, which took 3-4 of the bench's CPU-seconds on the
 * cores Sluice shares with it. Here a part is written to a file as it arrives, without a digest
 * (its ETag is an opaque id, as S3 allows for parts; a Content-MD5 the client sends is still
 * checked), and completion joins the part files into the object's file with the kernel's copy and
 * gives it a multipart-style ETag. Everything else, single PUTs, GET, HEAD, LIST and DELETE, is
 * S3Proxy's own store over the same directory, where the joined object sits where that store keeps
 * its objects ({@code <root>/<bucket>/<key>}).
 */
final class UnhashedMultipartStore extends ForwardingBlobStore {
    /**
     * The extended attribute S3Proxy's nio2 store reads an object's ETag from (16 bytes of MD5, or a
     * multipart ETag as ASCII), by the name it gives the JDK's attribute view.
     */
    private static final String ETAG_ATTRIBUTE = "user.content-md5";

    private final Path root;
    private final Path parts;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicLong partIds = new AtomicLong();

    private record Upload(MultipartUpload upload, Map<Integer, MultipartPart> parts) {}

    private UnhashedMultipartStore(Path root, Path parts) {
        super(new FilesystemNio2BlobStore(root.toString()));
        this.root = root;
        this.parts = parts;
    }

    /** A store of objects under {@code root}, parts in progress under {@code parts} (outside it). */
    static UnhashedMultipartStore under(Path root, Path parts) throws IOException {
        Files.createDirectories(parts);
        return new UnhashedMultipartStore(root, parts);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(String container, BlobMetadata metadata, PutOptions options) {
        MultipartUpload upload = new MultipartUpload(container, metadata.name(), UUID.randomUUID().toString(),
                metadata, options);
        try {
            Files.createDirectories(parts.resolve(upload.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploads.put(upload.id(), new Upload(upload, new ConcurrentHashMap<>()));
        return upload;
    }

    @Override
    public MultipartPart uploadMultipartPart(MultipartUpload upload, int partNumber, InputStream payload, long size,
            com.google.common.hash.HashCode contentMd5) {
        Upload known = known(upload);
        Path file = parts.resolve(upload.id()).resolve(Integer.toString(partNumber));
        try {
            if (contentMd5 == null) {
                Files.copy(payload, file, StandardCopyOption.REPLACE_EXISTING);
            } else {
                copyChecked(payload, file, contentMd5.asBytes());
            }
            MultipartPart part = new MultipartPart(partNumber, Files.size(file),
                    "\"" + upload.id().substring(0, 8) + "-" + partIds.incrementAndGet() + "\"", new Date());
            known.parts().put(partNumber, part);
            return part;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<MultipartPart> listMultipartUpload(MultipartUpload upload) {
        return known(upload).parts().values().stream().sorted(Comparator.comparingInt(MultipartPart::partNumber))
                .toList();
    }

    @Override
    public List<MultipartUpload> listMultipartUploads(String container) {
        return uploads.values().stream().map(Upload::upload).filter(u -> u.containerName().equals(container))
                .toList();
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        uploads.remove(upload.id());
        deleteParts(upload.id());
    }

    @Override
    public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> chosen) {
        Upload known = known(upload);
        Path target = root.resolve(upload.containerName()).resolve(upload.blobName()).normalize();
        if (!target.startsWith(root.resolve(upload.containerName()))) {
            throw new IllegalArgumentException("key outside its bucket: " + upload.blobName());
        }
        String eTag = "\"" + upload.id().replace("-", "") + "-" + chosen.size() + "\"";
        try {
            Files.createDirectories(target.getParent());
            Path joining = target.resolveSibling(target.getFileName() + "." + upload.id());
            try (FileChannel out = FileChannel.open(joining, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (MultipartPart part : chosen) {
                    if (!known.parts().containsKey(part.partNumber())) {
                        throw new IllegalArgumentException("no part " + part.partNumber() + " in " + upload.id());
                    }
                    try (FileChannel in = FileChannel.open(parts.resolve(upload.id())
                            .resolve(Integer.toString(part.partNumber())))) {
                        long size = in.size();
                        for (long done = 0; done < size; ) {
                            done += in.transferTo(done, size - done, out);
                        }
                    }
                }
            }
            UserDefinedFileAttributeView view = Files.getFileAttributeView(joining, UserDefinedFileAttributeView.class);
            if (view != null) {
                view.write(ETAG_ATTRIBUTE, ByteBuffer.wrap(eTag.getBytes(StandardCharsets.US_ASCII)));
            }
            Files.move(joining, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploads.remove(upload.id());
        deleteParts(upload.id());
        return eTag;
    }

    private Upload known(MultipartUpload upload) {
        Upload known = uploads.get(upload.id());
        if (known == null) {
            throw new IllegalArgumentException("no multipart upload " + upload.id());
        }
        return known;
    }

    private void deleteParts(String id) {
        try (Stream<Path> files = Files.list(parts.resolve(id))) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(parts.resolve(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the part while computing its MD5, and refuses it unless that is what the client sent. */
    private static void copyChecked(InputStream payload, Path file, byte[] expected) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (var out = Files.newOutputStream(file)) {
            for (int n = payload.read(buffer); n >= 0; n = payload.read(buffer)) {
                md5.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        byte[] actual = md5.digest();
        if (!MessageDigest.isEqual(actual, expected)) {
            Files.delete(file);
            throw new IllegalArgumentException("Content-MD5 " + HexFormat.of().formatHex(expected)
                    + " does not match the part's " + HexFormat.of().formatHex(actual));
        }
    }
}
