/**
 * The helper functions typed views cast through: clean values convert exactly, anything else is
 * null rather than an error, and a timestamp without an offset is UTC whatever the session's zone.
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { createLogger } from '../../src/log/logger.js';
import { buildModels } from '../../src/models/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { testConfig } from '../support/harness.js';
import { modelsFolder } from './support.js';

describe('safe casts', () => {
  let warehouse: Warehouse;
  let url: string;
  const empty = modelsFolder({});
  beforeAll(async () => {
    url = await createTestDatabase();
    warehouse = await openWarehouse(url);
    await buildModels(testConfig(url, []), warehouse, { changes: 'all', modelsDir: empty }, createLogger({ level: 'warn' }));
  });
  afterAll(async () => {
    await warehouse?.close();
    await dropTestDatabases();
    rmSync(empty, { recursive: true, force: true });
  });

  const cast = async (fn: string, values: Array<string | null>) => {
    const { rows } = await warehouse.pool.query(
      `select atlas_marts.${fn}(v)::text as out from unnest($1::text[]) with ordinality as t(v, n) order by n`,
      [values],
    );
    return rows.map((r) => r.out);
  };

  it('turns clean values into their type and everything else into null', async () => {
    expect(await cast('_to_numeric', ['389.13', '-0.50', '12', '1e3', ' 7 ', '', 'abc', 'NaN', '1e999999', '1.2.3', null])).toEqual([
      '389.13',
      '-0.50',
      '12',
      '1000',
      '7',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(await cast('_to_bigint', ['42', '-7', '12.0', '12.5', '99999999999999999999', 'x', null])).toEqual([
      '42',
      '-7',
      '12',
      null,
      null,
      null,
      null,
    ]);
    expect(await cast('_to_boolean', ['true', 'FALSE', 'yes', '1', null])).toEqual(['true', 'false', null, null, null]);
    expect(
      await cast('_to_date', ['2025-03-14T00:00:00Z', '2025-03-14', '2024-02-29T23:59:59', '2023-02-29T00:00:00', '2025-13-01', 'soon']),
    ).toEqual(['2025-03-14', '2025-03-14', '2024-02-29', null, null, null]);
  });

  it('reads timestamps with their offset, and without one as UTC, whatever the session zone', async () => {
    const client = new pg.Client({ connectionString: url, options: '-c TimeZone=America/Phoenix' } as pg.ClientConfig);
    await client.connect();
    try {
      const { rows } = await client.query(
        `select extract(epoch from atlas_marts._to_timestamptz(v)) as epoch from unnest($1::text[]) with ordinality as t(v, n) order by n`,
        [
          [
            '2025-03-14T10:00:00Z',
            '2025-03-14T10:00:00',
            '2025-03-14T10:00:00.123456',
            '2025-03-14T03:00:00-07:00',
            '2025-02-30T10:00:00',
            'now',
            '',
          ],
        ],
      );
      const utc = Date.UTC(2025, 2, 14, 10) / 1000;
      expect(rows.map((r) => (r.epoch === null ? null : Number(r.epoch)))).toEqual([utc, utc, utc + 0.123456, utc, null, null, null]);
    } finally {
      await client.end();
    }
  });
});
