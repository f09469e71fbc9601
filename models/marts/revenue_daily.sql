-- grain: one row per tenant, invoice business unit and invoice date
-- key: tenant_id, business_unit_id?, invoice_date
-- materialized: table
-- indexes: (tenant_id, invoice_date); (tenant_id, business_unit_id, invoice_date)
-- description: invoiced amounts per business unit and day, from active invoices.
-- not_null: tenant_id, invoice_date, invoice_count, invoiced_subtotal, invoiced_total, outstanding_balance
-- column business_unit_id: the invoice's businessUnit.id; null for invoices sent without a business unit
-- column business_unit_name: the business unit's current name (null without a business unit)
-- column invoice_date: invoiceDate as sent (a business date, no time zone conversion)
-- column outstanding_balance: sum of balance as of the last sync
-- Refinement: invoices without an invoiceDate have no day to fall in and are left out.
with

invoices as (
    select tenant_id, business_unit_id, invoice_date, sub_total, total, balance
    from {{ marts }}.accounting_invoices
    where active and invoice_date is not null
),

business_units as (
    select tenant_id, id, name
    from {{ marts }}.settings_business_units
),

daily as (
    select
        tenant_id,
        business_unit_id,
        invoice_date,
        count(*) as invoice_count,
        sum(sub_total) as invoiced_subtotal,
        sum(total) as invoiced_total,
        sum(balance) as outstanding_balance
    from invoices
    group by tenant_id, business_unit_id, invoice_date
)

select
    daily.tenant_id,
    daily.business_unit_id,
    business_units.name as business_unit_name,
    daily.invoice_date,
    daily.invoice_count,
    daily.invoiced_subtotal,
    daily.invoiced_total,
    daily.outstanding_balance
from daily
left join business_units on business_units.tenant_id = daily.tenant_id and business_units.id = daily.business_unit_id
