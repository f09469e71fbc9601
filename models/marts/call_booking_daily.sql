-- grain: one row per tenant, local call date and campaign
-- key: tenant_id, call_date, campaign_id?
-- materialized: table
-- indexes: (tenant_id, call_date)
-- description: inbound calls and how many booked a job, per campaign and local day, from active calls.
-- not_null: tenant_id, call_date, inbound_calls, booked, unbooked, abandoned
-- column call_date: the call's createdOn as a date in the tenant's time zone
-- column campaign_id: the call's campaign.id; null for calls without a campaign
-- column booking_rate: booked / (booked + unbooked), rounded to 4 decimals; null when both are zero
-- Refinement: only inbound calls fall in the grain (outbound calls say nothing about booking), so every row has inbound_calls >= 1.
with

calls as (
    select tenant_id, created_on, campaign_id, type
    from {{ marts }}.telecom_calls
    where active and direction = 'Inbound' and created_on is not null
),

tenants as (
    select tenant_id, timezone
    from {{ staging }}._tenants
),

daily as (
    select
        calls.tenant_id,
        (calls.created_on at time zone tenants.timezone)::date as call_date,
        calls.campaign_id,
        count(*) as inbound_calls,
        count(*) filter (where calls.type = 'Booked') as booked,
        count(*) filter (where calls.type = 'Unbooked') as unbooked,
        count(*) filter (where calls.type = 'Abandoned') as abandoned
    from calls
    join tenants on tenants.tenant_id = calls.tenant_id
    group by 1, 2, 3
)

select
    tenant_id,
    call_date,
    campaign_id,
    inbound_calls,
    booked,
    unbooked,
    abandoned,
    round(booked::numeric / nullif(booked + unbooked, 0), 4) as booking_rate
from daily
