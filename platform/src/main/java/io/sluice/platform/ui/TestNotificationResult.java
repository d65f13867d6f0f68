package io.sluice.platform.ui;

/** What the notifications page's test sent ({@code sent}), or why it could not. */
public record TestNotificationResult(boolean sent, String message) {}
