package io.sluice.cdk.normalization;

/**
 * A row's {@code _airbyte_<table>_hashid}: 128 bits that print as 32 lowercase hex digits. Kept as
 * two longs so that a destination can write the digits straight into its load buffer; anything else
 * takes {@link #toString()}.
 */
public record HashId(long high, long low) {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The 32 hex digits, {@link #high} first. */
    @Override
    public String toString() {
        char[] hex = new char[32];
        for (int i = 0; i < 16; i++) {
            hex[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xF];
            hex[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xF];
        }
        return new String(hex);
    }
}
