package io.sluice.connectors.s3.source;

import io.sluice.connectors.files.S3Failures;
import io.sluice.connectors.files.S3Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Lists the files of a stream: keys matching its globs, modified at or after the start date, oldest first. */
final class BucketListing {
    private final S3Client client;
    private final S3Settings settings;
    private final String bucket;

    BucketListing(S3Client client, S3Settings settings, String bucket) {
        this.client = client;
        this.settings = settings;
        this.bucket = bucket;
    }

    /**
     * @param limit stop after this many matches (a check needs one)
     * @throws io.sluice.cdk.ConnectorException classified, naming the field to fix
     */
    List<BucketFile> files(StreamConfig stream, Optional<Instant> startDate, int limit) {
        Set<String> prefixes = new LinkedHashSet<>();
        stream.globs().forEach(g -> prefixes.add(g.prefix()));
        List<BucketFile> files = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String prefix : narrowest(prefixes)) {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
            try {
                for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
                    if (object.key().endsWith("/") || !stream.matches(object.key()) || !seen.add(object.key())) {
                        continue;
                    }
                    if (startDate.isPresent() && object.lastModified().isBefore(startDate.get())) {
                        continue;
                    }
                    files.add(new BucketFile(object.key(), object.lastModified(), object.eTag(), object.size()));
                    if (files.size() >= limit) {
                        break;
                    }
                }
            } catch (SdkException e) {
                throw S3Failures.classify("Listing s3://" + bucket + "/" + prefix, e, settings, bucket);
            }
        }
        files.sort(BucketFile.BY_MODIFICATION);
        return files;
    }

    /** Prefixes that no other prefix of the set contains, so no key is listed twice. */
    private static List<String> narrowest(Set<String> prefixes) {
        return prefixes.stream()
                .filter(p -> prefixes.stream().noneMatch(other -> !other.equals(p) && p.startsWith(other)))
                .toList();
    }
}
