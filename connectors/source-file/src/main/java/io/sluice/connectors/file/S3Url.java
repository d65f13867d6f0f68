package io.sluice.connectors.file;

import java.util.Optional;

/** {@code s3://bucket/key}. */
record S3Url(String bucket, String key) {

    static Optional<S3Url> of(String url) {
        if (!url.regionMatches(true, 0, "s3://", 0, 5)) {
            return Optional.empty();
        }
        String rest = url.substring(5);
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new S3Url(rest.substring(0, slash), rest.substring(slash + 1)));
    }
}
