package io.sluice.connectors.declarative;

import io.sluice.cdk.Secret;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Keeps secrets out of messages: every known secret value (the config's {@code airbyte_secret}
 * fields, tokens obtained while reading) is replaced by the mask in any text that leaves the
 * connector as an error or a log line. Thread-safe; tokens are added as they are obtained.
 */
final class Scrubber {
    private static final int SHORTEST_SECRET = 3;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    Scrubber(List<String> known) {
        known.forEach(this::add);
    }

    void add(String secret) {
        if (secret != null && secret.length() >= SHORTEST_SECRET) {
            secrets.add(secret);
        }
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = result.replace(secret, Secret.MASK);
        }
        return result;
    }
}
