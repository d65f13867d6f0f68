package io.sluice.platform.ui;

/** A row of the connections list: {@code schedule} in words ({@link ScheduleForm#describe()}). */
public record ConnectionListRow(String id, String name, String source, String destination, boolean enabled,
        String schedule) {}
