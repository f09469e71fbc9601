-- grain: one row per tenant, estimate business unit and week (Monday) of the estimate's local createdOn
-- key: tenant_id, business_unit_id?, week
-- materialized: table
-- indexes: (tenant_id, week)
-- description: estimates created per business unit and week, how many sold, for how much and how fast, and what is still open.
-- not_null: tenant_id, week, estimates_created, estimates_sold, sold_value, open_value
-- column business_unit_id: the estimate's businessUnitId (null when it has none)
-- column week: Monday of the week of the estimate's createdOn as a local date in the tenant's time zone
-- column estimates_sold: estimates with status name Sold
-- column sold_value: sum of subtotal of the sold estimates (0 when none)
-- column close_rate: estimates_sold / estimates_created, rounded to 4 decimals
-- column avg_days_to_sell: mean of soldOn - createdOn in days (fractional) over sold estimates with a soldOn, rounded to 2 decimals
-- column open_value: sum of subtotal of estimates with status name Open (0 when none)
with

estimates as (
    select tenant_id, business_unit_id, created_on, sold_on, status_name, subtotal
    from {{ marts }}.sales_estimates
    where active and created_on is not null
),

tenants as (
    select tenant_id, timezone
    from {{ staging }}._tenants
),

weekly as (
    select
        estimates.tenant_id,
        estimates.business_unit_id,
        date_trunc('week', (estimates.created_on at time zone tenants.timezone)::date)::date as week,
        count(*) as estimates_created,
        count(*) filter (where estimates.status_name = 'Sold') as estimates_sold,
        coalesce(sum(estimates.subtotal) filter (where estimates.status_name = 'Sold'), 0) as sold_value,
        avg(extract(epoch from estimates.sold_on - estimates.created_on)) filter (
            where estimates.status_name = 'Sold' and estimates.sold_on is not null
        ) as avg_seconds_to_sell,
        coalesce(sum(estimates.subtotal) filter (where estimates.status_name = 'Open'), 0) as open_value
    from estimates
    join tenants on tenants.tenant_id = estimates.tenant_id
    group by 1, 2, 3
)

select
    tenant_id,
    business_unit_id,
    week,
    estimates_created,
    estimates_sold,
    sold_value,
    round(estimates_sold::numeric / nullif(estimates_created, 0), 4) as close_rate,
    round(avg_seconds_to_sell / 86400, 2) as avg_days_to_sell,
    open_value
from weekly
