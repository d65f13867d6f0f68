package io.sluice.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small Airbyte-protocol connectors in Python, written to a test's temporary directory. */
final class PythonScripts {
    private PythonScripts() {}

    /**
     * A source with streams {@code public.users(id, name, joined)} and {@code public.orders(id, amount)}.
     * Its config's {@code mode} picks the behaviour of {@code read}: {@code normal}, {@code crash},
     * {@code config_error}, {@code unknown_stream}, {@code malformed}, {@code sleep}.
     */
    static final String SOURCE = """
            import json, sys, time

            args = sys.argv[1:]
            def opt(name):
                return args[args.index(name) + 1] if name in args else None
            def emit(message):
                print(json.dumps(message), flush=True)
            def record(stream, data):
                emit({"type": "RECORD", "record": {"namespace": "public", "stream": stream, "data": data, "emitted_at": 1}})
            def state(stream, cursor):
                emit({"type": "STATE", "state": {"type": "STREAM", "stream": {
                    "stream_descriptor": {"name": stream, "namespace": "public"}, "stream_state": {"cursor": cursor}}}})

            USERS = {"type": "object", "properties": {
                "id": {"type": "integer"}, "name": {"type": ["null", "string"]},
                "joined": {"type": "string", "format": "date"}}}
            ORDERS = {"type": "object", "properties": {"id": {"type": "integer"}, "amount": {"type": "number"}}}

            command = args[0]
            if command == "spec":
                emit({"type": "SPEC", "spec": {"connectionSpecification": {
                    "type": "object", "properties": {"mode": {"type": "string"}}}}})
            elif command == "check":
                config = json.load(open(opt("--config")))
                if config.get("mode") == "refuse":
                    emit({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "FAILED", "message": "wrong password"}})
                else:
                    emit({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED"}})
            elif command == "discover":
                emit({"type": "CATALOG", "catalog": {"streams": [
                    {"name": "users", "namespace": "public", "json_schema": USERS,
                     "supported_sync_modes": ["full_refresh", "incremental"], "source_defined_cursor": True,
                     "default_cursor_field": ["id"], "source_defined_primary_key": [["id"]]},
                    {"name": "orders", "namespace": "public", "json_schema": ORDERS,
                     "supported_sync_modes": ["full_refresh"]}]}})
            elif command == "read":
                config = json.load(open(opt("--config")))
                catalog = json.load(open(opt("--catalog")))
                states = json.load(open(opt("--state"))) if opt("--state") else []
                start = 0
                for s in states:
                    if s["stream"]["stream_descriptor"]["name"] == "users":
                        start = s["stream"]["stream_state"]["cursor"]
                mode = config.get("mode", "normal")
                selected = [s["stream"]["name"] for s in catalog["streams"]]
                emit({"type": "LOG", "log": {"level": "INFO", "message": "reading " + ",".join(selected)}})
                if mode == "normal":
                    print("a stray print, not JSON", flush=True)
                    for i in range(start + 1, start + 6):
                        record("users", {"id": i, "name": "user%d" % i, "joined": "2024-01-%02d" % i})
                        if i == start + 3:
                            state("users", i)
                    state("users", start + 5)
                    if "orders" in selected:
                        for i in range(1, 4):
                            record("orders", {"id": i, "amount": i * 1.25})
                        state("orders", 3)
                elif mode == "crash":
                    for i in range(1, 4):
                        record("users", {"id": i, "name": "u", "joined": "2024-01-01"})
                    state("users", 3)
                    record("users", {"id": 4, "name": "u", "joined": "2024-01-01"})
                    sys.stderr.write("Traceback (most recent call last):\\n")
                    sys.stderr.write("ValueError: the API returned garbage\\n")
                    sys.exit(1)
                elif mode == "config_error":
                    emit({"type": "TRACE", "trace": {"type": "ERROR", "emitted_at": 1.0, "error": {
                        "message": "api_key is not valid", "failure_type": "config_error"}}})
                    sys.exit(1)
                elif mode == "unknown_stream":
                    emit({"type": "RECORD", "record": {"stream": "secrets", "data": {"id": 1}, "emitted_at": 1}})
                elif mode == "malformed":
                    record("users", {"id": 1, "name": "u", "joined": "2024-01-01"})
                    print('{"type": "RECORD", "record": "not an object"}', flush=True)
                elif mode == "sleep":
                    record("users", {"id": 1, "name": "u", "joined": "2024-01-01"})
                    time.sleep(60)
            """;

    /**
     * A destination that appends each record as a JSON line to its config's {@code output_path},
     * and echoes each state after flushing. {@code fail_after} records makes it exit with code 3.
     */
    static final String DESTINATION = """
            import json, sys

            args = sys.argv[1:]
            def opt(name):
                return args[args.index(name) + 1] if name in args else None

            command = args[0]
            if command == "spec":
                print(json.dumps({"type": "SPEC", "spec": {"connectionSpecification": {"type": "object"},
                    "supported_destination_sync_modes": ["append"]}}), flush=True)
            elif command == "check":
                print(json.dumps({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED"}}), flush=True)
            elif command == "write":
                config = json.load(open(opt("--config")))
                catalog = json.load(open(opt("--catalog")))
                names = [s["stream"].get("namespace", "") + "." + s["stream"]["name"] for s in catalog["streams"]]
                print(json.dumps({"type": "LOG", "log": {"level": "INFO", "message": "writing " + ",".join(names)}}), flush=True)
                fail_after = config.get("fail_after", -1)
                written = 0
                with open(config["output_path"], "a") as out:
                    for line in sys.stdin:
                        message = json.loads(line)
                        if message["type"] == "RECORD":
                            r = message["record"]
                            out.write(json.dumps({"stream": r.get("namespace", "") + "." + r["stream"], "data": r["data"]}) + "\\n")
                            written += 1
                            if written == fail_after:
                                sys.stderr.write("disk quota exceeded\\n")
                                sys.exit(3)
                        elif message["type"] == "STATE":
                            out.flush()
                            print(json.dumps(message), flush=True)
            """;

    static List<String> write(Path dir, String fileName, String script) {
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, script);
            return List.of("python3", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
