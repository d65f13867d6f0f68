package io.sluice.connectors.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest the README shows builds, with the config it shows. */
class ReadmeManifestTest {

    @Test
    void readmeManifestBuilds() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        int section = readme.indexOf("### REST APIs from a YAML manifest");
        int start = readme.indexOf("```yaml", section) + "```yaml".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        ObjectNode config = Manifests.config(yaml,
                "{\"url_base\": \"https://api.example.com/v1\", \"api_token\": \"t\", \"start_date\": \"2024-01-01\"}");

        LoadedSource source = LoadedSource.build(SourceConfig.load(config), RestClient.newHttpClient(), c -> { });

        assertThat(source.streams()).extracting(DeclarativeStream::name).containsExactly("customers");
        DeclarativeStream stream = source.streams().getFirst();
        assertThat(stream.primaryKey()).containsExactly(List.of("id"));
        assertThat(stream.cursor().orElseThrow().cursorField()).isEqualTo("created");
        assertThat(stream.retriever().paginator()).isInstanceOf(Paginator.Default.class);
        assertThat(source.checkStreams()).containsExactly("customers");
    }
}
