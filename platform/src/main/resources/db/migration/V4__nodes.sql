-- Several nodes on one metadata store.

-- The one pending, running or incomplete job of a connection: the primary key keeps a second one
-- out whichever node tries to create it. The row goes in the transaction that ends the job.
create table connection_active_job (
    scope  varchar(64) primary key,
    job_id bigint not null references job (id)
);
insert into connection_active_job (scope, job_id)
    select scope, min(id) from job where status in ('pending', 'running', 'incomplete') group by scope;

-- jobs/cancel stores the request here; the worker running the job sees it within a second or so
alter table job add column cancel_requested boolean default false not null;
-- the node that ran (or runs) the attempt
alter table attempt add column node varchar(255);

-- db-scheduler's table for the jobs themselves (task 'sync-job', instance the job id): workers
-- pick executions from it, heartbeat them while the job runs and revive those of a dead node.
-- The schedules keep their own table, so a server-only node never picks a job.
create table job_executions (
    task_name            varchar(255) not null,
    task_instance        varchar(255) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            varchar(255),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index job_executions_execution_time on job_executions (execution_time);
create index job_executions_last_heartbeat on job_executions (last_heartbeat);
create index job_executions_priority_execution_time on job_executions (priority desc, execution_time asc);
