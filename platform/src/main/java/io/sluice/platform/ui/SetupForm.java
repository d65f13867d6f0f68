package io.sluice.platform.ui;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the first-run wizard asks for, as typed (the passwords are read separately and never echoed). */
public record SetupForm(String adminEmail, String notificationEmail, String dataResidency, boolean anonymousUsageStats) {
    static final SetupForm EMPTY = new SetupForm("", "", "auto", false);

    static SetupForm from(Context ctx) {
        return new SetupForm(text(ctx, "adminEmail"), text(ctx, "notificationEmail"), text(ctx, "dataResidency"),
                "true".equals(ctx.formParam("anonymousUsageStats")));
    }

    /** The problems of the form's fields by field name, empty when it can be stored. */
    Map<String, String> problems(String password, String confirmation) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!looksLikeEmail(adminEmail)) {
            errors.put("adminEmail", "Enter the admin's email address, like admin@example.com.");
        }
        if (password.length() < 8) {
            errors.put("password", "The password needs at least 8 characters.");
        } else if (!password.equals(confirmation)) {
            errors.put("confirmPassword", "The two passwords differ.");
        }
        if (!notificationEmail.isEmpty() && !looksLikeEmail(notificationEmail)) {
            errors.put("notificationEmail", "Enter an email address, or leave this empty.");
        }
        if (dataResidency.isEmpty() || dataResidency.length() > 64) {
            errors.put("dataResidency", "Enter a label of 1 to 64 characters, for example auto.");
        }
        return errors;
    }

    static boolean looksLikeEmail(String text) {
        int at = text.indexOf('@');
        return at > 0 && at < text.length() - 1 && text.length() <= 255 && text.chars().noneMatch(Character::isWhitespace);
    }

    static String text(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.strip();
    }
}
