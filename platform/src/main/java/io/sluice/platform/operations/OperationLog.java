package io.sluice.platform.operations;

/** Where operations write their lines: the attempt's log, each line marked as coming from an operation. */
public interface OperationLog {
    void info(String message);

    void warn(String message);
}
