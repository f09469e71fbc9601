-- grain: one row per tenant and completed job
-- key: tenant_id, job_id
-- materialized: view
-- description: active jobs with status Completed and a completedOn, with their local completion date and invoiced revenue.
-- not_null: completed_on, completed_date, revenue
-- column completed_date: completedOn as a date in the tenant's time zone
-- column revenue: sum of subTotal of the job's active invoices (0 when it has none)
with

jobs as (
    select tenant_id, id, job_number, business_unit_id, campaign_id, recall_for_id, completed_on
    from {{ marts }}.jpm_jobs
    where active and job_status = 'Completed' and completed_on is not null
),

invoices as (
    select tenant_id, job_id, sub_total
    from {{ marts }}.accounting_invoices
    where active and job_id is not null
),

tenants as (
    select tenant_id, timezone
    from {{ staging }}._tenants
),

job_revenue as (
    select tenant_id, job_id, sum(sub_total) as revenue
    from invoices
    group by tenant_id, job_id
)

select
    jobs.tenant_id,
    jobs.id as job_id,
    jobs.job_number,
    jobs.business_unit_id,
    jobs.campaign_id,
    jobs.recall_for_id,
    jobs.completed_on,
    (jobs.completed_on at time zone tenants.timezone)::date as completed_date,
    coalesce(job_revenue.revenue, 0) as revenue
from jobs
join tenants on tenants.tenant_id = jobs.tenant_id
left join job_revenue on job_revenue.tenant_id = jobs.tenant_id and job_revenue.job_id = jobs.id
