-- grain: one row per tenant, technician and month (of local job completion or local estimate sale)
-- key: tenant_id, technician_id, month
-- materialized: table
-- indexes: (tenant_id, month); (tenant_id, technician_id, month)
-- description: per technician and month: completed jobs, the revenue credited to them, and estimates they sold.
-- not_null: tenant_id, technician_id, month, completed_jobs, completed_revenue, estimates_sold, sold_value
-- column month: first day of the month, of the job's local completedOn (jobs) or the estimate's local soldOn (estimates)
-- column completed_jobs: completed active jobs the technician is on (an active appointment assignment links them)
-- column completed_revenue: the technician's shares of completed jobs' revenue (active invoices' subTotal), see below
-- column average_ticket: completed_revenue / completed_jobs, rounded to cents; null without completed jobs
-- column estimates_sold: active estimates with soldBy = the technician and a soldOn in the month (local)
-- column sold_value: sum of those estimates' subtotal
-- Revenue share: revenue × split / 100 for each active job split of the job where it has any (split technicians
-- are credited even if not assigned), else revenue / n for each of its n assigned technicians; each share rounded to cents.
with

completed_jobs as (
    select tenant_id, job_id, completed_date, revenue
    from {{ marts }}.completed_jobs
),

assignments as (
    select distinct tenant_id, job_id, technician_id
    from {{ marts }}.dispatch_appointment_assignments
    where active and technician_id is not null and job_id is not null
),

splits as (
    select tenant_id, job_id, technician_id, sum(split) as split
    from {{ marts }}.payroll_jobs_splits
    where active and technician_id is not null
    group by tenant_id, job_id, technician_id
),

estimates as (
    select tenant_id, sold_by, sold_on, subtotal
    from {{ marts }}.sales_estimates
    where active and sold_by is not null and sold_on is not null
),

technicians as (
    select tenant_id, id, name
    from {{ marts }}.settings_technicians
),

tenants as (
    select tenant_id, timezone
    from {{ staging }}._tenants
),

assigned_counts as (
    select tenant_id, job_id, count(*) as technicians
    from assignments
    group by tenant_id, job_id
),

split_jobs as (
    select distinct tenant_id, job_id
    from splits
),

job_credits as (
    -- jobs with active splits: the split technicians share the revenue by percentage
    select completed_jobs.tenant_id, splits.technician_id, completed_jobs.completed_date, completed_jobs.job_id,
        round(completed_jobs.revenue * splits.split / 100, 2) as revenue
    from completed_jobs
    join splits on splits.tenant_id = completed_jobs.tenant_id and splits.job_id = completed_jobs.job_id
    union all
    -- jobs without splits: the assigned technicians share it evenly
    select completed_jobs.tenant_id, assignments.technician_id, completed_jobs.completed_date, completed_jobs.job_id,
        round(completed_jobs.revenue / assigned_counts.technicians, 2)
    from completed_jobs
    join assignments on assignments.tenant_id = completed_jobs.tenant_id and assignments.job_id = completed_jobs.job_id
    join assigned_counts on assigned_counts.tenant_id = completed_jobs.tenant_id and assigned_counts.job_id = completed_jobs.job_id
    where not exists (
        select 1 from split_jobs where split_jobs.tenant_id = completed_jobs.tenant_id and split_jobs.job_id = completed_jobs.job_id
    )
),

events as (
    select completed_jobs.tenant_id, assignments.technician_id, date_trunc('month', completed_jobs.completed_date)::date as month,
        1 as completed_job, 0::numeric as revenue, 0 as estimate_sold, 0::numeric as sold_value
    from completed_jobs
    join assignments on assignments.tenant_id = completed_jobs.tenant_id and assignments.job_id = completed_jobs.job_id
    union all
    select tenant_id, technician_id, date_trunc('month', completed_date)::date, 0, revenue, 0, 0
    from job_credits
    union all
    select estimates.tenant_id, estimates.sold_by, date_trunc('month', (estimates.sold_on at time zone tenants.timezone)::date)::date,
        0, 0, 1, estimates.subtotal
    from estimates
    join tenants on tenants.tenant_id = estimates.tenant_id
),

monthly as (
    select
        tenant_id,
        technician_id,
        month,
        sum(completed_job) as completed_jobs,
        sum(revenue) as completed_revenue,
        sum(estimate_sold) as estimates_sold,
        sum(sold_value) as sold_value
    from events
    group by tenant_id, technician_id, month
)

select
    monthly.tenant_id,
    monthly.technician_id,
    technicians.name as technician_name,
    monthly.month,
    monthly.completed_jobs,
    monthly.completed_revenue,
    round(monthly.completed_revenue / nullif(monthly.completed_jobs, 0), 2) as average_ticket,
    monthly.estimates_sold,
    monthly.sold_value
from monthly
left join technicians on technicians.tenant_id = monthly.tenant_id and technicians.id = monthly.technician_id
