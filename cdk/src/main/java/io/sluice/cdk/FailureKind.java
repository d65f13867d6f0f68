package io.sluice.cdk;

import io.sluice.protocol.TraceMessage.FailureType;

/** Why something failed, which decides whether it is retried. */
public enum FailureKind {
    /** The user's config is wrong; retrying will not help. The message names the field. */
    CONFIG,
    /** Worth retrying with backoff: a timeout, a dropped connection, a rate limit. */
    TRANSIENT,
    /** A bug or an unexpected state; retried a few times, then the sync fails. */
    SYSTEM;

    public FailureType toProtocol() {
        return switch (this) {
            case CONFIG -> FailureType.CONFIG_ERROR;
            case TRANSIENT -> FailureType.TRANSIENT_ERROR;
            case SYSTEM -> FailureType.SYSTEM_ERROR;
        };
    }

    public static FailureKind fromProtocol(FailureType type) {
        return switch (type) {
            case CONFIG_ERROR -> CONFIG;
            case TRANSIENT_ERROR -> TRANSIENT;
            case SYSTEM_ERROR -> SYSTEM;
        };
    }
}
