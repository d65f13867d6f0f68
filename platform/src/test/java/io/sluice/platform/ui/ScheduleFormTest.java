package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.api.ApiJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleFormTest {
    @Test
    void cronBecomesScheduleTypeAndData() {
        ScheduleForm form = ScheduleForm.from(Map.of("scheduleType", List.of("cron"),
                "cronExpression", List.of(" 0 2 * * 1-5 "), "cronTimeZone", List.of("Europe/Paris")));
        ObjectNode body = ApiJson.MAPPER.createObjectNode();
        form.writeTo(body);
        assertThat(body.toString()).isEqualTo(
                "{\"scheduleType\":\"cron\",\"scheduleData\":{\"cron\":{\"cronExpression\":\"0 2 * * 1-5\","
                        + "\"cronTimeZone\":\"Europe/Paris\"}}}");
    }

    @Test
    void basicSendsItsUnitsAsANumberOrAsTypedForTheApiToRefuse() {
        ObjectNode body = ApiJson.MAPPER.createObjectNode();
        new ScheduleForm("basic", "6", "hours", "", "UTC").writeTo(body);
        assertThat(body.toString()).isEqualTo(
                "{\"scheduleType\":\"basic\",\"scheduleData\":{\"basicSchedule\":{\"timeUnit\":\"hours\",\"units\":6}}}");
        ObjectNode typo = ApiJson.MAPPER.createObjectNode();
        new ScheduleForm("basic", "six", "hours", "", "UTC").writeTo(typo);
        assertThat(typo.at("/scheduleData/basicSchedule/units").asText()).isEqualTo("six");
    }

    @Test
    void manualAndContinuousHaveNoData() {
        ObjectNode body = ApiJson.MAPPER.createObjectNode();
        ScheduleForm.from(Map.of("scheduleType", List.of("continuous"))).writeTo(body);
        assertThat(body.toString()).isEqualTo("{\"scheduleType\":\"continuous\"}");
        assertThat(ScheduleForm.from(Map.of("scheduleType", List.of("weird"))).type()).isEqualTo("manual");
    }

    @Test
    void readsAConnectionAndSaysItInWords() throws Exception {
        ScheduleForm basic = ScheduleForm.of(ApiJson.MAPPER.readTree(
                "{\"scheduleType\":\"basic\",\"scheduleData\":{\"basicSchedule\":{\"units\":24,\"timeUnit\":\"hours\"}}}"));
        assertThat(basic.describe()).isEqualTo("every 24 hours");
        assertThat(new ScheduleForm("basic", "1", "days", "", "UTC").describe()).isEqualTo("every day");
        ScheduleForm cron = ScheduleForm.of(ApiJson.MAPPER.readTree("{\"scheduleType\":\"cron\",\"scheduleData\":"
                + "{\"cron\":{\"cronExpression\":\"0 2 * * 1-5\",\"cronTimeZone\":\"UTC\"}}}"));
        assertThat(cron.describe()).isEqualTo("cron 0 2 * * 1-5 UTC");
        assertThat(ScheduleForm.of(ApiJson.MAPPER.readTree("{\"scheduleType\":\"manual\"}")).describe())
                .isEqualTo("manual");
        assertThat(ScheduleForm.of(ApiJson.MAPPER.readTree("{\"scheduleType\":\"continuous\"}")).describe())
                .isEqualTo("continuous");
    }

    @Test
    void namesTheFormFieldOfAnApiError() {
        assertThat(ScheduleForm.formField("scheduleData.cron.cronExpression")).isEqualTo("cronExpression");
        assertThat(ScheduleForm.formField("scheduleData.cron.cronTimeZone")).isEqualTo("cronTimeZone");
        assertThat(ScheduleForm.formField("scheduleData.basicSchedule.units")).isEqualTo("units");
        assertThat(ScheduleForm.formField("name")).isEmpty();
    }
}
