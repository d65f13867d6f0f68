package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static List<List<String>> parse(String text, char delimiter) throws IOException {
        CsvParser parser = new CsvParser(new StringReader(text), delimiter, '"');
        List<List<String>> records = new ArrayList<>();
        for (String[] r = parser.next(); r != null; r = parser.next()) {
            records.add(List.of(r));
        }
        return records;
    }

    @Test
    void quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes() throws IOException {
        String text = "a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,end";

        assertThat(parse(text, ',')).containsExactly(
                List.of("a", "b", "c"),
                List.of("x,1", "say \"hi\"", "two\nlines"),
                List.of("plain", "", "end"));
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotes() throws IOException {
        CsvParser parser = new CsvParser(new StringReader("h\n\"a\nb\"\n\nlast\n"), ',', '"');
        parser.next();
        assertThat(parser.recordLine()).isEqualTo(1);
        parser.next();
        assertThat(parser.recordLine()).isEqualTo(2);
        assertThat(parser.next()).containsExactly("last");
        assertThat(parser.recordLine()).as("the blank line 4 is skipped").isEqualTo(5);
        assertThat(parser.next()).isNull();
    }

    @Test
    void byteOrderMarkAndCarriageReturnsAlone() throws IOException {
        assertThat(parse("\uFEFFid;name\r1;x\r", ';')).containsExactly(List.of("id", "name"), List.of("1", "x"));
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereTheFieldStarts() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"open\nmore", ','))
                .isInstanceOf(BadFileException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("never closed");
    }

    @Test
    void endsWithoutNewlineAndKeepsTrailingEmptyField() throws IOException {
        assertThat(parse("a,b,\n1,2,", ',')).containsExactly(List.of("a", "b", ""), List.of("1", "2", ""));
    }
}
