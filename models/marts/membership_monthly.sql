-- grain: one row per tenant, membership type and month in which a membership of the type was in force, began or was canceled
-- key: tenant_id, membership_type_id, month
-- materialized: table
-- indexes: (tenant_id, month)
-- description: memberships in force at the start and end of each month, new and canceled ones, and churn, per membership type.
-- not_null: tenant_id, membership_type_id, month, in_force_at_start, in_force_at_end, new, canceled
-- column month: first day of the month
-- column in_force_at_start: active memberships in force on the month's first day (see below)
-- column in_force_at_end: active memberships in force on the month's last day
-- column new: active memberships whose from date falls in the month
-- column canceled: active memberships whose cancellationDate, as a local date in the tenant's zone, falls in the month
-- column churn_rate: canceled / in_force_at_start, rounded to 4 decimals; null when none was in force at the start
-- In force on day D: active, from <= D, (to is null or to >= D) and (no cancellationDate or its local date > D).
-- from and to are business dates as sent; a membership without a to date is followed up to the current month.
-- A canceled membership stays an active record (status Canceled); active = false means deleted.
with

memberships as (
    select memberships.tenant_id, memberships.membership_type_id, memberships."from" as from_date, memberships."to" as to_date,
        (memberships.cancellation_date at time zone tenants.timezone)::date as canceled_date,
        (now() at time zone tenants.timezone)::date as today
    from {{ marts }}.memberships_memberships as memberships
    join {{ staging }}._tenants as tenants on tenants.tenant_id = memberships.tenant_id
    where memberships.active and memberships.membership_type_id is not null and memberships."from" is not null
),

membership_types as (
    select tenant_id, id, name
    from {{ marts }}.memberships_membership_types
),

spans as (
    select *, least(to_date, canceled_date - 1) as last_in_force
    from memberships
),

months as (
    select tenant_id, membership_type_id, date_trunc('month', from_date)::date as month
    from spans
    union
    select tenant_id, membership_type_id, date_trunc('month', canceled_date)::date
    from spans
    where canceled_date is not null
    union
    select tenant_id, membership_type_id,
        generate_series(date_trunc('month', from_date), date_trunc('month', coalesce(last_in_force, today)), interval '1 month')::date
    from spans
    where coalesce(last_in_force, today) >= from_date
),

monthly as (
    select
        months.tenant_id,
        months.membership_type_id,
        months.month,
        count(*) filter (
            where spans.from_date <= months.month and (spans.to_date is null or spans.to_date >= months.month)
                and (spans.canceled_date is null or spans.canceled_date > months.month)
        ) as in_force_at_start,
        count(*) filter (
            where spans.from_date <= months.month_end and (spans.to_date is null or spans.to_date >= months.month_end)
                and (spans.canceled_date is null or spans.canceled_date > months.month_end)
        ) as in_force_at_end,
        count(*) filter (where spans.from_date between months.month and months.month_end) as new,
        count(*) filter (where spans.canceled_date between months.month and months.month_end) as canceled
    from (select *, (month + interval '1 month' - interval '1 day')::date as month_end from months) as months
    join spans on spans.tenant_id = months.tenant_id and spans.membership_type_id = months.membership_type_id
    group by months.tenant_id, months.membership_type_id, months.month
)

select
    monthly.tenant_id,
    monthly.membership_type_id,
    membership_types.name as membership_type_name,
    monthly.month,
    monthly.in_force_at_start,
    monthly.in_force_at_end,
    monthly.new,
    monthly.canceled,
    round(monthly.canceled::numeric / nullif(monthly.in_force_at_start, 0), 4) as churn_rate
from monthly
left join membership_types on membership_types.tenant_id = monthly.tenant_id and membership_types.id = monthly.membership_type_id
