import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('atlas sandbox command', () => {
  it('prints URLs, credentials and export lines, serves requests, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'sandbox', '--scale', '0.02', '--seed', '4', '--batch-size', '25'],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 300 && !out.includes('Ctrl-C'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('Press Ctrl-C to stop.');
      const env = Object.fromEntries([...out.matchAll(/^export (ST_[A-Z_]+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
      expect(Object.keys(env).sort()).toEqual([
        'ST_API_URL',
        'ST_APP_KEY',
        'ST_AUTH_URL',
        'ST_CLIENT_ID',
        'ST_CLIENT_SECRET',
        'ST_TENANT_ID',
      ]);
      const token = await fetch(env.ST_AUTH_URL, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: env.ST_CLIENT_ID, client_secret: env.ST_CLIENT_SECRET }),
      });
      const { access_token } = (await token.json()) as { access_token: string };
      const page = await fetch(`${env.ST_API_URL}/crm/v2/tenant/${env.ST_TENANT_ID}/export/customers`, {
        headers: { Authorization: `Bearer ${access_token}`, 'ST-App-Key': env.ST_APP_KEY },
      });
      expect(((await page.json()) as { data: unknown[] }).data).toHaveLength(25);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('Sandbox stopped (SIGTERM).');
  });

  it('rejects invalid flags with a configuration error', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sandbox', '--scale', '-1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(err).toContain('--scale');
  });
});
