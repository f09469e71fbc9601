-- grain: one row per tenant, job business unit and local date
-- key: tenant_id, business_unit_id, date
-- materialized: table
-- indexes: (tenant_id, date)
-- description: jobs created, completed and canceled per business unit and local day, with completed revenue, from active jobs.
-- not_null: tenant_id, business_unit_id, date, jobs_created, jobs_completed, jobs_canceled, completed_revenue, recalls_completed
-- column date: the local date (tenant's time zone) on which the job was created, completed or canceled
-- column jobs_created: active jobs by their local createdOn date
-- column jobs_completed: active jobs with status Completed, by their local completedOn date
-- column jobs_canceled: active jobs with status Canceled, by the local createdOn of their latest active canceled log, else their modifiedOn
-- column completed_revenue: sum of subTotal of active invoices whose job was completed that day (0 when none)
-- column average_ticket: completed_revenue / jobs_completed, rounded to cents; null without completed jobs
-- column recalls_completed: completed jobs that are a recall of another job (recallForId set)
-- Jobs without a businessUnitId (ServiceTitan requires one) have no row to fall in and are left out.
with

jobs as (
    select tenant_id, id, business_unit_id, created_on, modified_on, job_status
    from {{ marts }}.jpm_jobs
    where active and business_unit_id is not null
),

completed_jobs as (
    select tenant_id, job_id, business_unit_id, completed_date, revenue, recall_for_id
    from {{ marts }}.completed_jobs
    where business_unit_id is not null
),

canceled_logs as (
    select tenant_id, job_id, max(created_on) as canceled_on
    from {{ marts }}.jpm_job_canceled_logs
    where active
    group by tenant_id, job_id
),

tenants as (
    select tenant_id, timezone
    from {{ staging }}._tenants
),

events as (
    select jobs.tenant_id, jobs.business_unit_id, (jobs.created_on at time zone tenants.timezone)::date as date,
        1 as created, 0 as completed, 0 as canceled, 0::numeric as revenue, 0 as recall
    from jobs
    join tenants on tenants.tenant_id = jobs.tenant_id
    where jobs.created_on is not null
    union all
    select tenant_id, business_unit_id, completed_date, 0, 1, 0, revenue, case when recall_for_id is null then 0 else 1 end
    from completed_jobs
    union all
    select jobs.tenant_id, jobs.business_unit_id,
        (coalesce(canceled_logs.canceled_on, jobs.modified_on) at time zone tenants.timezone)::date,
        0, 0, 1, 0, 0
    from jobs
    join tenants on tenants.tenant_id = jobs.tenant_id
    left join canceled_logs on canceled_logs.tenant_id = jobs.tenant_id and canceled_logs.job_id = jobs.id
    where jobs.job_status = 'Canceled' and coalesce(canceled_logs.canceled_on, jobs.modified_on) is not null
)

select
    tenant_id,
    business_unit_id,
    date,
    sum(created) as jobs_created,
    sum(completed) as jobs_completed,
    sum(canceled) as jobs_canceled,
    sum(revenue) as completed_revenue,
    round(sum(revenue) / nullif(sum(completed), 0), 2) as average_ticket,
    sum(recall) as recalls_completed
from events
group by tenant_id, business_unit_id, date
