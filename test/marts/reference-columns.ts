/**
 * The columns of every mart, in order, exactly as the analysts' reference
 * (`../shared/reference/analyst-marts.md`) defines them: the contract a mart may not drift from.
 */
export const REFERENCE_COLUMNS: Record<string, string[]> = {
  revenue_daily: [
    'tenant_id', 'business_unit_id', 'business_unit_name', 'invoice_date', 'invoice_count', 'invoiced_subtotal', 'invoiced_total',
    'outstanding_balance',
  ],
  cash_collected_daily: ['tenant_id', 'business_unit_id', 'payment_date', 'payment_type', 'payment_count', 'amount'],
  call_booking_daily: ['tenant_id', 'call_date', 'campaign_id', 'inbound_calls', 'booked', 'unbooked', 'abandoned', 'booking_rate'],
  ar_aging: [
    'tenant_id', 'customer_id', 'customer_name', 'as_of_date', 'balance_total', 'bucket_0_30', 'bucket_31_60', 'bucket_61_90',
    'bucket_91_120', 'bucket_over_120', 'oldest_invoice_date',
  ],
  customer_lifetime: [
    'tenant_id', 'customer_id', 'customer_name', 'merged_customer_count', 'invoice_count', 'lifetime_revenue', 'first_invoice_date',
    'last_invoice_date', 'recency',
  ],
  jobs_daily: [
    'tenant_id', 'business_unit_id', 'date', 'jobs_created', 'jobs_completed', 'jobs_canceled', 'completed_revenue', 'average_ticket',
    'recalls_completed',
  ],
  technician_scorecard_monthly: [
    'tenant_id', 'technician_id', 'technician_name', 'month', 'completed_jobs', 'completed_revenue', 'average_ticket', 'estimates_sold',
    'sold_value',
  ],
  estimate_pipeline_weekly: [
    'tenant_id', 'business_unit_id', 'week', 'estimates_created', 'estimates_sold', 'sold_value', 'close_rate', 'avg_days_to_sell',
    'open_value',
  ],
  membership_monthly: [
    'tenant_id', 'membership_type_id', 'membership_type_name', 'month', 'in_force_at_start', 'in_force_at_end', 'new', 'canceled',
    'churn_rate',
  ],
  campaign_performance_monthly: [
    'tenant_id', 'campaign_id', 'campaign_name', 'month', 'inbound_calls', 'booked_calls', 'jobs_created', 'completed_revenue', 'cost',
    'cost_per_booked_call', 'return_on_spend',
  ],
  job_margin: [
    'tenant_id', 'job_id', 'job_number', 'business_unit_id', 'completed_date', 'revenue', 'materials_cost', 'labor_hours', 'gross_margin',
    'gross_margin_pct',
  ],
  bookings_ahead_daily: ['tenant_id', 'business_unit_id', 'date', 'appointments', 'jobs'],
};
