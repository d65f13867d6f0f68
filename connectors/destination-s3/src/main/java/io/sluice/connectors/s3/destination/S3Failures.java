package io.sluice.connectors.s3.destination;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns S3 client failures into plain words naming the config field at fault. The client's own
 * messages are never passed on whole: what is quoted from them has every secret value removed.
 */
final class S3Failures {
    private final String bucket;
    private final String where;
    private final List<String> secrets;

    S3Failures(S3Config config) {
        this.bucket = config.bucket();
        this.where = config.endpoint().map(e -> "the endpoint " + e).orElse("AWS region " + config.region());
        this.secrets = config.secretValues();
    }

    /** The failure of {@code action} (e.g. "upload s3://b/k") as a classified exception. */
    ConnectorException of(String action, SdkException e) {
        if (e instanceof S3Exception s3) {
            return ofService(action, s3);
        }
        return ofClient(action, e);
    }

    private ConnectorException ofService(String action, S3Exception e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
        int status = e.statusCode();
        return switch (code) {
            case "NoSuchBucket" -> config("s3_bucket_name: the bucket '" + bucket + "' does not exist at " + where, e);
            case "InvalidAccessKeyId" -> config("access_key_id: " + where + " does not know this access key id", e);
            case "SignatureDoesNotMatch" -> config(
                    "secret_access_key: does not match the access key id (" + where + " refused the signature)", e);
            case "AuthorizationHeaderMalformed", "PermanentRedirect", "IllegalLocationConstraintException" -> config(
                    "s3_bucket_region: the bucket '" + bucket + "' is not in region this config names (" + code + ")", e);
            case "AccessDenied", "AllAccessDisabled" -> config("access denied: the credentials in access_key_id / "
                    + "secret_access_key may not " + action + " (" + where + ")", e);
            default -> {
                if (status == 403) {
                    yield config("access denied (HTTP 403" + (code.isEmpty() ? "" : ", " + code)
                            + "): the credentials in access_key_id / secret_access_key may not " + action, e);
                }
                if (status == 301) {
                    yield config("s3_bucket_region: the bucket '" + bucket + "' is in another region", e);
                }
                String detail = " (" + (code.isEmpty() ? "" : code + ", ") + "HTTP " + status + ")";
                yield status >= 500 || status == 429 || code.equals("SlowDown") || code.equals("RequestTimeout")
                        ? new ConnectorException(FailureKind.TRANSIENT, "S3 could not " + action + detail, scrubbed(e))
                        : new ConnectorException(FailureKind.SYSTEM, "S3 refused to " + action + detail, scrubbed(e));
            }
        };
    }

    private ConnectorException ofClient(String action, SdkException e) {
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return config("s3_endpoint: cannot reach " + where + ": the host name is unknown", e);
        }
        if (cause instanceof ConnectException) {
            return new ConnectorException(FailureKind.TRANSIENT, "s3_endpoint: cannot reach " + where
                    + ": connection refused (is the server running, and is the port right?)", scrubbed(e));
        }
        if (cause instanceof SocketTimeoutException) {
            return new ConnectorException(FailureKind.TRANSIENT,
                    "s3_endpoint: " + where + " did not answer in time while trying to " + action, scrubbed(e));
        }
        if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("credentials")) {
            return config("access_key_id: no credentials given and none found in the environment", e);
        }
        return new ConnectorException(e.retryable() ? FailureKind.TRANSIENT : FailureKind.SYSTEM,
                "could not " + action + " at " + where + ": " + scrub(firstLine(e.getMessage())), scrubbed(e));
    }

    private ConnectorException config(String message, SdkException e) {
        return new ConnectorException(FailureKind.CONFIG, message, scrubbed(e));
    }

    /** A stand-in for the client's exception whose message has the secrets removed (it is logged with the failure). */
    private Throwable scrubbed(SdkException e) {
        RuntimeException copy = new RuntimeException(e.getClass().getSimpleName() + ": " + scrub(e.getMessage()));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    String scrub(String message) {
        if (message == null) {
            return "";
        }
        String result = message;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, io.sluice.cdk.Secret.MASK);
            }
        }
        return result;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
