/**
 * Crash safety of window walks: the real CLI is killed with SIGKILL in the middle of walking the
 * marketing-ads windows, again and again; each following run must continue at the window,
 * segmentation type and page after the saved cursor (never at an earlier window), and the tables
 * must end equal to the truth with nothing duplicated.
 */
import { describe, expect, it } from 'vitest';
import { readCursor } from '../../src/load/cursor-store.js';
import type { WindowCursor } from '../../src/load/cursor.js';
import { cliEnv, expectStagingEqualsTruth, runCli, useSandboxWarehouse } from '../support/harness.js';
import { seededRandom, seedFromEnv } from '../support/seeded-random.js';

const seed = seedFromEnv('ATLAS_TEST_KILL_SEED');
const ADS = ['marketingads/performance', 'marketingads/attributed-leads'];
const fixture = useSandboxWarehouse({ scale: 0.05, seed: 17, faults: { latencyMs: 3 } });

async function tableExists(name: string): Promise<boolean> {
  const { rowCount } = await fixture.warehouse.pool.query(
    `select 1 from information_schema.tables where table_schema = 'atlas' and table_name = $1`,
    [name],
  );
  return (rowCount ?? 0) > 0;
}

describe('SIGKILL in the middle of window walks, then sync', () => {
  it('resumes after the saved window, segment and page, and ends equal to the truth', async () => {
    const { sandbox, url, warehouse } = fixture;
    console.info(`kill points: seed ${seed} (replay with ATLAS_TEST_KILL_SEED=${seed})`);
    const random = seededRandom(seed);
    const env = cliEnv(sandbox, url, { ATLAS_CONCURRENCY: '2' });
    const args = ADS.flatMap((e) => ['--endpoint', e]);
    let killed = 0;
    let resumedChecked = 0;
    for (let attempt = 0; attempt < 8; attempt++) {
      const saved = (await tableExists('_cursors'))
        ? ((await readCursor(warehouse.pool, 'atlas', sandbox.tenantId, ADS[0])) as WindowCursor | null)
        : null;
      sandbox.clearRequests();
      const killAt = 10 + Math.floor(random() * 40);
      let poller: NodeJS.Timeout | undefined;
      const result = await runCli([attempt === 0 ? 'build' : 'sync', ...args], env, {
        onStart: (kill) => {
          poller = setInterval(() => {
            if (sandbox.requests().length >= killAt) kill();
          }, 5);
        },
      });
      clearInterval(poller);
      const walk = sandbox.requests().filter((r) => r.endpoint === ADS[0] && r.query.pageSize !== '1');
      if (saved?.walkWindow && walk.length > 0) {
        const first = walk[0].query;
        expect({ seed, from: first.fromUtc, type: first.performanceSegmentationType, page: first.page }).toEqual({
          seed,
          from: `${saved.walkWindow}T00:00:00Z`,
          type: saved.walkSegment,
          page: String(saved.page + 1),
        });
        expect(walk.filter((r) => String(r.query.fromUtc).slice(0, 10) < saved.walkWindow!)).toEqual([]);
        resumedChecked += 1;
      }
      if (result.signal === 'SIGKILL') killed += 1;
      else {
        expect(result.code, `seed ${seed}: ${result.stderr}`).toBe(0);
        break;
      }
    }
    expect(killed, `seed ${seed}`).toBeGreaterThanOrEqual(3);
    expect(resumedChecked, `seed ${seed}`).toBeGreaterThanOrEqual(1);

    const final = await runCli(['sync', ...args], env);
    expect(final.code, final.stderr).toBe(0);
    await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox, ADS);
    // Idle, with the day before the sandbox's present settled.
    const yesterday = new Date(Date.parse(sandbox.clock()) - 86_400_000).toISOString().slice(0, 10);
    expect(await readCursor(warehouse.pool, 'atlas', sandbox.tenantId, ADS[0])).toEqual({
      kind: 'window',
      through: yesterday,
      walkWindow: null,
      walkSegment: null,
      page: 0,
    });
  });
});
