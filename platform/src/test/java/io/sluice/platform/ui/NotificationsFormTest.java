package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NotificationsFormTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SLACK = "https://hooks.slack.com/services/T0/B0/x";
    static final String HOOK = "https://alerts.example.org/sluice";

    @Test
    void eventsOffKeepTheUrlsAndOtherEventsAreLeftAlone() throws Exception {
        JsonNode stored = JSON.readTree("""
                {"sendOnBreakingChangeWarning": {"notificationType": ["slack"], "slackConfiguration": {"webhook": "%s"}}}"""
                .formatted(SLACK));
        JsonNode settings = new NotificationsForm(SLACK, HOOK, true, false, false, "").settings(stored);
        assertThat(settings.path("sendOnFailure").toString()).isEqualTo("{\"notificationType\":[\"slack\",\"webhook\"],"
                + "\"slackConfiguration\":{\"webhook\":\"" + SLACK + "\"},\"webhookConfiguration\":{\"url\":\"" + HOOK + "\"}}");
        assertThat(settings.path("sendOnSuccess").path("notificationType")).isEmpty();
        assertThat(settings.path("sendOnSuccess").path("webhookConfiguration").path("url").asText()).isEqualTo(HOOK);
        assertThat(settings.path("sendOnBreakingChangeWarning")).isEqualTo(stored.path("sendOnBreakingChangeWarning"));
        assertThat(stored.has("sendOnFailure")).as("the stored settings are not changed in place").isFalse();

        assertThat(NotificationsForm.of(settings)).isEqualTo(new NotificationsForm(SLACK, HOOK, true, false, false, ""));
    }

    @Test
    void theFormReadsSettingsMadeThroughTheApi() throws Exception {
        JsonNode settings = JSON.readTree("""
                {"sendOnSuccess": {"notificationType": "webhook", "webhookConfiguration": {"url": "%s"}},
                 "sendOnSyncDisabled": {"notificationType": ["slack"], "slackConfiguration": {"webhook": "%s"}}}"""
                .formatted(HOOK, SLACK));
        NotificationsForm form = NotificationsForm.of(settings);
        assertThat(form).isEqualTo(new NotificationsForm(SLACK, HOOK, false, true, true, ""));
        assertThat(form.summary()).isEqualTo("Successful syncs and disabled connections go to Slack and the webhook");
        assertThat(NotificationsForm.of(JSON.missingNode()).summary()).isEqualTo("Off");
    }

    @Test
    void theFailureThresholdIsStoredAsANumberOrLeftToTheServer() {
        JsonNode stored = new NotificationsForm(SLACK, "", true, false, false, "5").settings(JSON.createObjectNode());
        assertThat(stored.path("consecutiveFailureThreshold").asInt()).isEqualTo(5);
        assertThat(NotificationsForm.of(stored).failureThreshold()).isEqualTo("5");
        JsonNode cleared = new NotificationsForm(SLACK, "", true, false, false, "").settings(stored);
        assertThat(cleared.has("consecutiveFailureThreshold")).isFalse();
        assertThat(new NotificationsForm("", "", false, false, false, "0").problems()).isEmpty();
        assertThat(new NotificationsForm("", "", false, false, false, "three").problems())
                .containsKey("failureThreshold");
        assertThat(new NotificationsForm("", "", false, false, false, "-1").problems())
                .containsKey("failureThreshold");
        assertThat(NotificationsForm.inputOf("notificationSettings.consecutiveFailureThreshold"))
                .isEqualTo("failureThreshold");
    }

    @Test
    void anEventNeedsAUrlAndTheTestGoesToTheFormsUrls() {
        assertThat(new NotificationsForm("", "", true, false, false, "").problems()).containsKey("slackWebhook");
        assertThat(new NotificationsForm("", "", false, false, false, "").problems()).isEmpty();
        assertThat(new NotificationsForm("", HOOK, false, false, false, "").testItem().toString())
                .isEqualTo("{\"notificationType\":[\"webhook\"],\"webhookConfiguration\":{\"url\":\"" + HOOK + "\"}}");
    }

    @Test
    void apiErrorsFindTheirInput() {
        assertThat(NotificationsForm.inputOf("notificationSettings.sendOnFailure.slackConfiguration.webhook"))
                .isEqualTo("slackWebhook");
        assertThat(NotificationsForm.inputOf("webhookConfiguration.url")).isEqualTo("webhookUrl");
        assertThat(NotificationsForm.inputOf("notificationSettings.sendOnOther")).isNull();
        assertThat(ResourceDefaultsForm.inputOf("defaultResourceRequirements.memory_limit")).isEqualTo("memory_limit");
        assertThat(ResourceDefaultsForm.inputOf("engineMemoryBudget")).isEqualTo("engineMemoryBudget");
        assertThat(ResourceDefaultsForm.inputOf("defaultResourceRequirements.gpu")).isNull();
    }
}
