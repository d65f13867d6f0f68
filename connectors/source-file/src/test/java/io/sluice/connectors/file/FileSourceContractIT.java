package io.sluice.connectors.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Source;
import io.sluice.cdk.testkit.SourceContractTest;
import io.sluice.connectors.files.testing.SampleFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared source contract, reading the seed's File Source (CSV over HTTPS) from a local HTTP server. */
class FileSourceContractIT extends SourceContractTest {
    private static HttpFiles http;

    @BeforeAll
    static void start() throws Exception {
        http = new HttpFiles();
        http.serve("/sales.csv", SampleFiles.CSV.getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Override
    protected Source source() {
        return new FileSource();
    }

    @Override
    protected JsonNode validConfig() {
        return Configs.https("sales_data", "csv", http.url("/sales.csv"));
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        ObjectNode excel = Configs.https("sales_data", "excel", http.url("/sales.csv"));
        ObjectNode noUrl = Configs.https("sales_data", "csv", http.url("/sales.csv"));
        noUrl.remove("url");
        ObjectNode badProvider = Configs.https("sales_data", "csv", http.url("/sales.csv"));
        badProvider.putObject("provider").put("storage", "FTP");
        return List.of(
                noUrl,
                excel,
                badProvider,
                Configs.https("sales_data", "csv", http.url("/missing.csv")),
                Configs.https("sales_data", "csv", http.url("/private/sales.csv")),
                Configs.local("sales_data", "csv", "/nonexistent/sales.csv"));
    }
}
