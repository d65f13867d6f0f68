-- Resource limits. A workspace's defaults for its connections: Airbyte's resourceRequirements shape
-- as JSON text, and the engine's memory budget of one sync as a Kubernetes quantity ("256Mi").
create table workspace_resources (
    workspace_id                  uuid primary key references workspace (id),
    default_resource_requirements text,
    engine_memory_budget          varchar(32),
    updated_at                    timestamp not null
);

-- a connection's own engine memory budget; its resourceRequirements are in connection.resource_requirements
alter table connection add column engine_memory_budget varchar(32);
