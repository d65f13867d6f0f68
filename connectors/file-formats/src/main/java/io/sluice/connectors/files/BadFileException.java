package io.sluice.connectors.files;

/**
 * A file that does not follow its format, or a value that does not fit its column. The message
 * says where (line or row, field) and what is wrong, without the file's name: the caller adds it.
 */
public final class BadFileException extends RuntimeException {

    public BadFileException(String message) {
        super(message);
    }

    public BadFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
