package io.sluice.platform.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sluice.cdk.Secret;
import io.sluice.cdk.Secrets;
import java.util.Iterator;
import java.util.Map;

/**
 * The secret values of connector configs: encrypted before they are stored, decrypted only to run
 * a connector, masked in every response, and kept when an update sends the mask back. Which
 * values are secret is what the connector's spec marks {@code airbyte_secret}.
 */
public final class ConfigSecrets {
    private static final TextNode MASK = TextNode.valueOf(Secret.MASK);

    private final SecretCipher cipher;

    public ConfigSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The config to store: each secret value as encrypted text (non-text values as their JSON text). */
    public JsonNode encrypt(ObjectNode spec, JsonNode config) {
        return Secrets.replace(spec, config, (pointer, value) -> {
            if (value.isTextual() && SecretCipher.isEncrypted(value.asText())) {
                return value;
            }
            return TextNode.valueOf(cipher.encrypt(value.isTextual() ? value.asText() : value.toString()));
        });
    }

    /** The stored config with every encrypted value decrypted, wherever it sits. */
    public JsonNode decrypt(JsonNode stored) {
        JsonNode copy = stored.deepCopy();
        return decryptInPlace(copy);
    }

    private JsonNode decryptInPlace(JsonNode node) {
        if (node.isTextual() && SecretCipher.isEncrypted(node.asText())) {
            return TextNode.valueOf(cipher.decrypt(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = decryptInPlace(field.getValue());
                if (value != field.getValue()) {
                    field.setValue(value);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, decryptInPlace(array.get(i)));
            }
        }
        return node;
    }

    /** The config as a response shows it: secret values (and anything encrypted) as {@value Secret#MASK}. */
    public JsonNode mask(ObjectNode spec, JsonNode config) {
        return maskEncrypted(Secrets.mask(spec, config));
    }

    private static JsonNode maskEncrypted(JsonNode node) {
        if (node.isTextual() && SecretCipher.isEncrypted(node.asText())) {
            return MASK;
        }
        if (node.isObject()) {
            ((ObjectNode) node).fields().forEachRemaining(f -> f.setValue(maskEncrypted(f.getValue())));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, maskEncrypted(array.get(i)));
            }
        }
        return node;
    }

    /**
     * An updated config in which every secret sent back as {@value Secret#MASK} takes the value
     * stored before (plain, as {@code previous} holds it decrypted); a secret with no stored value
     * stays the mask, which the spec's validation then judges.
     */
    public JsonNode keepMasked(ObjectNode spec, JsonNode updated, JsonNode previous) {
        return Secrets.replace(spec, updated, (pointer, value) -> {
            if (value.isTextual() && Secret.MASK.equals(value.asText())) {
                JsonNode old = previous.at(pointer);
                return old.isMissingNode() || old.isNull() ? value : old;
            }
            return value;
        });
    }
}
