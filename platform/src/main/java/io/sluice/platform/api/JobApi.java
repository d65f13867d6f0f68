package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.jobs.AttemptLog;
import io.sluice.platform.jobs.JobQueue;
import io.sluice.platform.store.AttemptRow;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.JobRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /api/v1/jobs/list|get|cancel}: jobs with their attempts, stats and logs, in Airbyte's shapes. */
public final class JobApi {
    private static final int DEFAULT_PAGE_SIZE = 200;

    private final JobDao jobs;
    private final JobQueue runner;

    public JobApi(JobDao jobs, JobQueue runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    /** {@code JobRead}; times in epoch seconds. */
    public record JobRead(long id, String configType, String configId, long createdAt, long updatedAt,
            Optional<Long> startedAt, String status) {
        static JobRead of(JobRow row) {
            return new JobRead(row.id(), row.configType(), row.scope(), row.createdAt().getEpochSecond(),
                    row.updatedAt().getEpochSecond(), Optional.ofNullable(row.startedAt()).map(t -> t.getEpochSecond()),
                    row.status());
        }
    }

    /** {@code AttemptInfoRead}: an attempt and its log lines. */
    public record AttemptInfoRead(JsonNode attempt, LogRead logs) {}

    public record LogRead(List<String> logLines) {}

    /** {@code JobInfoRead}: what {@code jobs/get}, {@code connections/sync} and {@code jobs/cancel} answer. */
    public record JobInfoRead(JobRead job, List<AttemptInfoRead> attempts) {}

    /** {@code JobWithAttemptsRead}. */
    public record JobWithAttemptsRead(JobRead job, List<JsonNode> attempts) {}

    /** {@code JobReadList}. */
    public record JobReadList(List<JobWithAttemptsRead> jobs, long totalJobCount) {}

    public Object list(Body body) {
        List<String> types = new ArrayList<>();
        JsonNode typesNode = body.json().get("configTypes");
        if (typesNode != null && !typesNode.isNull()) {
            if (!typesNode.isArray()) {
                body.error("configTypes", "must be a list such as [\"sync\"]");
            } else {
                for (JsonNode t : typesNode) {
                    if (!t.isTextual() || !Enums.JOB_CONFIG_TYPES.contains(t.asText())) {
                        body.error("configTypes", "must hold values of: " + String.join(", ", Enums.JOB_CONFIG_TYPES));
                        break;
                    }
                    types.add(t.asText());
                }
            }
        }
        if (types.isEmpty()) {
            types = Enums.JOB_CONFIG_TYPES;
        }
        String configId = body.optionalText("configId").filter(s -> !s.isBlank()).orElse(null);
        ObjectNode pagination = body.optionalObject("pagination").orElse(ApiJson.MAPPER.createObjectNode());
        int pageSize = pagination.path("pageSize").asInt(DEFAULT_PAGE_SIZE);
        int offset = pagination.path("rowOffset").asInt(0);
        if (pageSize < 1 || offset < 0) {
            body.error("pagination", "pageSize must be >= 1 and rowOffset >= 0");
        }
        body.done();
        // counted before listing, so a job created in between never gives a count with an empty page
        long total = jobs.count(configId, types);
        List<JobRow> rows = jobs.list(configId, types, pageSize, offset);
        Map<Long, List<AttemptRow>> attempts = rows.isEmpty() ? Map.of()
                : jobs.attemptsOf(rows.stream().map(JobRow::id).toList()).stream()
                        .collect(Collectors.groupingBy(AttemptRow::jobId));
        List<JobWithAttemptsRead> list = rows.stream()
                .map(r -> new JobWithAttemptsRead(JobRead.of(r), attempts.getOrDefault(r.id(), List.of()).stream()
                        .map(JobApi::attemptRead).toList()))
                .toList();
        return new JobReadList(list, Math.max(total, offset + (long) list.size()));
    }

    public Object get(Body body) {
        return info(body.longValue("id"));
    }

    public Object cancel(Body body) {
        long id = body.longValue("id");
        info(id);
        runner.cancel(id);
        return info(id);
    }

    /** The job with its attempts and their logs; 404 when there is no such job. */
    public JobInfoRead info(long jobId) {
        JobRow job = jobs.findJob(jobId).orElseThrow(() -> new ApiException.NotFound("job", jobId));
        List<AttemptInfoRead> attempts = jobs.attempts(jobId).stream()
                .map(a -> new AttemptInfoRead(attemptRead(a), new LogRead(AttemptLog.lines(Path.of(a.logPath())))))
                .toList();
        return new JobInfoRead(JobRead.of(job), attempts);
    }

    /** {@code AttemptRead}: id (the attempt number), status, times, counters, failure summary. */
    static JsonNode attemptRead(AttemptRow a) {
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put("id", a.attemptNumber());
        read.put("status", a.status());
        read.put("createdAt", a.createdAt().getEpochSecond());
        read.put("updatedAt", a.updatedAt().getEpochSecond());
        if (a.endedAt() != null) {
            read.put("endedAt", a.endedAt().getEpochSecond());
        }
        JsonNode stats = a.stats() == null ? ApiJson.MAPPER.createObjectNode() : ApiJson.read(a.stats());
        JsonNode total = stats.path("totalStats");
        read.put("bytesSynced", total.path("bytesCommitted").asLong(0));
        read.put("recordsSynced", total.path("recordsCommitted").asLong(0));
        if (total.isObject()) {
            read.set("totalStats", total);
            read.set("streamStats", stats.path("streamStats"));
        }
        if (a.failureSummary() != null) {
            read.set("failureSummary", ApiJson.read(a.failureSummary()));
        }
        return read;
    }
}
