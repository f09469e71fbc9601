-- grain: one row per tenant and completed job
-- key: tenant_id, job_id
-- materialized: table
-- indexes: (tenant_id, completed_date)
-- description: revenue, materials cost, labor hours and gross margin of every completed active job.
-- not_null: tenant_id, job_id, completed_date, revenue, materials_cost, labor_hours, gross_margin
-- column completed_date: the job's completedOn as a local date in the tenant's time zone
-- column revenue: sum of subTotal of the job's active invoices (0 when none)
-- column materials_cost: sum of totalCost of the active items of type Material or Equipment of those invoices (0 when none)
-- column labor_hours: sum over the job's active timesheets with arrivedOn and doneOn of doneOn - arrivedOn, in hours, rounded to 2 decimals
-- column gross_margin: revenue - materials_cost
-- column gross_margin_pct: gross_margin / revenue, rounded to 4 decimals; null when revenue is zero
with

completed_jobs as (
    select tenant_id, job_id, job_number, business_unit_id, completed_date, revenue
    from {{ marts }}.completed_jobs
),

invoices as (
    select tenant_id, id, job_id
    from {{ marts }}.accounting_invoices
    where active and job_id is not null
),

invoice_items as (
    select tenant_id, invoice_id, total_cost
    from {{ marts }}.accounting_invoice_items
    where active and type in ('Material', 'Equipment') and total_cost is not null
),

timesheets as (
    select tenant_id, job_id, arrived_on, done_on
    from {{ marts }}.payroll_jobs_timesheets
    where active and arrived_on is not null and done_on is not null
),

job_materials as (
    select invoices.tenant_id, invoices.job_id, sum(invoice_items.total_cost) as materials_cost
    from invoices
    join invoice_items on invoice_items.tenant_id = invoices.tenant_id and invoice_items.invoice_id = invoices.id
    group by invoices.tenant_id, invoices.job_id
),

job_labor as (
    select tenant_id, job_id, sum(extract(epoch from done_on - arrived_on)) as labor_seconds
    from timesheets
    group by tenant_id, job_id
)

select
    completed_jobs.tenant_id,
    completed_jobs.job_id,
    completed_jobs.job_number,
    completed_jobs.business_unit_id,
    completed_jobs.completed_date,
    completed_jobs.revenue,
    coalesce(job_materials.materials_cost, 0) as materials_cost,
    round(coalesce(job_labor.labor_seconds, 0) / 3600, 2) as labor_hours,
    completed_jobs.revenue - coalesce(job_materials.materials_cost, 0) as gross_margin,
    round((completed_jobs.revenue - coalesce(job_materials.materials_cost, 0)) / nullif(completed_jobs.revenue, 0), 4) as gross_margin_pct
from completed_jobs
left join job_materials on job_materials.tenant_id = completed_jobs.tenant_id and job_materials.job_id = completed_jobs.job_id
left join job_labor on job_labor.tenant_id = completed_jobs.tenant_id and job_labor.job_id = completed_jobs.job_id
