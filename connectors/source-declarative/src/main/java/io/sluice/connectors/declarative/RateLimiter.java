package io.sluice.connectors.declarative;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A request budget for one source, from the manifest's {@code api_budget}: each rate allows at
 * most {@code limit} requests in any moving window of {@code interval}. {@link #acquire()} waits
 * until every rate allows one more request. Shared by all streams of a read; thread-safe.
 */
final class RateLimiter {
    /** One rate: {@code limit} requests per {@code interval}. */
    record Rate(int limit, Duration interval) {
        Rate {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1");
            }
        }
    }

    private final List<Rate> rates;
    private final List<Deque<Long>> sent;

    RateLimiter(List<Rate> rates) {
        this.rates = List.copyOf(rates);
        this.sent = rates.stream().map(r -> (Deque<Long>) new ArrayDeque<Long>()).toList();
    }

    static RateLimiter unlimited() {
        return new RateLimiter(List.of());
    }

    synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long waitNanos = 0;
            for (int i = 0; i < rates.size(); i++) {
                Deque<Long> times = sent.get(i);
                long window = rates.get(i).interval().toNanos();
                while (!times.isEmpty() && now - times.peekFirst() >= window) {
                    times.pollFirst();
                }
                if (times.size() >= rates.get(i).limit()) {
                    waitNanos = Math.max(waitNanos, times.peekFirst() + window - now);
                }
            }
            if (waitNanos <= 0) {
                for (Deque<Long> times : sent) {
                    times.addLast(now);
                }
                return;
            }
            Thread.sleep(Duration.ofNanos(waitNanos));
        }
    }
}
