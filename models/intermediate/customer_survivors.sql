-- grain: one row per tenant and customer (merged or not)
-- key: tenant_id, customer_id
-- materialized: view
-- description: each customer mapped to the customer that survives its merges, following mergedToId through chains of any length.
-- not_null: survivor_id, merge_hops
-- column survivor_id: the last customer of the chain: one with no mergedToId, or whose mergedToId names no customer we hold
-- column merge_hops: how many merges lie between the customer and its survivor (0 for a survivor itself)
-- A chain that loops back on itself (never sent by ServiceTitan, but guarded) stops before repeating a customer.
with recursive

customers as (
    select tenant_id, id, merged_to_id
    from {{ marts }}.crm_customers
),

chains as (
    select tenant_id, id as customer_id, id as current_id, merged_to_id as next_id, 0 as hops, array[id] as visited
    from customers
    union all
    select chains.tenant_id, chains.customer_id, customers.id, customers.merged_to_id, chains.hops + 1, chains.visited || customers.id
    from chains
    join customers on customers.tenant_id = chains.tenant_id and customers.id = chains.next_id
    where customers.id <> all (chains.visited)
)

select distinct on (tenant_id, customer_id)
    tenant_id,
    customer_id,
    current_id as survivor_id,
    hops as merge_hops
from chains
order by tenant_id, customer_id, hops desc
