package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 that signs the headers but not the payload ({@code x-amz-content-sha256: UNSIGNED-PAYLOAD})
 * over plain HTTP too, as the SDK already does over HTTPS. Over {@code http://} the SDK otherwise
 * hashes every uploaded byte with SHA-256 in signed chunks (aws-chunked), which the server then
 * has to decode and may check again: about 5% of the CPU of a PostgreSQL to Parquet sync on a
 * 2-core machine, on the client side alone. What the payload signature would add is integrity
 * against someone rewriting the bytes in flight; on a plain-HTTP link that someone can read them
 * anyway, and an endpoint that needs protection from it belongs behind HTTPS. S3 and MinIO accept
 * unsigned payloads.
 *
 * <p>The SDK decides "sign the payload" from the request's protocol, which the signature does not
 * cover, so the request is signed as if it went over HTTPS (with its Host header fixed to the
 * HTTP one first) and goes out over HTTP. HTTPS requests are signed unchanged. Thread-safe.
 */
final class UnsignedPayloadSigner implements AwsV4HttpSigner {
    private final AwsV4HttpSigner delegate;

    UnsignedPayloadSigner(AwsV4HttpSigner delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    /** The SDK's SigV4 scheme with this signer: for {@code S3ClientBuilder.putAuthScheme}. */
    static AwsV4AuthScheme scheme() {
        AwsV4HttpSigner signer = new UnsignedPayloadSigner(AwsV4HttpSigner.create());
        return new AwsV4AuthScheme() {
            @Override
            public String schemeId() {
                return AwsV4AuthScheme.SCHEME_ID;
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return providers.identityProvider(AwsCredentialsIdentity.class);
            }

            @Override
            public AwsV4HttpSigner signer() {
                return signer;
            }
        };
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest http = request.request();
        if (!"http".equals(http.protocol())) {
            return delegate.sign(request);
        }
        SdkHttpRequest asHttps = asHttps(http);
        SignedRequest signed = delegate.sign(request.copy(r -> r.request(asHttps)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)));
        return signed.copy(r -> r.request(signed.request().toBuilder().protocol("http").build()));
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest http = request.request();
        if (!"http".equals(http.protocol())) {
            return delegate.signAsync(request);
        }
        SdkHttpRequest asHttps = asHttps(http);
        return delegate.signAsync(request.copy(r -> r.request(asHttps)
                        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)))
                .thenApply(signed -> signed.copy(r -> r.request(signed.request().toBuilder().protocol("http").build())));
    }

    /** The same request marked HTTPS, its Host header as HTTP sends it (the port unless it is 80). */
    private static SdkHttpRequest asHttps(SdkHttpRequest http) {
        int port = http.port();
        String host = port == 80 || port == -1 ? http.host() : http.host() + ":" + port;
        return http.toBuilder().protocol("https").port(port == -1 ? 80 : port).putHeader("Host", host).build();
    }
}
