package io.sluice.platform.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspace}. {@code email} and {@code namespaceFormat} may be null. */
public record WorkspaceRow(
        UUID id,
        String name,
        String slug,
        String email,
        boolean initialSetupComplete,
        String namespaceDefinition,
        String namespaceFormat,
        Instant createdAt,
        Instant updatedAt) {}
