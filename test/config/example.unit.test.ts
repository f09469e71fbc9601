/** atlas.config.example.json must stay valid: it is what newcomers copy. */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { tempDir } from './support.js';

const example = fileURLToPath(new URL('../../atlas.config.example.json', import.meta.url));

describe('atlas.config.example.json', () => {
  it('loads once its ${NAME} variables are set', async () => {
    const cwd = await tempDir();
    await copyFile(example, join(cwd, 'atlas.config.json'));
    const env = {
      ATLAS_DB_PASSWORD: 'example-password',
      ACME_HVAC_CLIENT_ID: 'cid.example1',
      ACME_HVAC_CLIENT_SECRET: 'cs1.example1',
      ACME_PLUMBING_CLIENT_ID: 'cid.example2',
      ACME_PLUMBING_CLIENT_SECRET: 'cs1.example2',
      ST_APP_KEY: 'ak1.example',
    };
    const config = await loadConfig({ cwd, env });
    expect(config.database).toEqual({ kind: 'url', url: 'postgres://atlas:example-password@localhost:5432/warehouse' });
    expect(config.tenants.map((t) => [t.name, t.environment, t.apiUrl])).toEqual([
      ['acme-hvac', 'production', 'https://api.servicetitan.io'],
      ['acme-plumbing-test', 'integration', 'https://api-integration.servicetitan.io'],
    ]);
  });

  it('names every variable it needs when they are unset', async () => {
    const cwd = await tempDir();
    await copyFile(example, join(cwd, 'atlas.config.json'));
    await expect(loadConfig({ cwd, env: {} })).rejects.toThrow(
      /database refers to \$\{ATLAS_DB_PASSWORD\}[\s\S]*tenants\[1\]\.clientSecret refers to \$\{ACME_PLUMBING_CLIENT_SECRET\}/,
    );
  });
});
