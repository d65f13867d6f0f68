package io.sluice.connectors.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    private final Templates templates = new Templates();

    private Object eval(String template, Map<String, Object> vars) {
        return templates.evaluate(template, vars, "test.field");
    }

    @Test
    void singleExpressionKeepsItsTypeAndMixedTextRenders() {
        Map<String, Object> vars = Map.of("config", Map.of("page_size", 50L, "start_date", "2024-01-01"));
        assertThat(eval("{{ config['page_size'] }}", vars)).isEqualTo(50L);
        assertThat(eval("{{ config.start_date }}", vars)).isEqualTo("2024-01-01");
        assertThat(eval("from {{ config['start_date'] }} on", vars)).isEqualTo("from 2024-01-01 on");
        assertThat(eval("plain", vars)).isEqualTo("plain");
        assertThat(eval("{{ config['missing'] }}", vars)).isNull();
        assertThat(eval("{{ config['api_base'] | default('https://api.example.com', true) }}", vars))
                .isEqualTo("https://api.example.com");
    }

    @Test
    void everyContextVariableIsVisible() {
        Map<String, Object> vars = Map.of(
                "config", Map.of("a", "c"),
                "parameters", Map.of("name", "orders"),
                "next_page_token", Map.of("next_page_token", "tok"),
                "stream_interval", Map.of("start_time", "2024-01-01"),
                "stream_partition", Map.of("customer_id", 7L),
                "response", Map.of("has_more", true, "data", List.of(Map.of("id", "x"))),
                "headers", Map.of("link", Map.of("next", Map.of("url", "http://n"))),
                "last_record", Map.of("id", "cus_9"),
                "record", Map.of("amount", 12L));
        assertThat(eval("{{ config['a'] }}|{{ parameters.name }}|{{ next_page_token['next_page_token'] }}"
                + "|{{ stream_interval.start_time }}|{{ stream_partition.customer_id }}|{{ response.data[0].id }}"
                + "|{{ headers['link']['next']['url'] }}|{{ last_record.id }}|{{ record.amount * 2 }}", vars))
                .isEqualTo("c|orders|tok|2024-01-01|7|x|http://n|cus_9|24");
        assertThat(templates.condition("{{ not response.has_more }}", vars, "p")).isFalse();
        assertThat(templates.condition("{{ record.amount > 10 }}", vars, "p")).isTrue();
    }

    @Test
    void macros() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(eval("{{ today_utc() }}", Map.of()).toString()).isEqualTo(today);
        assertThat(eval("{{ now_utc().strftime('%Y-%m-%d') }}", Map.of())).isEqualTo(today);
        assertThat(eval("{{ day_delta(-1, '%Y-%m-%d') }}", Map.of()))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        assertThat((String) eval("{{ day_delta(1) }}", Map.of())).startsWith(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString() + "T");
        assertThat(eval("{{ format_datetime('2024-03-05T10:11:12Z', '%Y/%m/%d %H') }}", Map.of())).isEqualTo("2024/03/05 10");
        assertThat(eval("{{ format_datetime('05-03-2024', '%Y-%m-%d', '%d-%m-%Y') }}", Map.of())).isEqualTo("2024-03-05");
        assertThat(eval("{{ format_datetime(1700000000, '%Y-%m-%dT%H:%M:%SZ') }}", Map.of())).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(eval("{{ max(3, 9) }}", Map.of())).isEqualTo(9L);
        assertThat(eval("{{ max(config.a, '2024-01-01') }}", Map.of("config", Map.of("a", "2023-06-01"))))
                .isEqualTo("2024-01-01");
        assertThat(eval("{{ min(3, 9) }}", Map.of())).isEqualTo(3L);
        assertThat(eval("{{ timestamp('2024-01-01T00:00:00Z') }}", Map.of())).isEqualTo(1704067200L);
    }

    @Test
    void brokenTemplatesNameTheirPlace() {
        assertThatThrownBy(() -> templates.check("{{ config['a' }}", "streams[0].retriever.requester.path"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("streams[0].retriever.requester.path")
                .hasMessageContaining("bad template")
                .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(FailureKind.CONFIG));
        assertThatThrownBy(() -> templates.check("{{ config['a'] ", "spec.x")).hasMessageContaining("spec.x");
        assertThatThrownBy(() -> templates.check("{{ no_such_macro(1) }}", "x.y")).hasMessageContaining("x.y");
        templates.check("{{ config['a'] }} and {{ format_datetime(stream_interval.start_time, '%Y') }}", "ok");
    }
}
