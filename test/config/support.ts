/**
 * Helpers for config tests: temp directories for config/credential files, an explicit `env`
 * (tests never read the real environment) and a way to capture the ConfigError a load throws.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { loadConfig, type LoadConfigInput } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh empty directory, removed after the test file. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-config-test-'));
  made.push(dir);
  return dir;
}

/** Writes `content` (an object as JSON, or raw text) to `dir/name`; returns the full path. */
export async function writeJson(dir: string, name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** Recognisable fake secrets: tests assert none of them ever appears in an error. */
export const SECRET = {
  clientId: 'cid.TESTCLIENTID7q2x',
  clientSecret: 'cs1.TESTCLIENTSECRET8w3y',
  appKey: 'ak1.TESTAPPKEY9e4z',
  dbPassword: 'TESTDBPASSWORD5r6t',
};

/** ST_* variables for one complete tenant. */
export function tenantEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ST_TENANT_ID: '1234567890',
    ST_CLIENT_ID: SECRET.clientId,
    ST_CLIENT_SECRET: SECRET.clientSecret,
    ST_APP_KEY: SECRET.appKey,
    ...extra,
  };
}

/** A config-file tenant whose secrets come from the ST_* variables of `tenantEnv`. */
export function fileTenant(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'acme-hvac',
    tenantId: '1234567890',
    clientId: '${ST_CLIENT_ID}',
    clientSecret: '${ST_CLIENT_SECRET}',
    appKey: '${ST_APP_KEY}',
    ...overrides,
  };
}

/** Writes atlas.config.json into a new temp dir and returns the dir (the default file is found there). */
export async function dirWithConfig(config: unknown): Promise<string> {
  const dir = await tempDir();
  await writeJson(dir, 'atlas.config.json', config);
  return dir;
}

/** Runs loadConfig expecting it to fail; returns the ConfigError. */
export async function configError(input: LoadConfigInput): Promise<ConfigError> {
  try {
    await loadConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

/** The problem lines of a ConfigError (its message is a header and one "- problem" per line). */
export function problemLines(error: ConfigError): string[] {
  return error.message
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^- /, ''));
}
