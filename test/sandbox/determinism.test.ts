import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index.js';
import { Client } from './helpers.js';

const NAMES = [
  'crm/export/customers',
  'jpm/export/jobs',
  'accounting/export/invoices',
  'jpm/job-types',
  'marketing/costs',
  'inventory/export/returns',
];

describe('sandbox determinism', () => {
  it('same seed and scale give identical data, also after identical advances; another seed differs', async () => {
    const a = await startSandbox({ scale: 0.03, seed: 5 });
    const b = await startSandbox({ scale: 0.03, seed: 5 });
    const c = await startSandbox({ scale: 0.03, seed: 6 });
    try {
      for (const name of NAMES) expect(b.truth(name), name).toEqual(a.truth(name));
      expect(b.credentials).toEqual(a.credentials);
      expect(a.advance({ hours: 30, changes: 15 })).toEqual(b.advance({ hours: 30, changes: 15 }));
      for (const name of NAMES) expect(b.truth(name), name).toEqual(a.truth(name));
      expect(c.truth('crm/export/customers')).not.toEqual(a.truth('crm/export/customers'));

      // The served pages are the same too (batch sizes are chosen deterministically).
      const [ca, cb] = [await Client.create(a), await Client.create(b)];
      const [wa, wb] = [await ca.walk('jpm/export/jobs'), await cb.walk('jpm/export/jobs')];
      expect(wb.sizes).toEqual(wa.sizes);
      expect(wb.rows).toEqual(wa.rows);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('uses realistic ids from one id space and keeps record counts proportional to scale', async () => {
    const sb = await startSandbox({ scale: 0.05 });
    try {
      const ids = new Set<number>();
      let total = 0;
      for (const name of [
        'crm/export/customers',
        'crm/export/locations',
        'jpm/export/jobs',
        'accounting/export/invoices',
        'telecom/export/calls',
      ]) {
        for (const r of sb.truth(name)) {
          const id = r.id as number;
          expect(String(id).length).toBeGreaterThanOrEqual(8);
          expect(String(id).length).toBeLessThanOrEqual(10);
          ids.add(id);
          total++;
        }
      }
      expect(ids.size).toBe(total);
      expect(sb.truth('crm/export/customers').length).toBe(100);
      expect(sb.truth('jpm/export/jobs').length).toBeGreaterThan(300);
    } finally {
      await sb.close();
    }
  });
});
