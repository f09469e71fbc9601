-- grain: one row per tenant and surviving customer with an open balance, as of today in the tenant's time zone
-- key: tenant_id, customer_id
-- materialized: view
-- description: receivables by age per customer; merged customers' invoices are credited to the surviving customer.
-- not_null: as_of_date, balance_total, bucket_0_30, bucket_31_60, bucket_61_90, bucket_91_120, bucket_over_120, oldest_invoice_date
-- column customer_id: the surviving customer (the end of the invoice customer's merge chain)
-- column customer_name: the surviving customer's name
-- column as_of_date: today's date in the tenant's time zone (a view, so it never goes stale)
-- column bucket_0_30: balance of invoices 0 to 30 days old (an invoiceDate after today counts here too)
-- column oldest_invoice_date: earliest invoiceDate among the customer's open invoices
-- Refinements: invoices without invoiceDate or customer cannot be aged and are left out; a survivor that was
-- deactivated (not merged) still owes its balance and is listed.
with

invoices as (
    select tenant_id, customer_id, invoice_date, balance
    from {{ marts }}.accounting_invoices
    where active and balance > 0 and invoice_date is not null and customer_id is not null
),

survivors as (
    select tenant_id, customer_id, survivor_id
    from {{ marts }}.customer_survivors
),

customers as (
    select tenant_id, id, name
    from {{ marts }}.crm_customers
),

tenants as (
    select tenant_id, (now() at time zone timezone)::date as as_of_date
    from {{ staging }}._tenants
),

aged as (
    select
        invoices.tenant_id,
        coalesce(survivors.survivor_id, invoices.customer_id) as customer_id,
        tenants.as_of_date,
        invoices.invoice_date,
        invoices.balance,
        tenants.as_of_date - invoices.invoice_date as age_days
    from invoices
    join tenants on tenants.tenant_id = invoices.tenant_id
    left join survivors on survivors.tenant_id = invoices.tenant_id and survivors.customer_id = invoices.customer_id
)

select
    aged.tenant_id,
    aged.customer_id,
    customers.name as customer_name,
    aged.as_of_date,
    sum(aged.balance) as balance_total,
    coalesce(sum(aged.balance) filter (where aged.age_days <= 30), 0) as bucket_0_30,
    coalesce(sum(aged.balance) filter (where aged.age_days between 31 and 60), 0) as bucket_31_60,
    coalesce(sum(aged.balance) filter (where aged.age_days between 61 and 90), 0) as bucket_61_90,
    coalesce(sum(aged.balance) filter (where aged.age_days between 91 and 120), 0) as bucket_91_120,
    coalesce(sum(aged.balance) filter (where aged.age_days > 120), 0) as bucket_over_120,
    min(aged.invoice_date) as oldest_invoice_date
from aged
left join customers on customers.tenant_id = aged.tenant_id and customers.id = aged.customer_id
group by aged.tenant_id, aged.customer_id, customers.name, aged.as_of_date
