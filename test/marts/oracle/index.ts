/** Every mart's oracle by mart name: the expected rows of one tenant, computed from the sandbox's records. */
import { arAging } from './ar-aging.js';
import { bookingsAheadDaily } from './bookings-ahead-daily.js';
import { callBookingDaily } from './call-booking-daily.js';
import { campaignPerformanceMonthly } from './campaign-performance-monthly.js';
import { cashCollectedDaily } from './cash-collected-daily.js';
import { customerLifetime } from './customer-lifetime.js';
import { estimatePipelineWeekly } from './estimate-pipeline-weekly.js';
import { jobMargin } from './job-margin.js';
import { jobsDaily } from './jobs-daily.js';
import { membershipMonthly } from './membership-monthly.js';
import { revenueDaily } from './revenue-daily.js';
import { technicianScorecardMonthly } from './technician-scorecard-monthly.js';
import type { MartRow, TenantTruth } from './tenant.js';

export const ORACLES: Record<string, (t: TenantTruth) => MartRow[]> = {
  revenue_daily: revenueDaily,
  cash_collected_daily: cashCollectedDaily,
  call_booking_daily: callBookingDaily,
  ar_aging: arAging,
  customer_lifetime: customerLifetime,
  jobs_daily: jobsDaily,
  technician_scorecard_monthly: technicianScorecardMonthly,
  estimate_pipeline_weekly: estimatePipelineWeekly,
  membership_monthly: membershipMonthly,
  campaign_performance_monthly: campaignPerformanceMonthly,
  job_margin: jobMargin,
  bookings_ahead_daily: bookingsAheadDaily,
};
