-- grain: one row per tenant, campaign and month (local) with calls, jobs, completed revenue or costs
-- key: tenant_id, campaign_id, month
-- materialized: table
-- indexes: (tenant_id, month)
-- description: per marketing campaign and month: inbound and booked calls, jobs created, completed revenue, cost and returns.
-- not_null: tenant_id, campaign_id, month, inbound_calls, booked_calls, jobs_created, completed_revenue
-- column month: first day of the month, of local createdOn (calls, jobs), local completedOn (revenue) or the cost's year and month
-- column inbound_calls: active inbound calls of the campaign (call campaign.id)
-- column booked_calls: those of type Booked
-- column jobs_created: active jobs with this campaignId, by local createdOn
-- column completed_revenue: revenue (active invoices' subTotal) of active jobs of the campaign completed in the month
-- column cost: dailyCost × days in the month, summed over the campaign's cost rows for that year and month; null without any
-- column cost_per_booked_call: cost / booked_calls, rounded to cents; null without cost or booked calls
-- column return_on_spend: completed_revenue / cost, rounded to 4 decimals; null without cost or with a zero cost
with

calls as (
    select tenant_id, campaign_id, created_on, type
    from {{ marts }}.telecom_calls
    where active and direction = 'Inbound' and campaign_id is not null and created_on is not null
),

jobs as (
    select tenant_id, campaign_id, created_on
    from {{ marts }}.jpm_jobs
    where active and campaign_id is not null and created_on is not null
),

completed_jobs as (
    select tenant_id, campaign_id, completed_date, revenue
    from {{ marts }}.completed_jobs
    where campaign_id is not null
),

costs as (
    select tenant_id, campaign_id, make_date(year::int, month::int, 1) as month, daily_cost
    from {{ marts }}.marketing_costs
    where active and campaign_id is not null and year is not null and month between 1 and 12 and daily_cost is not null
),

campaigns as (
    select tenant_id, id, name
    from {{ marts }}.marketing_campaigns
),

tenants as (
    select tenant_id, timezone
    from {{ staging }}._tenants
),

monthly_costs as (
    select tenant_id, campaign_id, month,
        sum(daily_cost * extract(day from month + interval '1 month' - interval '1 day')) as cost
    from costs
    group by tenant_id, campaign_id, month
),

events as (
    select calls.tenant_id, calls.campaign_id, date_trunc('month', (calls.created_on at time zone tenants.timezone)::date)::date as month,
        1 as inbound, case when calls.type = 'Booked' then 1 else 0 end as booked, 0 as created, 0::numeric as revenue
    from calls
    join tenants on tenants.tenant_id = calls.tenant_id
    union all
    select jobs.tenant_id, jobs.campaign_id, date_trunc('month', (jobs.created_on at time zone tenants.timezone)::date)::date, 0, 0, 1, 0
    from jobs
    join tenants on tenants.tenant_id = jobs.tenant_id
    union all
    select tenant_id, campaign_id, date_trunc('month', completed_date)::date, 0, 0, 0, revenue
    from completed_jobs
    union all
    select tenant_id, campaign_id, month, 0, 0, 0, 0
    from monthly_costs
),

monthly as (
    select tenant_id, campaign_id, month, sum(inbound) as inbound_calls, sum(booked) as booked_calls, sum(created) as jobs_created,
        sum(revenue) as completed_revenue
    from events
    group by tenant_id, campaign_id, month
)

select
    monthly.tenant_id,
    monthly.campaign_id,
    campaigns.name as campaign_name,
    monthly.month,
    monthly.inbound_calls,
    monthly.booked_calls,
    monthly.jobs_created,
    monthly.completed_revenue,
    monthly_costs.cost,
    round(monthly_costs.cost / nullif(monthly.booked_calls, 0), 2) as cost_per_booked_call,
    round(monthly.completed_revenue / nullif(monthly_costs.cost, 0), 4) as return_on_spend
from monthly
left join monthly_costs
    on monthly_costs.tenant_id = monthly.tenant_id and monthly_costs.campaign_id = monthly.campaign_id
    and monthly_costs.month = monthly.month
left join campaigns on campaigns.tenant_id = monthly.tenant_id and campaigns.id = monthly.campaign_id
