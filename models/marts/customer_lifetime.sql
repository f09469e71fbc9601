-- grain: one row per tenant and active surviving customer (with invoices or not)
-- key: tenant_id, customer_id
-- materialized: view
-- description: lifetime revenue and recency per customer, crediting each survivor with the invoices of the customers merged into it.
-- not_null: merged_customer_count, invoice_count, lifetime_revenue, recency
-- accepted_values: recency in ('active','at_risk','dormant','lost','never')
-- column customer_id: an active customer that was not merged into another
-- column merged_customer_count: customers merged into it, directly or through a chain
-- column invoice_count: active invoices of the customer and of the customers merged into it
-- column lifetime_revenue: sum of subTotal of those invoices (0 without invoices)
-- column first_invoice_date: earliest invoiceDate of those invoices (null without invoices)
-- column last_invoice_date: latest invoiceDate of those invoices (null without invoices)
-- column recency: days from last_invoice_date to today (tenant's zone): active <= 90, at_risk <= 180, dormant <= 365, lost, never
-- A view, so recency never goes stale.
with

customers as (
    select tenant_id, id, name
    from {{ marts }}.crm_customers
    where active and merged_to_id is null
),

survivors as (
    select tenant_id, customer_id, survivor_id, merge_hops
    from {{ marts }}.customer_survivors
),

invoices as (
    select tenant_id, customer_id, invoice_date, sub_total
    from {{ marts }}.accounting_invoices
    where active and customer_id is not null
),

tenants as (
    select tenant_id, (now() at time zone timezone)::date as today
    from {{ staging }}._tenants
),

merged_counts as (
    select tenant_id, survivor_id, count(*) as merged_customer_count
    from survivors
    where merge_hops > 0
    group by tenant_id, survivor_id
),

credited_invoices as (
    select
        invoices.tenant_id,
        coalesce(survivors.survivor_id, invoices.customer_id) as survivor_id,
        count(*) as invoice_count,
        sum(invoices.sub_total) as lifetime_revenue,
        min(invoices.invoice_date) as first_invoice_date,
        max(invoices.invoice_date) as last_invoice_date
    from invoices
    left join survivors on survivors.tenant_id = invoices.tenant_id and survivors.customer_id = invoices.customer_id
    group by 1, 2
)

select
    customers.tenant_id,
    customers.id as customer_id,
    customers.name as customer_name,
    coalesce(merged_counts.merged_customer_count, 0) as merged_customer_count,
    coalesce(credited_invoices.invoice_count, 0) as invoice_count,
    coalesce(credited_invoices.lifetime_revenue, 0) as lifetime_revenue,
    credited_invoices.first_invoice_date,
    credited_invoices.last_invoice_date,
    case
        when credited_invoices.last_invoice_date is null then 'never'
        when tenants.today - credited_invoices.last_invoice_date <= 90 then 'active'
        when tenants.today - credited_invoices.last_invoice_date <= 180 then 'at_risk'
        when tenants.today - credited_invoices.last_invoice_date <= 365 then 'dormant'
        else 'lost'
    end as recency
from customers
join tenants on tenants.tenant_id = customers.tenant_id
left join merged_counts on merged_counts.tenant_id = customers.tenant_id and merged_counts.survivor_id = customers.id
left join credited_invoices on credited_invoices.tenant_id = customers.tenant_id and credited_invoices.survivor_id = customers.id
