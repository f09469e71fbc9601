/**
 * Builds the AtlasConfig from already-read sources, without touching the file system, the real
 * environment or the redaction registry: loadConfig does the I/O around it, tests can call it.
 * Returns every problem found (never stopping at the first) and every secret met.
 */
import { isAbsolute, resolve } from 'node:path';
import { checkChoice, checkDate, checkPositiveInteger, checkSchema, checkStringList } from './checks.js';
import { resolveDatabase } from './database.js';
import { ENV, envValue } from './env.js';
import type { ConfigFlags } from './input.js';
import { checkKeys, isPlainObject } from './known-keys.js';
import { Problems } from './problems.js';
import { fromFile, fromOther, pick } from './settings.js';
import { showValue, typeName } from './show.js';
import { substituteEnv } from './substitute.js';
import { resolveTenants } from './tenants.js';
import type { AtlasConfig, EndpointSelection } from './types.js';

export const CONFIG_KEYS = ['database', 'schema', 'martsSchema', 'startDate', 'concurrency', 'stateDir', 'log', 'tenants', 'endpoints'] as const;
export const LOG_KEYS = ['level', 'format'] as const;
export const ENDPOINT_KEYS = ['include', 'exclude'] as const;
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const LOG_FORMATS = ['text', 'json'] as const;
export const DEFAULTS = { schema: 'atlas', martsSchema: 'atlas_marts', concurrency: 8, stateDir: '.atlas', logLevel: 'info', logFormat: 'text' } as const;
export const MAX_CONCURRENCY = 64;

export interface ConfigSources {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The parsed config file, if one was read. */
  file?: { path: string; value: unknown };
  stCredentials?: { path: string; value: unknown };
  sqlCredentials?: { path: string; value: unknown };
  flags: ConfigFlags;
  requireTenants: boolean;
}

export interface Resolution {
  /** Undefined exactly when `problems` is not empty. */
  config: AtlasConfig | undefined;
  problems: string[];
  /** Every secret value met (client ids/secrets, app keys, database passwords), for redaction. */
  secrets: string[];
}

export function resolveConfig(sources: ConfigSources): Resolution {
  const { env, flags, cwd } = sources;
  const problems = new Problems();
  const secrets = new Set<string>();

  let doc: Record<string, unknown> = {};
  if (sources.file) {
    const { path, value } = sources.file;
    if (isPlainObject(value)) {
      checkKeys(value, CONFIG_KEYS, '', problems);
      doc = substituteEnv(value, env, '', problems) as Record<string, unknown>;
    } else {
      problems.add(`config file ${path}`, `must hold a JSON object, not ${typeName(value)}: e.g. {"schema": "atlas", "tenants": [...]}`);
    }
  }
  const log = objectAt(doc, 'log', LOG_KEYS, '{"level": "info", "format": "text"}', problems);
  const endpointsDoc = objectAt(doc, 'endpoints', ENDPOINT_KEYS, '{"include": ["crm/export/customers"], "exclude": []}', problems);

  const stateDirSetting = pick({ label: 'stateDir', value: DEFAULTS.stateDir }, fromFile(doc, 'stateDir'), fromOther('stateDir', ENV.stateDir, envValue(env, ENV.stateDir)));
  let stateDir: string | undefined;
  if (typeof stateDirSetting?.value === 'string' && stateDirSetting.value.trim() !== '') {
    stateDir = isAbsolute(stateDirSetting.value) ? stateDirSetting.value : resolve(cwd, stateDirSetting.value);
  } else {
    problems.add(stateDirSetting!.label, `${showValue(stateDirSetting!.value)} is not a directory path: e.g. ".atlas"`);
  }

  const { database, schema: databaseSchema } = resolveDatabase(
    { file: doc.database, env, sqlCredentials: sources.sqlCredentials, flag: flags.database, stateDir: stateDir ?? resolve(cwd, DEFAULTS.stateDir) },
    problems,
    secrets,
  );

  const schemaSetting = pick(
    { label: 'schema', value: DEFAULTS.schema },
    databaseSchema,
    fromFile(doc, 'schema'),
    fromOther('schema', ENV.schema, envValue(env, ENV.schema)),
    fromOther('schema', '--schema', flags.schema),
  )!;
  const schema = checkSchema(schemaSetting.label, schemaSetting.value, problems, DEFAULTS.schema);
  const martsSetting = pick({ label: 'martsSchema', value: DEFAULTS.martsSchema }, fromFile(doc, 'martsSchema'), fromOther('martsSchema', ENV.martsSchema, envValue(env, ENV.martsSchema)))!;
  const martsSchema = checkSchema(martsSetting.label, martsSetting.value, problems, DEFAULTS.martsSchema);
  if (schema !== undefined && schema === martsSchema) {
    problems.add(martsSetting.label, `${showValue(martsSchema)} is the same as schema: models need a schema of their own, e.g. "${schema === DEFAULTS.martsSchema ? 'atlas_models' : DEFAULTS.martsSchema}"`);
  }

  const startSetting = pick(fromFile(doc, 'startDate'), fromOther('startDate', ENV.startDate, envValue(env, ENV.startDate)), fromOther('startDate', '--start-date', flags.startDate));
  const startDate = startSetting ? checkDate(startSetting.label, startSetting.value, problems) : null;

  const concurrencySetting = pick(
    { label: 'concurrency', value: DEFAULTS.concurrency },
    fromFile(doc, 'concurrency'),
    fromOther('concurrency', ENV.concurrency, envValue(env, ENV.concurrency)),
    fromOther('concurrency', '--concurrency', flags.concurrency),
  )!;
  const concurrency = checkPositiveInteger(concurrencySetting.label, concurrencySetting.value, MAX_CONCURRENCY, DEFAULTS.concurrency, problems);

  const levelSetting = pick({ label: 'log.level', value: DEFAULTS.logLevel }, fromFile(log, 'level', 'log.level'), fromOther('log.level', ENV.logLevel, envValue(env, ENV.logLevel)), fromOther('log.level', '--log-level', flags.logLevel))!;
  const level = checkChoice(levelSetting.label, levelSetting.value, LOG_LEVELS, problems);
  const formatSetting = pick({ label: 'log.format', value: DEFAULTS.logFormat }, fromFile(log, 'format', 'log.format'), fromOther('log.format', ENV.logFormat, envValue(env, ENV.logFormat)), fromOther('log.format', '--log-format', flags.logFormat))!;
  const format = checkChoice(formatSetting.label, formatSetting.value, LOG_FORMATS, problems);

  const endpoints = resolveEndpoints(endpointsDoc, flags.endpoints, problems);

  const tenants = resolveTenants(
    { file: doc.tenants, stCredentials: sources.stCredentials, env, only: flags.tenant, require: sources.requireTenants },
    problems,
    secrets,
  );

  const list = problems.list();
  let config: AtlasConfig | undefined;
  if (list.length === 0 && database && stateDir && schema && martsSchema && startDate !== undefined && concurrency && level && format && endpoints) {
    config = { database, schema, martsSchema, startDate, concurrency, tenants, endpoints, stateDir, log: { level, format } };
  }
  return { config, problems: list, secrets: [...secrets] };
}

/** A nested object of the config file (`log`, `endpoints`), key-checked; undefined when absent. */
function objectAt(doc: Record<string, unknown>, key: string, known: readonly string[], example: string, problems: Problems): Record<string, unknown> | undefined {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    problems.add(key, `must be an object, not ${typeName(value)}: e.g. ${example}`);
    return undefined;
  }
  checkKeys(value, known, key, problems);
  return value;
}

/** `endpoints.include` (empty = no restriction), replaced by `--endpoint`; `endpoints.exclude`. */
function resolveEndpoints(doc: Record<string, unknown> | undefined, flag: string[] | undefined, problems: Problems): EndpointSelection | undefined {
  const example = 'crm/export/customers';
  const include = flag && flag.length > 0
    ? checkStringList('endpoints.include (from --endpoint)', flag, example, problems)
    : doc?.include === undefined ? [] : checkStringList('endpoints.include', doc.include, example, problems);
  const exclude = doc?.exclude === undefined ? [] : checkStringList('endpoints.exclude', doc.exclude, example, problems);
  return include && exclude ? { include, exclude } : undefined;
}
