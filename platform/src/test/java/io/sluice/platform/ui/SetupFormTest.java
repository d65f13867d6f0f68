package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetupFormTest {

    @Test
    void aCompleteFormHasNoProblems() {
        SetupForm form = new SetupForm("admin@example.org", "", "eu", true);
        assertThat(form.problems("long enough", "long enough")).isEmpty();
    }

    @Test
    void eachProblemIsKeyedByItsField() {
        SetupForm form = new SetupForm("admin", "alerts at example", "", false);
        assertThat(form.problems("short", "short"))
                .containsOnlyKeys("adminEmail", "password", "notificationEmail", "dataResidency");
    }

    @Test
    void differentPasswordsAreAProblemOfTheConfirmation() {
        SetupForm form = new SetupForm("admin@example.org", "alerts@example.org", "auto", false);
        assertThat(form.problems("long enough", "long enough!")).containsOnlyKeys("confirmPassword");
    }

    @Test
    void emailsNeedSomethingOnEachSideOfTheAt() {
        assertThat(SetupForm.looksLikeEmail("a@b")).isTrue();
        assertThat(SetupForm.looksLikeEmail("@b")).isFalse();
        assertThat(SetupForm.looksLikeEmail("a@")).isFalse();
        assertThat(SetupForm.looksLikeEmail("a b@c")).isFalse();
    }
}
