-- grain: one row per tenant, payment business unit, payment date and payment type
-- key: tenant_id, business_unit_id?, payment_date, payment_type?
-- materialized: table
-- indexes: (tenant_id, payment_date)
-- description: cash collected per business unit, day and payment type, from active payments.
-- not_null: tenant_id, payment_date, payment_count, amount
-- column business_unit_id: the payment's businessUnit.id; null for payments sent without one
-- column payment_date: the payment's date as sent (a business date, no time zone conversion)
-- column payment_type: the payment's type name as sent (e.g. Credit Card)
-- column amount: sum of the payments' total
-- Refinement: payments without a date are left out.
with

payments as (
    select tenant_id, business_unit_id, date, type, total
    from {{ marts }}.accounting_payments
    where active and date is not null
)

select
    tenant_id,
    business_unit_id,
    date as payment_date,
    type as payment_type,
    count(*) as payment_count,
    sum(total) as amount
from payments
group by tenant_id, business_unit_id, date, type
