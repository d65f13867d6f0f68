package io.sluice.platform.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.DbtProfile;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.Secret;
import io.sluice.platform.jobs.PreparedSync;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Runs a dbt operation: finds {@code dbt} on the worker's PATH (or fails saying it is not
 * installed), gets the project ({@link DbtProject}), writes a private {@code profiles.yml} for the
 * destination ({@link DbtProfilesFile}) and runs
 * {@code dbt <dbtArguments> --profiles-dir <dir> --project-dir <project> --vars {...}}, its output
 * line by line into the job log. The vars tell the project where the raw tables are:
 * {@code airbyte_raw_database} and {@code airbyte_raw_schema}.
 */
final class DbtStep {
    static final String NOT_INSTALLED = "dbt is not installed on this worker";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;

    /** @param environment the environment dbt and git run with; its PATH says where they are */
    DbtStep(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    void run(Operation.Dbt dbt, PreparedSync plan, Path workDir, OperationLog log, BooleanSupplier cancelled) {
        dbt.dockerImage().ifPresent(image -> log.info("dockerImage " + image + " is ignored: Sluice runs the dbt "
                + "installed on this worker"));
        Path executable = ExecutablePath.find("dbt", environment).orElseThrow(() -> ConnectorException.config(
                NOT_INSTALLED + " (no dbt executable on its PATH): install dbt-core with the adapter for "
                        + plan.destination().name() + ", or remove operation '" + dbt.name() + "'"));
        DbtProfile profile = plan.destination().dbtProfile(plan.destinationConfig()).orElseThrow(() ->
                ConnectorException.config(plan.destination().name() + " has no dbt adapter: dbt operations run on "
                        + "PostgreSQL, DuckDB and Dremio destinations"));
        DbtProject project = DbtProject.resolve(dbt, workDir, environment, log);
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(dbt.arguments());
        try (DbtProfilesFile profiles = DbtProfilesFile.write(workDir, project.profileName()
                .orElse(DbtProfilesFile.TARGET), profile)) {
            command.addAll(List.of("--profiles-dir", profiles.folder().toString(),
                    "--project-dir", project.folder().toString()));
            if (DbtArguments.takesVars(dbt.arguments())) {
                if (project.profileName().isEmpty()) {
                    command.addAll(List.of("--profile", DbtProfilesFile.TARGET));
                }
                if (!DbtArguments.hasVars(dbt.arguments())) {
                    command.addAll(List.of("--vars", vars(profile, rawSchema(plan, profile))));
                }
            }
            log.info("running " + String.join(" ", command.subList(1, command.size())).replace(
                    profiles.folder().toString(), "<private profiles folder>") + " (" + executable + ")");
            Set<String> secrets = profile.fields().values().stream().filter(Secret.class::isInstance)
                    .map(v -> ((Secret) v).reveal()).filter(s -> s.length() >= 4).collect(Collectors.toSet());
            ChildProcess.Outcome outcome = ChildProcess.run(command, project.folder(), environment,
                    line -> log.info("dbt: " + masked(line, secrets)), cancelled);
            if (outcome.exitCode() != 0) {
                String last = masked(String.join(" | ", outcome.lastLines()), secrets);
                FailureKind kind = DbtProject.NETWORK.matcher(last).find() ? FailureKind.TRANSIENT : FailureKind.CONFIG;
                throw new ConnectorException(kind, "dbt " + String.join(" ", dbt.arguments()) + " exited with code "
                        + outcome.exitCode() + (last.isEmpty() ? "" : ": " + last));
            }
            log.info("dbt " + String.join(" ", dbt.arguments()) + " succeeded");
        }
    }

    /**
     * The schema of the raw tables: the namespace the connection's streams land in when they all
     * land in one, otherwise the destination's default schema.
     */
    static String rawSchema(PreparedSync plan, DbtProfile profile) {
        Set<Optional<String>> namespaces = plan.namespaceMapping().apply(plan.catalog()).streams().stream()
                .map(s -> s.stream().namespace()).collect(Collectors.toSet());
        return namespaces.size() == 1 ? namespaces.iterator().next().orElse(profile.rawSchema()) : profile.rawSchema();
    }

    private static String vars(DbtProfile profile, String rawSchema) {
        ObjectNode vars = JSON.createObjectNode();
        vars.put("airbyte_raw_database", profile.rawDatabase());
        vars.put("airbyte_raw_schema", rawSchema);
        return vars.toString();
    }

    private static String masked(String line, Set<String> secrets) {
        String out = line;
        for (String secret : secrets) {
            out = out.replace(secret, Secret.MASK);
        }
        return out;
    }
}
