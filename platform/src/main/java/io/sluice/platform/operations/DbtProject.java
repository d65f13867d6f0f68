package io.sluice.platform.operations;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a dbt operation's project is: a local folder holding {@code dbt_project.yml} (an absolute
 * path or a {@code file://} URL) is used in place; anything else (a git URL, or a local git
 * repository without a project at its top) is cloned with the {@code git} CLI, at the branch if
 * one is given, into the job's work folder.
 *
 * @param folder the folder that holds {@code dbt_project.yml}
 * @param profileName the {@code profile:} of {@code dbt_project.yml}; empty when it names none
 */
record DbtProject(Path folder, Optional<String> profileName) {
    static final String PROJECT_FILE = "dbt_project.yml";
    private static final Pattern REMOTE = Pattern.compile("^(https?|ssh|git|git\\+ssh)://.+|^[\\w.-]+@[\\w.-]+:.+");
    private static final Pattern PROFILE = Pattern.compile("(?m)^profile:\\s*['\"]?([^'\"#\\s]+)");
    private static final Pattern CREDENTIALS = Pattern.compile("(://)[^/@]+@");
    static final Pattern NETWORK = Pattern.compile("(?i)could not resolve|connection refused|timed out"
            + "|connection reset|network is unreachable|could not read from remote|unable to connect");

    static boolean isLocal(String url) {
        return url.startsWith("file:/") || url.startsWith("/");
    }

    static boolean isRemote(String url) {
        return REMOTE.matcher(url).matches();
    }

    /** The project of {@code dbt}, cloning it into {@code workDir} if it is not a local project folder. */
    static DbtProject resolve(Operation.Dbt dbt, Path workDir, Map<String, String> environment, OperationLog log) {
        Optional<Path> local = localPath(dbt.gitRepoUrl());
        if (local.isPresent() && Files.isRegularFile(local.get().resolve(PROJECT_FILE))) {
            dbt.gitRepoBranch().ifPresent(b -> log.info("the project is the local folder " + local.get()
                    + ", used as it is: gitRepoBranch " + b + " is not checked out"));
            return of(local.get());
        }
        if (local.isPresent() && !Files.isDirectory(local.get())) {
            throw ConnectorException.config("dbt project folder " + local.get() + " does not exist on this worker "
                    + "(gitRepoUrl)");
        }
        Path target = workDir.resolve("dbt-project");
        clone(dbt, target, environment, log);
        if (!Files.isRegularFile(target.resolve(PROJECT_FILE))) {
            throw ConnectorException.config("the repository " + safe(dbt.gitRepoUrl()) + " has no " + PROJECT_FILE
                    + " at its top: it is not a dbt project");
        }
        return of(target);
    }

    private static DbtProject of(Path folder) {
        try {
            Matcher profile = PROFILE.matcher(Files.readString(folder.resolve(PROJECT_FILE)));
            return new DbtProject(folder, profile.find() ? Optional.of(profile.group(1)) : Optional.empty());
        } catch (IOException e) {
            throw ConnectorException.config("cannot read " + folder.resolve(PROJECT_FILE) + ": " + e.getMessage());
        }
    }

    private static Optional<Path> localPath(String url) {
        if (url.startsWith("file:")) {
            return Optional.of(Path.of(URI.create(url)));
        }
        return url.startsWith("/") ? Optional.of(Path.of(url)) : Optional.empty();
    }

    private static void clone(Operation.Dbt dbt, Path target, Map<String, String> environment, OperationLog log) {
        Optional<Path> git = ExecutablePath.find("git", environment);
        if (git.isEmpty()) {
            throw ConnectorException.config("git is not installed on this worker: cannot clone "
                    + safe(dbt.gitRepoUrl()));
        }
        String where = safe(dbt.gitRepoUrl()) + dbt.gitRepoBranch().map(b -> " (branch " + b + ")").orElse("");
        log.info("cloning " + where);
        List<String> command = new java.util.ArrayList<>(List.of(git.get().toString(), "clone", "--quiet",
                "--depth", "1"));
        dbt.gitRepoBranch().ifPresent(b -> command.addAll(List.of("--branch", b)));
        command.addAll(List.of("--", dbt.gitRepoUrl(), target.toString()));
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("GIT_TERMINAL_PROMPT", "0");
        ChildProcess.Outcome outcome = ChildProcess.run(command, target.getParent(), env, line -> { }, () -> false);
        if (outcome.exitCode() != 0) {
            String reason = outcome.lastLines().isEmpty() ? "git exited with " + outcome.exitCode()
                    : safe(String.join(" ", outcome.lastLines()));
            FailureKind kind = NETWORK.matcher(reason).find() ? FailureKind.TRANSIENT : FailureKind.CONFIG;
            throw new ConnectorException(kind, "could not clone the dbt project " + where + ": " + reason);
        }
    }

    /** A URL without the user and password it may carry. */
    static String safe(String text) {
        return CREDENTIALS.matcher(text).replaceAll("$1");
    }
}
