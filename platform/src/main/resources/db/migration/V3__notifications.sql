-- a workspace's notificationSettings (Airbyte's shape, as JSON text)
create table workspace_notification (
    workspace_id uuid primary key references workspace (id),
    settings     text not null,
    updated_at   timestamp not null
);
