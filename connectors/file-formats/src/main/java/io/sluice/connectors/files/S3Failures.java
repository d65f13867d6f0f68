package io.sluice.connectors.files;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.net.ConnectException;
import java.net.UnknownHostException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 failures in plain words, classified: a missing bucket or object, bad credentials, denied
 * access and an unreachable endpoint are CONFIG errors naming the field to fix; throttling and
 * server errors are TRANSIENT. Never includes a secret.
 */
public final class S3Failures {
    private S3Failures() {}

    /** @param what what was being done, e.g. {@code Listing s3://bucket/data/} */
    public static ConnectorException classify(String what, SdkException e, S3Settings settings, String bucket) {
        S3Settings.Fields f = settings.fields();
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? "" : s3.awsErrorDetails().errorCode();
            int status = s3.statusCode();
            String message = switch (code == null ? "" : code) {
                case "NoSuchBucket" -> f.bucket() + ": bucket \"" + bucket + "\" does not exist at "
                        + settings.endpointName();
                case "NoSuchKey" -> what + ": the object does not exist";
                case "InvalidAccessKeyId" -> f.accessKeyId() + ": the access key id is not known to "
                        + settings.endpointName();
                case "SignatureDoesNotMatch" -> f.secretAccessKey() + ": the secret access key does not match "
                        + f.accessKeyId();
                case "AccessDenied" -> "access denied to bucket \"" + bucket + "\": check " + f.accessKeyId()
                        + " and " + f.secretAccessKey() + " and the bucket's permissions";
                case "PermanentRedirect", "AuthorizationHeaderMalformed" -> "bucket \"" + bucket
                        + "\" is in another region than the one configured";
                default -> null;
            };
            if (message != null) {
                return new ConnectorException(FailureKind.CONFIG, what + " failed: " + message, e);
            }
            if (status == 404) {
                return new ConnectorException(FailureKind.CONFIG, what + " failed: not found (HTTP 404)", e);
            }
            if (status == 403) {
                return new ConnectorException(FailureKind.CONFIG, what + " failed: access denied (HTTP 403): check "
                        + f.accessKeyId() + " and " + f.secretAccessKey(), e);
            }
            FailureKind kind = status == 429 || status >= 500 ? FailureKind.TRANSIENT : FailureKind.SYSTEM;
            return new ConnectorException(kind, what + " failed: " + s3.getMessage(), e);
        }
        if (e instanceof SdkClientException && isUnreachable(e)) {
            return new ConnectorException(FailureKind.CONFIG, what + " failed: " + f.endpoint() + ": cannot reach "
                    + settings.endpointName() + " (" + rootMessage(e) + ")", e);
        }
        return new ConnectorException(FailureKind.TRANSIENT, what + " failed: " + rootMessage(e), e);
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
