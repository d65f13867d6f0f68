package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.FailureKind;
import io.sluice.engine.SyncResult.Origin;
import io.sluice.engine.SyncResult.Status;
import io.sluice.protocol.MessageCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** External connectors held to memory_limit and cpu_limit through /proc (Linux; python3 on the PATH). */
@Timeout(90)
class ResourceLimitsIT {
    /**
     * A source of {@code public.users(id, name)}. Mode {@code hog} keeps 8 MiB more resident every
     * 50 ms, up to 320 MiB; mode {@code spin} burns 1.5 s of CPU and reports, as the name of its one
     * record, its CPU seconds from /proc/self/stat and the wall seconds that took.
     */
    private static final String SOURCE = """
            import json, sys, time

            args = sys.argv[1:]
            def opt(name):
                return args[args.index(name) + 1] if name in args else None
            def record(i, name):
                print(json.dumps({"type": "RECORD", "record": {"namespace": "public", "stream": "users",
                    "data": {"id": i, "name": name}, "emitted_at": 1}}), flush=True)
            def cpu_seconds():
                fields = open("/proc/self/stat").read().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / 100.0

            if args[0] == "read":
                mode = json.load(open(opt("--config")))["mode"]
                if mode == "hog":
                    record(1, "starting")
                    hoard = []
                    for step in range(40):
                        hoard.append(b"x" * (8 << 20))
                        time.sleep(0.05)
                    record(2, "held %d MiB and was not stopped" % (8 * len(hoard)))
                elif mode == "spin":
                    started = time.monotonic()
                    x = 0
                    while time.process_time() < 1.5:
                        x += 1
                    record(1, json.dumps({"cpu": cpu_seconds(), "wall": time.monotonic() - started}))
            """;

    /** A destination that keeps 8 MiB more resident for each record it reads, and echoes states. */
    private static final String HOARDING_DESTINATION = """
            import json, sys

            if sys.argv[1] == "write":
                hoard = []
                for line in sys.stdin:
                    message = json.loads(line)
                    if message["type"] == "RECORD":
                        hoard.append(b"x" * (8 << 20))
                    elif message["type"] == "STATE":
                        print(line.strip(), flush=True)
            """;

    @TempDir
    Path dir;

    private final SyncEngine engine = new SyncEngine();

    private static JsonNode config(String mode) {
        return JsonNodeFactory.instance.objectNode().put("mode", mode);
    }

    private SyncResult sync(String mode, ResourceRequirements limits, InMemoryDestination destination) {
        ExternalSource source = new ExternalSource("source-python", PythonScripts.write(dir, "source.py", SOURCE));
        return engine.run(SyncRequest.builder(source, config(mode), destination, config("x"), TestCatalogs.usersOnly())
                .connectorResources(limits)
                .build());
    }

    @Test
    void aSourceOverItsMemoryLimitIsStoppedAndTheAttemptFailsSayingSo() {
        ResourceRequirements limits = new ResourceRequirements(OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), OptionalLong.of(ResourceQuantity.bytes("64Mi")));

        SyncResult result = sync("hog", limits, new InMemoryDestination());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        SyncResult.Failure failure = result.failure().orElseThrow();
        assertThat(failure.origin()).isEqualTo(Origin.SOURCE);
        assertThat(failure.kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(failure.message())
                .startsWith("the source connector source-python used ")
                .contains("over its memory limit of 64 MiB, and was stopped (what Docker reports as OOMKilled);"
                        + " raise memory_limit in the connection's resource requirements");
        // killed while growing: not after holding all 320 MiB, and well before the script would end by itself
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aDestinationOverItsMemoryLimitIsStoppedToo() {
        ExternalDestination destination = new ExternalDestination("destination-python",
                PythonScripts.write(dir, "destination.py", HOARDING_DESTINATION));
        FakeSource source = new FakeSource((catalog, state, out) -> {
            for (long i = 1; i <= 40; i++) {
                out.record(0, new Object[] {i, "row " + i});
                out.state(TestCatalogs.cursor(TestCatalogs.USERS, i));
                Thread.sleep(50);
            }
        });

        SyncResult result = engine.run(SyncRequest.builder(source, config("x"), destination, config("x"),
                        TestCatalogs.usersOnly())
                .batchSize(1)
                .connectorResources(new ResourceRequirements(OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalLong.empty(), OptionalLong.of(ResourceQuantity.bytes("64Mi"))))
                .build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        SyncResult.Failure failure = result.failure().orElseThrow();
        assertThat(failure.origin()).isEqualTo(Origin.DESTINATION);
        assertThat(failure.kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(failure.message()).startsWith("the destination connector destination-python used ")
                .contains("over its memory limit of 64 MiB");
        // the states echoed before the kill stay acknowledged
        assertThat(result.recordsCommitted()).isBetween(1L, 39L);
    }

    @Test
    void withoutALimitTheSameSourceRunsToItsEnd() {
        InMemoryDestination destination = new InMemoryDestination();

        SyncResult result = sync("hog", ResourceRequirements.NONE, destination);

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(destination.rows(TestCatalogs.USERS)).extracting(row -> row[1])
                .containsExactly("starting", "held 320 MiB and was not stopped");
    }

    @Test
    void aSourceUnderACpuLimitOfHalfACoreUsesLessThanACore() throws Exception {
        ResourceRequirements limits = new ResourceRequirements(OptionalDouble.empty(), OptionalDouble.of(0.5),
                OptionalLong.empty(), OptionalLong.empty());
        InMemoryDestination destination = new InMemoryDestination();

        SyncResult result = sync("spin", limits, destination);

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        List<Object[]> rows = destination.rows(TestCatalogs.USERS);
        assertThat(rows).hasSize(1);
        JsonNode usage = MessageCodec.mapper().readTree((String) rows.get(0)[1]);
        double cores = usage.get("cpu").asDouble() / usage.get("wall").asDouble();
        // a behaviour check, not a benchmark: unthrottled it would take a whole core
        assertThat(usage.get("cpu").asDouble()).isGreaterThanOrEqualTo(1.4);
        assertThat(cores).isBetween(0.05, 0.7);
    }
}
