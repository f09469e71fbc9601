-- grain: one row per tenant, job business unit and local date of appointment start, today and later
-- key: tenant_id, business_unit_id, date
-- materialized: view
-- description: booked work ahead: appointments (not canceled) and distinct jobs per business unit and local day, from today on.
-- not_null: tenant_id, business_unit_id, date, appointments, jobs
-- column business_unit_id: the appointment's job's businessUnitId
-- column date: the appointment's start as a local date in the tenant's time zone; today (in that zone) or later
-- column appointments: active appointments not in status Canceled, of active jobs
-- column jobs: distinct jobs of those appointments
-- A view, so "today" never goes stale.
with

appointments as (
    select tenant_id, id, job_id, start
    from {{ marts }}.jpm_appointments
    where active and status is distinct from 'Canceled' and start is not null
),

jobs as (
    select tenant_id, id, business_unit_id
    from {{ marts }}.jpm_jobs
    where active and business_unit_id is not null
),

tenants as (
    select tenant_id, timezone
    from {{ staging }}._tenants
),

dated as (
    select appointments.tenant_id, jobs.business_unit_id, appointments.job_id,
        (appointments.start at time zone tenants.timezone)::date as date,
        (now() at time zone tenants.timezone)::date as today
    from appointments
    join jobs on jobs.tenant_id = appointments.tenant_id and jobs.id = appointments.job_id
    join tenants on tenants.tenant_id = appointments.tenant_id
)

select
    tenant_id,
    business_unit_id,
    date,
    count(*) as appointments,
    count(distinct job_id) as jobs
from dated
where date >= today
group by tenant_id, business_unit_id, date
