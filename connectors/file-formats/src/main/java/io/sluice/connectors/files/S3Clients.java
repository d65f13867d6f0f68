package io.sluice.connectors.files;

import io.sluice.cdk.ConnectorException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds S3 clients: path-style with a custom endpoint, the JDK's HTTP client, bounded timeouts. */
public final class S3Clients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private S3Clients() {}

    /**
     * A client for the settings; the caller closes it.
     *
     * @throws ConnectorException (CONFIG) when only one of the two keys is given
     */
    public static S3Client create(S3Settings settings) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofMinutes(30))
                        .build());
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        boolean hasId = settings.accessKeyId().filter(id -> !id.isBlank()).isPresent();
        boolean hasSecret = settings.secretAccessKey().filter(s -> !s.isEmpty()).isPresent();
        if (hasId != hasSecret) {
            throw ConnectorException.config(hasId
                    ? settings.fields().secretAccessKey() + " is required with " + settings.fields().accessKeyId()
                    : settings.fields().accessKeyId() + " is required with " + settings.fields().secretAccessKey());
        }
        if (!hasId) {
            return AnonymousCredentialsProvider.create();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.accessKeyId().orElseThrow(), settings.secretAccessKey().orElseThrow().reveal()));
    }
}
