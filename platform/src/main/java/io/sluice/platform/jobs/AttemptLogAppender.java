package io.sluice.platform.jobs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Copies every log line written under a job's MDC ({@code jobId}, which the engine's threads
 * carry) into that attempt's log file, INFO and above even when the console shows less. Installed
 * on logback's root logger while the server runs; a no-op when logback is not the SLF4J backend.
 */
final class AttemptLogAppender extends AppenderBase<ILoggingEvent> {
    static final String JOB_ID = "jobId";

    private final Map<String, AttemptLog> logs = new ConcurrentHashMap<>();
    private final TurboFilter jobLevel = new TurboFilter() {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                Object[] params, Throwable t) {
            return level != null && level.isGreaterOrEqual(Level.INFO) && MDC.get(JOB_ID) != null
                    ? FilterReply.ACCEPT
                    : FilterReply.NEUTRAL;
        }
    };
    private LoggerContext context;

    void install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext loggerContext)) {
            return;
        }
        context = loggerContext;
        setContext(loggerContext);
        setName("sluice-attempt-logs");
        start();
        jobLevel.setContext(loggerContext);
        jobLevel.start();
        loggerContext.addTurboFilter(jobLevel);
        loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
    }

    void uninstall() {
        if (context != null) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
            context.getTurboFilterList().remove(jobLevel);
            stop();
        }
    }

    void attach(long jobId, AttemptLog log) {
        logs.put(Long.toString(jobId), log);
    }

    void detach(long jobId) {
        logs.remove(Long.toString(jobId));
    }

    @Override
    protected void append(ILoggingEvent event) {
        String jobId = event.getMDCPropertyMap().get(JOB_ID);
        if (jobId == null) {
            return;
        }
        AttemptLog log = logs.get(jobId);
        if (log == null) {
            return;
        }
        String message = event.getLoggerName().substring(event.getLoggerName().lastIndexOf('.') + 1)
                + " - " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
            message += System.lineSeparator() + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        log.write(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel().toString(), message);
    }
}
