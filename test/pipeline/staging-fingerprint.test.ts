/**
 * Refactors must not change what a build loads: a fixed sandbox (seed 11, scale 0.05), built, then
 * moved 30 h on and synced with a deletion sweep, must leave staging tables whose fingerprint equals
 * the one recorded in test/fixtures/staging-fingerprint.json before the layout change of issue 6.
 * A deliberate change to what lands in staging updates that file in the same commit, with the reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { createLogger } from '../../src/log/logger.js';
import { stagingFingerprint, type StagingFingerprint } from '../support/staging-fingerprint.js';
import { testConfig, useSandboxWarehouse } from '../support/harness.js';

const recorded = JSON.parse(readFileSync(new URL('../fixtures/staging-fingerprint.json', import.meta.url), 'utf8')) as {
  afterBuild: StagingFingerprint;
  afterSync: StagingFingerprint;
};
const logger = createLogger({ level: 'warn' });
const fixture = useSandboxWarehouse({ scale: 0.05, seed: 11, batchSize: { min: 40, max: 90 } });
const fast = { backoff: { baseMs: 5, maxMs: 50 } };

describe('staging fingerprint of a sandbox build', () => {
  it('is the recorded one after the build and after a sync with a sweep', async () => {
    const { sandbox, warehouse, url } = fixture;
    const config = testConfig(url, [sandbox], { concurrency: 4 });
    const build = await runBuild(
      config,
      warehouse,
      { command: 'build', fullRefresh: false, clientOptions: fast },
      logger,
      logProgress(logger),
    );
    expect(build.ok).toBe(true);
    expect(await stagingFingerprint(warehouse.pool, 'atlas')).toEqual(recorded.afterBuild);

    sandbox.advance({ hours: 30 });
    const sync = await runBuild(
      config,
      warehouse,
      { command: 'sync', fullRefresh: false, sweepDeletes: true, clientOptions: fast },
      logger,
      logProgress(logger),
    );
    expect(sync.ok).toBe(true);
    expect(await stagingFingerprint(warehouse.pool, 'atlas')).toEqual(recorded.afterSync);
  });
});
