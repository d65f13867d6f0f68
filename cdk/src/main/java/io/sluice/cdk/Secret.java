package io.sluice.cdk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (a password, a key, a token: a spec property marked {@code airbyte_secret}). It
 * prints and serialises as {@value #MASK}; only {@link #reveal()} gives the value, at the one place
 * that must use it (opening a connection).
 */
public final class Secret {
    /** What a secret looks like wherever it is shown. */
    public static final String MASK = "**********";

    private final String value;

    private Secret(String value) {
        this.value = requireNonNull(value, "value");
    }

    /** Wraps a value; Jackson uses it to read a secret from JSON text. */
    @JsonCreator
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value itself. Never log or return it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Always {@value #MASK}; Jackson writes this too. */
    @JsonValue
    @Override
    public String toString() {
        return MASK;
    }

    /** Compares the values in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
