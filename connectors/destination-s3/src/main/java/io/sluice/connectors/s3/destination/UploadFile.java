package io.sluice.connectors.s3.destination;

import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** Parquet's view of a multipart upload: a stream that knows its position. */
final class UploadFile implements OutputFile {
    private final MultipartOutputStream upload;

    UploadFile(MultipartOutputStream upload) {
        this.upload = upload;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        return new PositionOutputStream() {
            @Override
            public long getPos() {
                return upload.position();
            }

            @Override
            public void write(int b) throws IOException {
                upload.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                upload.write(bytes, offset, length);
            }

            /** Parquet closes its stream after the footer; the upload is completed by {@link #complete()}. */
            @Override
            public void close() {}
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return "s3://" + upload.key();
    }
}
