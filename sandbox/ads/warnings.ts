/**
 * Capacity awareness warnings (`GET /marketingads/v2/tenant/{t}/capacity-warnings`): the warnings
 * in force now, not a history. Each ad campaign has one kind of warning, in force in some 3-day
 * spells and not in others (staggered per campaign), so warnings come and go as the clock moves.
 */
import { unitHash } from '../random.js';
import { DAY } from '../time.js';
import type { AdAccount } from './model.js';

export function capacityWarnings(account: AdAccount, clockMs: number): Record<string, unknown>[] {
  const today = Math.floor(clockMs / DAY);
  return account.campaigns
    .filter((c) => unitHash(account.seed, 'ads-warning', c.id, Math.floor((today + c.index) / 3)) < 0.4)
    .map((c) => ({
      campaignName: c.name,
      warningType: c.warningType,
      businessUnits: c.businessUnits,
      lookaheadWindow: c.lookaheadWindow,
      thresholdValue: c.thresholdValue,
    }));
}
