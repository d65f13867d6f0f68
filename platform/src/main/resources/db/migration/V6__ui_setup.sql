-- what the web UI's first-run wizard stored besides the admin account and the workspace's email
create table ui_setup (
    workspace_id          uuid primary key,
    data_residency        varchar(64) not null,
    anonymous_usage_stats boolean not null,
    completed_at          timestamp not null
);
