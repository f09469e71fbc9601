/**
 * loadConfig: the one entry point that turns files, environment and flags into a validated
 * AtlasConfig, before any work starts. It reads the files, resolves (resolve.ts), registers every
 * secret it met for redaction, and throws one ConfigError listing every problem.
 *
 * Order of failure: files that are missing or not JSON are reported first (checking values
 * against a file that could not be read would only produce misleading follow-on problems); then
 * all value problems together.
 */
import { resolve } from 'node:path';
import { registerSecret } from '../log/redact.js';
import type { LoadConfigInput } from './input.js';
import { readJsonFile } from './json-file.js';
import { configErrorFor } from './problems.js';
import { resolveConfig } from './resolve.js';
import type { AtlasConfig } from './types.js';

export const DEFAULT_CONFIG_FILE = 'atlas.config.json';

type Loaded = { path: string; value: unknown } | undefined;

export async function loadConfig(input: LoadConfigInput = {}): Promise<AtlasConfig> {
  const cwd = resolve(input.cwd ?? process.cwd());
  const env = input.env ?? process.env;

  const missing: string[] = [];
  const invalid: string[] = [];
  const read = async (given: string | undefined, fallback: string | undefined, kind: string, example: string): Promise<Loaded> => {
    const path = given ?? fallback;
    if (path === undefined) return undefined;
    // Messages name the path as the user wrote it, plus the absolute path where that helps.
    const result = await readJsonFile(resolve(cwd, path), `${kind} ${path}`);
    if (result.status === 'ok') return { path, value: result.value };
    if (result.status === 'invalid') invalid.push(result.problem);
    else if (given !== undefined) missing.push(`${kind} ${path} does not exist (looked for ${result.path}): pass the path of an existing file, e.g. ${example}`);
    return undefined;
  };

  const file = await read(input.configPath, DEFAULT_CONFIG_FILE, 'config file', `--config ./${DEFAULT_CONFIG_FILE}`);
  const stCredentials = await read(input.stCredentialsPath, undefined, '--st-credentials file', '--st-credentials ./servicetitan-credentials.json');
  const sqlCredentials = await read(input.sqlCredentialsPath, undefined, '--sql-credentials file', '--sql-credentials ./sql-credentials.json');
  const fileContext = file ? `config file ${file.path}` : 'no config file';
  if (missing.length + invalid.length > 0) {
    throw configErrorFor([...missing, ...invalid], fileContext, invalid.length === 0);
  }

  const resolution = resolveConfig({
    cwd,
    env,
    file,
    stCredentials,
    sqlCredentials,
    flags: input.flags ?? {},
    requireTenants: input.requireTenants ?? true,
  });
  // Registered before throwing, so whatever the caller logs next is redacted too.
  for (const secret of resolution.secrets) registerSecret(secret);
  if (!resolution.config) throw configErrorFor(resolution.problems, fileContext);
  return resolution.config;
}
