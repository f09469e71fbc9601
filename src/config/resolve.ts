/**
 * Builds the AtlasConfig from already-read sources, without touching the file system, the real
 * environment or the redaction registry: loadConfig does the I/O around it, tests can call it.
 * Returns every problem found (never stopping at the first) and every secret met.
 *
 * Precedence for single settings: defaults < config file < environment < flags. The last source
 * that gives a value wins, and only the winner is checked (an overridden value never ran, so it
 * cannot be wrong in a way that matters); its label says where it came from.
 */
import { isAbsolute, resolve } from 'node:path';
import {
  checkBoolean,
  checkChoice,
  checkDate,
  checkKeys,
  checkPositiveInteger,
  checkSchema,
  checkStringList,
  isPlainObject,
} from './checks.js';
import { resolveDatabase } from './database.js';
import { checkSchedule } from './schedule.js';
import { ENV, envValue, fromSource, substituteEnv } from './env.js';
import { Problems, showValue, typeName } from './problems.js';
import { resolveReports } from './reports.js';
import { resolveTenants } from './tenants.js';
import type { AtlasConfig, ConfigFlags, EndpointSelection } from './types.js';

const CONFIG_KEYS = [
  'database',
  'schema',
  'martsSchema',
  'startDate',
  'concurrency',
  'stateDir',
  'log',
  'tenants',
  'schedule',
  'endpoints',
  'reports',
];
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const LOG_FORMATS = ['text', 'json'] as const;
const MAX_CONCURRENCY = 64;

/** A single-valued setting's default, environment variable, and flag (with its ConfigFlags field). */
type SettingSources = { default?: unknown; env: string; flag?: [string, keyof ConfigFlags] };

/** The single-valued settings, by key path. */
const SETTINGS = {
  stateDir: { default: '.atlas', env: ENV.stateDir },
  schema: { default: 'atlas', env: ENV.schema, flag: ['--schema', 'schema'] },
  martsSchema: { default: 'atlas_marts', env: ENV.martsSchema },
  startDate: { env: ENV.startDate, flag: ['--start-date', 'startDate'] },
  concurrency: { default: 8, env: ENV.concurrency, flag: ['--concurrency', 'concurrency'] },
  'log.level': { default: 'info', env: ENV.logLevel, flag: ['--log-level', 'logLevel'] },
  'log.format': { default: 'text', env: ENV.logFormat, flag: ['--log-format', 'logFormat'] },
  'log.quiet': { env: ENV.logQuiet, flag: ['--quiet', 'quiet'] },
} satisfies Record<string, SettingSources>;

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

/** A value with the label it is reported under; undefined when the source does not give one. */
type Candidate = { label: string; value: unknown } | undefined;
type Doc = Record<string, unknown>;

const candidate = (label: string, value: unknown): Candidate => (value === undefined ? undefined : { label, value });

export function resolveConfig(sources: ConfigSources): Resolution {
  const { env, flags, cwd } = sources;
  const problems = new Problems();
  const secrets = new Set<string>();

  let doc: Doc = {};
  if (sources.file && isPlainObject(sources.file.value)) {
    checkKeys(sources.file.value, CONFIG_KEYS, '', problems);
    doc = substituteEnv(sources.file.value, env, '', problems) as Doc;
  } else if (sources.file) {
    problems.add(
      `config file ${sources.file.path}`,
      `must hold a JSON object, not ${typeName(sources.file.value)}: ` + 'e.g. {"schema": "atlas", "tenants": [...]}',
    );
  }
  const logDoc = objectAt(doc, 'log', ['level', 'format', 'quiet'], '{"level": "info", "format": "text", "quiet": false}', problems);
  const endpointsExample = '{"include": ["crm/export/customers"], "exclude": []}';
  const endpointsDoc = objectAt(doc, 'endpoints', ['include', 'exclude'], endpointsExample, problems);

  /**
   * Checks the winner for `key` among `base` (the default unless given), the file's value, the env
   * var and the flag, reporting it under its label; undefined when no source gives a value.
   */
  const setting = <T>(key: keyof typeof SETTINGS, file: unknown, check: (label: string, value: unknown) => T, base?: Candidate) => {
    const spec: SettingSources = SETTINGS[key];
    const fromEnv = candidate(fromSource(key, spec.env), envValue(env, spec.env));
    const layers = [base ?? candidate(key, spec.default), candidate(key, file), fromEnv];
    if (spec.flag) layers.push(candidate(fromSource(key, spec.flag[0]), flags[spec.flag[1]]));
    const winner = layers.reduce((found, layer) => layer ?? found, undefined);
    return winner && check(winner.label, winner.value);
  };

  const stateDir = setting('stateDir', doc.stateDir, (label, value) => {
    if (typeof value === 'string' && value.trim() !== '') return isAbsolute(value) ? value : resolve(cwd, value);
    problems.add(label, `${showValue(value)} is not a directory path: e.g. ".atlas"`);
    return undefined;
  });
  const databaseSources = { file: doc.database, env, sqlCredentials: sources.sqlCredentials, flag: flags.database };
  const databaseStateDir = stateDir ?? resolve(cwd, SETTINGS.stateDir.default);
  const { database, schema: databaseSchema } = resolveDatabase({ ...databaseSources, stateDir: databaseStateDir }, problems, secrets);

  // The SQL credentials' schema sits just above the default.
  const schemaCheck = (label: string, value: unknown) => checkSchema(label, value, problems, SETTINGS.schema.default);
  const schema = setting('schema', doc.schema, schemaCheck, databaseSchema);
  const martsSchema = setting('martsSchema', doc.martsSchema, (label, value) => {
    const marts = checkSchema(label, value, problems, SETTINGS.martsSchema.default);
    if (marts === undefined || marts !== schema) return marts;
    const example = schema === SETTINGS.martsSchema.default ? 'atlas_models' : SETTINGS.martsSchema.default;
    problems.add(label, `${showValue(marts)} is the same as schema: models need a schema of their own, e.g. "${example}"`);
    return undefined;
  });
  const startDate = setting('startDate', doc.startDate, (label, value) => checkDate(label, value, problems));
  const concurrency = setting('concurrency', doc.concurrency, (label, value) => {
    return checkPositiveInteger(label, value, MAX_CONCURRENCY, SETTINGS.concurrency.default, problems);
  });
  const level = setting('log.level', logDoc?.level, (label, value) => checkChoice(label, value, LOG_LEVELS, problems));
  const format = setting('log.format', logDoc?.format, (label, value) => checkChoice(label, value, LOG_FORMATS, problems));
  const quiet = setting('log.quiet', logDoc?.quiet, (label, value) => checkBoolean(label, value, problems));

  const schedule = doc.schedule === undefined || doc.schedule === null ? undefined : checkSchedule('schedule', doc.schedule, problems);
  const endpoints = resolveEndpoints(endpointsDoc, flags.endpoints, problems);
  const { stCredentials, requireTenants } = sources;
  const warnings: string[] = [];
  const tenantSources = { file: doc.tenants, stCredentials, env, only: flags.tenant, require: requireTenants };
  const tenants = resolveTenants(tenantSources, problems, secrets, warnings);

  const reportSources = { file: doc.reports, tenants, tenantFilter: (flags.tenant ?? []).length > 0, startDate };
  const reports = tenants ? resolveReports(reportSources, problems) : undefined;

  // Every undefined value below was reported as a problem; the checks are for the type system.
  const result = { config: undefined, problems: problems.list(), secrets: [...secrets] };
  if (problems.count > 0 || !database || !stateDir || !schema || !martsSchema || !concurrency) return result;
  if (!level || !format || !endpoints) return result;
  // No startDate from any source means full history (null).
  const config = { database, schema, martsSchema, startDate: startDate ?? null, concurrency, tenants, endpoints, stateDir };
  // `quiet` is left out unless some source sets it, so configs without it compare as before.
  // `reports` is left out unless the file has the key, so configs without it compare as before.
  const withReports = doc.reports === undefined ? config : { ...config, reports: reports ?? [] };
  return {
    ...result,
    config: {
      ...withReports,
      log: { level, format, ...(quiet === undefined ? {} : { quiet }) },
      ...(schedule ? { schedule } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    },
  };
}

/** A nested object of the config file (`log`, `endpoints`), key-checked; undefined when absent. */
function objectAt(doc: Doc, key: string, known: string[], example: string, problems: Problems): Doc | undefined {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (isPlainObject(value)) {
    checkKeys(value, known, key, problems);
    return value;
  }
  problems.add(key, `must be an object, not ${typeName(value)}: e.g. ${example}`);
  return undefined;
}

/** `endpoints.include` (empty = no restriction), replaced by `--endpoint`; `endpoints.exclude`. */
function resolveEndpoints(doc: Doc | undefined, flag: string[] | undefined, problems: Problems): EndpointSelection | undefined {
  const example = 'crm/export/customers';
  const include =
    flag && flag.length > 0
      ? checkStringList('endpoints.include (from --endpoint)', flag, example, problems)
      : doc?.include === undefined
        ? []
        : checkStringList('endpoints.include', doc.include, example, problems);
  const exclude = doc?.exclude === undefined ? [] : checkStringList('endpoints.exclude', doc.exclude, example, problems);
  return include && exclude ? { include, exclude } : undefined;
}
