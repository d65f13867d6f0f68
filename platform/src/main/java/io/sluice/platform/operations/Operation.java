package io.sluice.platform.operations;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** What runs after a successful sync, read from an {@code operatorConfiguration} by {@link OperatorConfiguration}. */
public sealed interface Operation {

    /** The operation's name, as the user gave it. */
    String name();

    /** Sluice's {@code sql}: statements run in order on the destination's own connection. */
    record Sql(String name, List<String> statements) implements Operation {
        public Sql {
            requireNonNull(name, "name");
            statements = List.copyOf(statements);
        }
    }

    /**
     * Airbyte's {@code dbt}: a project (a local folder, or a git repository cloned at a branch) run
     * with {@code dbt <arguments>}. Airbyte's {@code dockerImage} is kept only to say it is ignored.
     */
    record Dbt(String name, String gitRepoUrl, Optional<String> gitRepoBranch, List<String> arguments,
            Optional<String> dockerImage) implements Operation {
        public Dbt {
            requireNonNull(name, "name");
            requireNonNull(gitRepoUrl, "gitRepoUrl");
            requireNonNull(gitRepoBranch, "gitRepoBranch");
            arguments = List.copyOf(arguments);
            requireNonNull(dockerImage, "dockerImage");
        }
    }

    /** Airbyte's {@code normalization}: Sluice's SQL destinations normalize as they write, so nothing runs. */
    record Normalization(String name) implements Operation {
        public Normalization {
            requireNonNull(name, "name");
        }
    }

    /** Airbyte's {@code webhook}: stored, not run by Sluice (the job log says so). */
    record Webhook(String name) implements Operation {
        public Webhook {
            requireNonNull(name, "name");
        }
    }
}
