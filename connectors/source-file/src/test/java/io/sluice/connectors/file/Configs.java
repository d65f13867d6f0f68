package io.sluice.connectors.file;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.connectors.files.testing.S3TestServer;

/** source-file configs for tests, in Airbyte's field names. */
final class Configs {
    private Configs() {}

    static ObjectNode https(String dataset, String format, String url) {
        ObjectNode c = base(dataset, format, url);
        c.putObject("provider").put("storage", "HTTPS");
        return c;
    }

    static ObjectNode local(String dataset, String format, String path) {
        ObjectNode c = base(dataset, format, path);
        c.putObject("provider").put("storage", "local");
        return c;
    }

    static ObjectNode s3(String dataset, String format, String url, S3TestServer s3) {
        ObjectNode c = base(dataset, format, url);
        c.putObject("provider").put("storage", "S3")
                .put("aws_access_key_id", S3TestServer.ACCESS_KEY)
                .put("aws_secret_access_key", S3TestServer.SECRET_KEY)
                .put("endpoint", s3.endpoint().toString());
        return c;
    }

    private static ObjectNode base(String dataset, String format, String url) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("dataset_name", dataset).put("format", format).put("url", url);
        return c;
    }
}
