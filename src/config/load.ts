/**
 * loadConfig: the one entry point that turns files, environment and flags into a validated
 * AtlasConfig, before any work starts. It reads the files, resolves (resolve.ts), registers every
 * secret it met for redaction, and throws one ConfigError listing every problem.
 *
 * Order of failure: files that are missing or not JSON are reported first (checking values
 * against a file that could not be read would only produce misleading follow-on problems); then
 * all value problems together.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { registerSecret } from '../log/redact.js';
import { locateJsonSyntaxError } from '../text/json-syntax-error.js';
import { configErrorFor } from './problems.js';
import { resolveConfig } from './resolve.js';
import type { AtlasConfig, LoadConfigInput } from './types.js';

export const DEFAULT_CONFIG_FILE = 'atlas.config.json';

type JsonFile = { path: string; value: unknown } | undefined;

export async function loadConfig(input: LoadConfigInput = {}): Promise<AtlasConfig> {
  const cwd = resolve(input.cwd ?? process.cwd());
  const env = input.env ?? process.env;

  const missing: string[] = [];
  const invalid: string[] = [];
  const read = async (given: string | undefined, fallback: string | undefined, kind: string, example: string): Promise<JsonFile> => {
    const path = given ?? fallback;
    if (path === undefined) return undefined;
    // Messages name the path as the user wrote it, plus the absolute path where that helps.
    const absolute = resolve(cwd, path);
    const result = await readJsonFile(absolute, `${kind} ${path}`);
    if (result === 'missing') {
      const advice = `pass the path of an existing file, e.g. ${example}`;
      if (given !== undefined) missing.push(`${kind} ${path} does not exist (looked for ${absolute}): ${advice}`);
      return undefined;
    }
    if ('problem' in result) invalid.push(result.problem);
    return 'value' in result ? { path, value: result.value } : undefined;
  };

  const file = await read(input.configPath, DEFAULT_CONFIG_FILE, 'config file', `--config ./${DEFAULT_CONFIG_FILE}`);
  const stExample = '--st-credentials ./servicetitan-credentials.json';
  const stCredentials = await read(input.stCredentialsPath, undefined, '--st-credentials file', stExample);
  const sqlExample = '--sql-credentials ./sql-credentials.json';
  const sqlCredentials = await read(input.sqlCredentialsPath, undefined, '--sql-credentials file', sqlExample);
  const fileContext = file ? `config file ${file.path}` : 'no config file';
  if (missing.length + invalid.length > 0) throw configErrorFor([...missing, ...invalid], fileContext, invalid.length === 0);

  const flags = input.flags ?? {};
  const resolution = resolveConfig({ cwd, env, file, stCredentials, sqlCredentials, flags, requireTenants: input.requireTenants ?? true });
  // Registered before throwing, so whatever the caller logs next is redacted too.
  for (const secret of resolution.secrets) registerSecret(secret);
  if (!resolution.config) throw configErrorFor(resolution.problems, fileContext);
  return resolution.config;
}

/**
 * A JSON file's value, 'missing', or the problem that stops it being read. `label` names the file
 * in messages (`config file atlas.config.json`). Problems give line and column, never quote the
 * file: these files hold secrets.
 */
export async function readJsonFile(path: string, label: string): Promise<{ value: unknown } | { problem: string } | 'missing'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'EISDIR') return { problem: `${label} is a directory, not a file` };
    return { problem: `${label} cannot be read (${code === 'EACCES' ? 'permission denied' : (code ?? 'unknown error')})` };
  }
  // Editors on Windows (where Titanpy users made their credential files) often save a BOM.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { value: JSON.parse(text) };
  } catch {
    const where = locateJsonSyntaxError(text);
    const detail = where ? `at line ${where.line}, column ${where.column}: ${where.problem}` : 'could not be parsed';
    return { problem: `${label} is not valid JSON ${detail}` };
  }
}
