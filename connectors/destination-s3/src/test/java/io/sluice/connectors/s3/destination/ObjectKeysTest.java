package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cdk.ConfigError;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {
    private static final Instant START = Instant.parse("2024-03-05T07:08:09.012Z");
    private static final String SYNC = "0b6a3f5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

    private static ObjectKeys keys(String pathFormat, String fileName, String extension) {
        return new ObjectKeys("lake/raw", pathFormat, fileName, extension, START, SYNC);
    }

    @Test
    void theDefaultLayoutIsAirbytes() {
        ObjectKeys.StreamKeys users = keys(ObjectKeys.DEFAULT_PATH_FORMAT, "", ".parquet").forStream("public", "users");

        assertThat(users.key(0, START)).isEqualTo("lake/raw/public/users/2024_03_05_1709622489012_0.parquet");
        assertThat(users.listPrefix()).isEqualTo("lake/raw/public/users/");
    }

    @Test
    void everyVariableExpands() {
        ObjectKeys.StreamKeys users = keys("${NAMESPACE}/${STREAM_NAME}/year=${YEAR}/month=${MONTH}/day=${DAY}/"
                + "${HOUR}-${MINUTE}-${SECOND}-${MILLISECOND}/${UUID}_",
                "{date}_{timestamp}_{part_number}_{sync_id}{format_extension}", ".csv.gz").forStream("public", "users");

        String key = users.key(3, Instant.parse("2024-03-05T07:10:00Z"));
        assertThat(key).matches("lake/raw/public/users/year=2024/month=03/day=05/07-08-09-012/"
                + "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}_2024_03_05_1709622600000_3_"
                + SYNC + "\\.csv\\.gz");
        assertThat(users.listPrefix()).isEqualTo("lake/raw/public/users/year=");
        assertThat(users.isStreamFile(key)).isTrue();
    }

    @Test
    void noNamespaceLeavesNoEmptyFolder() {
        ObjectKeys.StreamKeys items = keys(ObjectKeys.DEFAULT_PATH_FORMAT, "", ".jsonl").forStream(null, "items");
        assertThat(items.key(0, START)).isEqualTo("lake/raw/items/2024_03_05_1709622489012_0.jsonl");

        ObjectKeys.StreamKeys atRoot = new ObjectKeys("", "/${NAMESPACE}//${STREAM_NAME}/", "", ".csv", START, SYNC)
                .forStream("", "items");
        assertThat(atRoot.key(2, START)).isEqualTo("items/2.csv");
    }

    @Test
    void aStreamRecognisesItsFilesOfEarlierSyncsAndOtherFormatsOnly() {
        ObjectKeys.StreamKeys items = keys("${STREAM_NAME}_${EPOCH}_", "", ".parquet").forStream("shop", "items");

        assertThat(items.listPrefix()).isEqualTo("lake/raw/items_");
        assertThat(items.isStreamFile("lake/raw/items_1600000000000_12.parquet")).isTrue();
        assertThat(items.isStreamFile("lake/raw/items_1600000000000_0.csv.gz")).isTrue();
        assertThat(items.isStreamFile("lake/raw/items_archive_1600000000000_0.parquet")).isFalse();
        assertThat(items.isStreamFile("lake/raw/items_1600000000000_0.parquet.bak")).isFalse();
        assertThat(items.isStreamFile("lake/raw/items_notes.txt")).isFalse();
    }

    @Test
    void namesWithRegexCharactersAreTakenLiterally() {
        ObjectKeys.StreamKeys odd = keys("${STREAM_NAME}/", "", ".csv").forStream(null, "a.b(c)*");
        assertThat(odd.isStreamFile("lake/raw/a.b(c)*/0.csv")).isTrue();
        assertThat(odd.isStreamFile("lake/raw/aXb(c)*/0.csv")).isFalse();
    }

    @Test
    void unknownVariablesAreNamed() {
        assertThat(ObjectKeys.validate("${STREAM_NAME}/${WEEK}/", "{part}{format_extension}")).extracting(ConfigError::field)
                .containsExactly("s3_path_format", "file_name_pattern");
        assertThat(ObjectKeys.validate("${STREAM_NAME}/${WEEK}/", "").getFirst().problem())
                .contains("${WEEK}").contains("${EPOCH}");
        assertThat(ObjectKeys.validate("x", "a/{part_number}")).extracting(ConfigError::problem)
                .containsExactly("must not contain '/'; put folders in s3_path_format");
        assertThat(ObjectKeys.validate(ObjectKeys.DEFAULT_PATH_FORMAT, ObjectKeys.DEFAULT_FILE_NAME)).isEmpty();
    }
}
