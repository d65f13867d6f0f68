package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.platform.api.ApiException;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;
import io.sluice.platform.jobs.AttemptLog;
import io.sluice.platform.store.AttemptRow;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.JobRow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's page {@code /connections/{id}/jobs/{jobId}}: its status and attempts, and one attempt's
 * log ({@code ?attempt=N}, the last by default). While the attempt runs the page follows its log:
 * {@code .../log?attempt=N&offset=B} answers only the whole lines written after byte {@code B}
 * (read through {@link AttemptLog#readFrom}), appended to the box out of band, with the next
 * offset to ask from; it stops asking once the attempt has ended and nothing more is left.
 */
final class JobLogPages implements UiArea {
    /** How much of a log the page and each follow-up read hold at most (a longer log shows its end). */
    static final int PAGE_BYTES = 2 << 20;

    private final Routes api;
    private final UiPages pages;
    private final JobDao jobs;

    JobLogPages(Routes api, UiPages pages, JobDao jobs) {
        this.api = api;
        this.pages = pages;
        this.jobs = jobs;
    }

    @Override
    public void register(UiRoutes routes) {
        routes.get("/connections/{id}/jobs/{jobId}", this::jobPage);
        routes.get("/connections/{id}/jobs/{jobId}/log", this::logFragment);
    }

    private void jobPage(Context ctx, UiSessions.Session session) {
        Optional<JobRow> job = job(ctx);
        if (job.isEmpty()) {
            ConnectionStatusPages.notFound(ctx, pages, session);
            return;
        }
        ConnectionView connection = ConnectionStatusPages.connection(api, ctx.pathParam("id"));
        Optional<AttemptRow> attempt = attempt(job.get().id(), ctx.queryParam("attempt"));
        JobFacts facts = facts(connection.path(), job.get().id(), attempt.map(AttemptRow::attemptNumber).orElse(-1));
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", session.csrf());
        params.put("connection", connection);
        params.put("facts", facts);
        params.put("attempt", facts.attempt());
        if (attempt.isPresent()) {
            Path file = Path.of(attempt.get().logPath());
            long from = AttemptLog.tailOffset(file, PAGE_BYTES);
            AttemptLog.Chunk chunk = AttemptLog.readFrom(file, from, PAGE_BYTES);
            params.put("lines", chunk.lines());
            params.put("cut", from > 0);
            params.put("follow", follow(connection.path(), job.get(), attempt.get(), chunk, false));
        } else {
            params.put("lines", List.<String>of());
            params.put("cut", false);
            params.put("follow", follow(connection.path(), job.get(), null, new AttemptLog.Chunk(List.of(), 0, false),
                    false));
        }
        pages.render(ctx, "connection/job", params);
    }

    private void logFragment(Context ctx, UiSessions.Session session) {
        Optional<JobRow> job = job(ctx);
        if (job.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("no such job");
            return;
        }
        String path = "/connections/" + ctx.pathParam("id");
        Optional<AttemptRow> attempt = attempt(job.get().id(), ctx.queryParam("attempt"));
        if (attempt.isEmpty()) {
            // a pending job has no attempt yet: ask again until its first one starts
            pages.render(ctx, "connection/logFollow", Map.of("follow", follow(path, job.get(), null,
                    new AttemptLog.Chunk(List.of(), 0, false), true), "lines", List.of()));
            return;
        }
        long offset;
        try {
            offset = Math.max(0, Long.parseLong(String.valueOf(ctx.queryParam("offset"))));
        } catch (NumberFormatException e) {
            offset = 0;
        }
        // the status is read before the log, so a log read after the attempt ended holds its last lines
        AttemptLog.Chunk chunk = AttemptLog.readFrom(Path.of(attempt.get().logPath()), offset, PAGE_BYTES);
        LogFollow follow = follow(path, job.get(), attempt.get(), chunk, true);
        Map<String, Object> params = new HashMap<>(Map.of("follow", follow, "lines", chunk.lines()));
        if (!follow.active()) {
            // the last read: the attempts' figures and outcome replace those shown while it ran
            params.put("facts", facts(path, job.get().id(), attempt.get().attemptNumber()));
        }
        pages.render(ctx, "connection/logFollow", params);
    }

    private JobFacts facts(String connectionPath, long jobId, int attempt) {
        JsonNode info = api.call("jobs/get", ApiJson.MAPPER.createObjectNode().put("id", jobId));
        Instant now = Instant.now();
        List<JsonNode> attemptReads = new ArrayList<>();
        info.path("attempts").forEach(a -> attemptReads.add(a.path("attempt")));
        return new JobFacts(SyncRun.of(info.path("job"), attemptReads, now),
                attemptReads.stream().map(a -> AttemptView.of(a, now)).toList(), connectionPath + "/jobs/" + jobId,
                attempt);
    }

    private LogFollow follow(String connectionPath, JobRow job, AttemptRow attempt, AttemptLog.Chunk chunk,
            boolean fragment) {
        if (attempt == null) {
            return new LogFollow(connectionPath + "/jobs/" + job.id(), -1, 0, SyncDisplay.active(job.status()),
                    false, job.status());
        }
        boolean running = attempt.status().equals("running") && SyncDisplay.active(job.status());
        // after the end, one more read that finds nothing left stops the follow
        boolean keepGoing = running || chunk.more() || (fragment && !chunk.lines().isEmpty());
        return new LogFollow(connectionPath + "/jobs/" + job.id(), attempt.attemptNumber(), chunk.next(), keepGoing,
                chunk.more(), job.status());
    }

    private Optional<JobRow> job(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("jobId"));
            return jobs.findJob(id).filter(j -> j.scope().equals(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The attempt numbered {@code number}, or the last one when it is absent or not a number. */
    private Optional<AttemptRow> attempt(long jobId, String number) {
        List<AttemptRow> attempts = jobs.attempts(jobId);
        if (number != null) {
            try {
                int n = Integer.parseInt(number);
                return attempts.stream().filter(a -> a.attemptNumber() == n).findFirst();
            } catch (NumberFormatException e) {
                // the last one
            }
        }
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getLast());
    }
}
