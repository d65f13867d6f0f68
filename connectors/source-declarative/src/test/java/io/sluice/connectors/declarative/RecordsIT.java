package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.SyncMode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Record selection, filtering, transformations and schema inference. */
class RecordsIT {
    private final ApiServer api = new ApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void selectorFilterAddAndRemoveFields() {
        api.on("/accounts", r -> json("""
                {"result": {"groups": [
                  {"members": [{"id": 1, "status": "active", "amount": 5, "secret_note": "x", "meta": {"etag": "e1", "v": 1}},
                               {"id": 2, "status": "closed", "amount": 7, "secret_note": "y", "meta": {"etag": "e2", "v": 1}}]},
                  {"members": [{"id": 3, "status": "active", "amount": 9, "secret_note": "z", "meta": {"etag": "e3", "v": 2}}]}
                ]}}"""));
        String manifest = """
                version: 6.0.0
                type: DeclarativeSource
                streams:
                  - type: DeclarativeStream
                    name: accounts
                    primary_key: [id]
                    $parameters: {region: eu}
                    retriever:
                      type: SimpleRetriever
                      requester: {type: HttpRequester, url_base: "%s", path: /accounts}
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: [result, groups, "*", members]}
                        record_filter: {type: RecordFilter, condition: "{{ record['status'] == config['status'] }}"}
                    transformations:
                      - type: AddFields
                        fields:
                          - {path: [double_amount], value: "{{ record['amount'] * 2 }}"}
                          - {path: [origin, region], value: "{{ parameters['region'] }}"}
                          - {path: [amount_text], value: "{{ record.amount }}", value_type: string}
                      - type: RemoveFields
                        field_pointers: [[secret_note], [meta, etag]]
                """.formatted(api.url());
        var read = Manifests.read(Manifests.config(manifest, "{\"status\": \"active\"}"));
        List<JsonNode> records = read.records("accounts");
        assertThat(records).extracting(r -> r.path("id").asInt()).containsExactly(1, 3);
        JsonNode first = records.getFirst();
        assertThat(first.path("double_amount").asInt()).isEqualTo(10);
        assertThat(first.at("/origin/region").asText()).isEqualTo("eu");
        assertThat(first.path("amount_text").isTextual()).isTrue();
        assertThat(first.has("secret_note")).isFalse();
        assertThat(first.at("/meta/etag").isMissingNode()).isTrue();
        assertThat(first.at("/meta/v").asInt()).isEqualTo(1);
    }

    @Test
    void aValueThatDoesNotFitItsColumnNamesTheFieldAndTheSchemaSource() {
        api.on("/things", r -> json("[{\"id\": \"not-a-number\"}]"));
        String manifest = """
                streams:
                  - name: things
                    retriever:
                      requester: {url_base: "%s", path: /things}
                      record_selector: {extractor: {field_path: []}}
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {id: {type: integer}}}}
                """.formatted(api.url());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manifests.read(Manifests.config(manifest)))
                .hasMessageContaining("stream things").hasMessageContaining("'id'").hasMessageContaining("schema_loader")
                .hasMessageNotContaining("not-a-number");
    }

    @Test
    void schemaIsInferredFromRecordsWhenTheManifestHasNone() {
        api.on("/things", r -> json("""
                [{"id": 1, "name": "a", "price": 2, "tags": ["x"], "dims": {"w": 1.5}, "active": true, "gone": null},
                 {"id": 2, "name": "b", "price": 2.5, "tags": [], "dims": {"w": 2, "h": 3}, "active": false, "extra": "late"}]"""));
        String manifest = """
                streams:
                  - name: things
                    primary_key: id
                    retriever:
                      requester: {url_base: "%s", path: /things}
                      record_selector: {extractor: {field_path: []}}
                """.formatted(api.url());
        AirbyteStream stream = new DeclarativeSource().discover(Manifests.config(manifest)).streams().getFirst();
        RowSchema schema = RowSchema.of(stream.jsonSchema());
        assertThat(schema.columns()).extracting(RowSchema.Column::name)
                .containsExactly("id", "name", "price", "tags", "dims", "active", "gone", "extra");
        assertThat(schema.columns()).extracting(RowSchema.Column::type).containsExactly(ValueType.INTEGER,
                ValueType.STRING, ValueType.NUMBER, ValueType.ARRAY, ValueType.OBJECT, ValueType.BOOLEAN,
                ValueType.STRING, ValueType.STRING);
        assertThat(stream.jsonSchema().at("/properties/dims/properties/h/type/1").asText()).isEqualTo("integer");
        assertThat(stream.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));

        var read = Manifests.read(Manifests.config(manifest), SyncMode.FULL_REFRESH, io.sluice.cdk.InputState.empty());
        assertThat(read.records("things")).hasSize(2);
        assertThat(read.records("things").get(1).at("/dims/h").asInt()).isEqualTo(3);
    }
}
