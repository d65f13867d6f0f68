package io.sluice.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret config values at rest with AES-GCM (a fresh 96-bit nonce per value, 128-bit tag).
 * An encrypted value is the text {@code sluice:enc:v1:} followed by base64 of nonce and ciphertext.
 * Thread-safe.
 */
public final class SecretCipher {
    /** What every encrypted value starts with. */
    public static final String PREFIX = "sluice:enc:v1:";
    private static final String KEY_FILE = "secret.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(byte[] key) {
        if (key.length != 16 && key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 16 or 32 bytes (AES-128 or AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * The cipher for the key given in base64 ({@code SLUICE_SECRET_KEY}), or else for the key in
     * {@code dataDir/secret.key}, which is created (32 random bytes, readable by the owner only) on
     * first use.
     */
    public static SecretCipher load(Optional<String> base64Key, Path dataDir) {
        if (base64Key.isPresent()) {
            try {
                return new SecretCipher(Base64.getDecoder().decode(base64Key.get().strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SLUICE_SECRET_KEY must be 16 or 32 bytes in base64: "
                        + e.getMessage());
            }
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            return new SecretCipher(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    private static void createKeyFile(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
    }

    public static boolean isEncrypted(String value) {
        return value.startsWith(PREFIX);
    }

    public String encrypt(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the value was encrypted with another key or was altered */
    public String decrypt(String encrypted) {
        if (!isEncrypted(encrypted)) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        byte[] in = Base64.getDecoder().decode(encrypted.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: the secret key changed or the value"
                    + " was altered", e);
        }
    }
}
