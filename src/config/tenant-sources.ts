/**
 * Tenants as found in each source, before checks: the config file's `tenants` array, a Titanpy
 * `--st-credentials` file, or the ST_* environment variables. Sources name the same setting
 * differently (`tenants[0].clientSecret`, `CLIENT_SECRET in --st-credentials st.json`,
 * `ST_CLIENT_SECRET`), so each raw tenant carries how to label its fields in messages and how a
 * good secret looks there.
 */
import { checkKeys, isPlainObject } from './checks.js';
import { ENV, envValue, fromSource } from './env.js';
import { typeName, type Problems } from './problems.js';

/** `appId` is accepted (Titanpy files and older configs carry it) and ignored: ServiceTitan does not need it. */
export const TENANT_FIELDS = [
  'name',
  'tenantId',
  'clientId',
  'clientSecret',
  'appKey',
  'appId',
  'timezone',
  'environment',
  'apiUrl',
  'authUrl',
  'requestsPerSecond',
  'schedule',
] as const;

export type TenantField = (typeof TENANT_FIELDS)[number];
export type SecretField = 'clientId' | 'clientSecret' | 'appKey';

export interface RawTenant {
  /** Values as written (after `${NAME}` substitution); absent keys are undefined. */
  values: Partial<Record<TenantField, unknown>>;
  /** The key path or variable a field is reported under. */
  label(field: TenantField): string;
  /** A good value for a missing secret, in this source's syntax (never a real secret). */
  secretExample(field: SecretField): string;
}

/** The variable each field of an environment tenant comes from. ST_API_URL / ST_AUTH_URL apply to every tenant (tenants.ts). */
const ENV_FOR: Partial<Record<TenantField, string>> = {
  name: ENV.tenantName,
  tenantId: ENV.tenantId,
  clientId: ENV.clientId,
  clientSecret: ENV.clientSecret,
  appKey: ENV.appKey,
  timezone: ENV.timezone,
  environment: ENV.environment,
};

const FILE_EXAMPLE =
  '{"name": "acme-hvac", "tenantId": "1234567890", "clientId": "${ST_CLIENT_ID}", ' +
  '"clientSecret": "${ST_CLIENT_SECRET}", "appKey": "${ST_APP_KEY}"}';

/** `tenants` from the config file; entries that are not objects are reported and skipped. */
export function tenantsFromFile(value: unknown, problems: Problems): RawTenant[] {
  if (!Array.isArray(value)) {
    problems.add('tenants', `must be an array of tenant objects, not ${typeName(value)}: e.g. [${FILE_EXAMPLE}]`);
    return [];
  }
  return value.flatMap((item, index) => {
    const path = `tenants[${index}]`;
    if (!isPlainObject(item)) {
      problems.add(path, `must be a tenant object, not ${typeName(item)}: e.g. ${FILE_EXAMPLE}`);
      return [];
    }
    checkKeys(item, TENANT_FIELDS, path, problems);
    return [{ values: item, label: (field) => `${path}.${field}`, secretExample: (field) => `"\${${ENV_FOR[field]}}"` }];
  });
}

/**
 * The single tenant described by ST_* variables, or undefined when none of the identifying ones
 * (tenant id, client id, client secret, app key) is set.
 */
export function tenantFromEnv(env: NodeJS.ProcessEnv): RawTenant | undefined {
  const identifying = [ENV.tenantId, ENV.clientId, ENV.clientSecret, ENV.appKey];
  if (!identifying.some((name) => envValue(env, name) !== undefined)) return undefined;
  const values = Object.fromEntries(Object.entries(ENV_FOR).map(([field, name]) => [field, envValue(env, name)]));
  return {
    values: { ...values, name: values.name ?? 'default' },
    label: (field) => fromSource(field, ENV_FOR[field] ?? 'ST_* variables'),
    secretExample: (field) => `${ENV_FOR[field]}=<${field} from the ServiceTitan developer portal>`,
  };
}

/** The file's keys, and the tenant field each becomes (APP_ID is accepted and ignored, like `appId`). */
const ST_CREDENTIAL_KEYS = ['CLIENT_ID', 'CLIENT_SECRET', 'APP_ID', 'APP_KEY', 'TENANT_ID', 'TIMEZONE'] as const;
const SEED_KEY: Partial<Record<TenantField, (typeof ST_CREDENTIAL_KEYS)[number]>> = {
  clientId: 'CLIENT_ID',
  clientSecret: 'CLIENT_SECRET',
  appKey: 'APP_KEY',
  tenantId: 'TENANT_ID',
  timezone: 'TIMEZONE',
};

/**
 * The original Titanpy ServiceTitan credentials file (`--st-credentials`), one tenant:
 *   { "CLIENT_ID", "CLIENT_SECRET", "APP_ID", "APP_KEY", "TENANT_ID", "TIMEZONE" }
 * The format has no tenant name or environment: they come from ST_TENANT_NAME (default
 * `default`) and ST_ENVIRONMENT (default production).
 */
export function tenantFromStCredentials(path: string, file: unknown, env: NodeJS.ProcessEnv, problems: Problems): RawTenant[] {
  const where = `--st-credentials ${path}`;
  if (!isPlainObject(file)) {
    problems.add(
      where,
      `must hold a JSON object, not ${typeName(file)}: e.g. {"CLIENT_ID": "…", "CLIENT_SECRET": "…", ` +
        '"APP_ID": "…", "APP_KEY": "…", "TENANT_ID": "1234567890", "TIMEZONE": "America/Phoenix"}',
    );
    return [];
  }
  checkKeys(file, ST_CREDENTIAL_KEYS, (key) => `${key} (in ${where})`, problems);
  const values = Object.fromEntries(Object.entries(SEED_KEY).map(([field, key]) => [field, file[key]]));
  return [
    {
      values: { ...values, name: envValue(env, ENV.tenantName) ?? 'default', environment: envValue(env, ENV.environment) },
      label: (field) => fromSource(field, SEED_KEY[field] ? `${SEED_KEY[field]} in ${where}` : (ENV_FOR[field] ?? where)),
      secretExample: (field) => `"${SEED_KEY[field]}": "<${field} from the ServiceTitan developer portal>"`,
    },
  ];
}
