/**
 * The tenant list. One source applies, highest first: the `--st-credentials` file, the config
 * file's `tenants` array, then the ST_* environment variables (only when neither of the others is
 * given — with a `tenants` array, ST_* variables are just values for `${NAME}` references).
 * Only the chosen source's values are checked (a misspelt key in the file is still reported), but
 * the secrets of every source given are registered for redaction.
 * Then: names and tenant ids must be unique, at least one tenant must exist (when required), and
 * `--tenant` picks tenants by name.
 */
import { checkChoice, checkHttpUrl, checkPositiveNumber, checkSecret, checkTenantId, checkTenantName, checkTimezone } from './checks.js';
import { ENV, envValue, fromSource } from './env.js';
import { checkSchedule } from './schedule.js';
import { showValue, type Problems } from './problems.js';
import { tenantFromEnv, tenantFromStCredentials, tenantsFromFile, type RawTenant, type SecretField } from './tenant-sources.js';
import type { ServiceTitanEnvironment, TenantConfig } from './types.js';

export interface TenantSources {
  /** The config file's `tenants` value after substitution; undefined when the key is absent. */
  file: unknown;
  stCredentials?: { path: string; value: unknown };
  env: NodeJS.ProcessEnv;
  /** `--tenant` names; empty or absent means every tenant. */
  only?: string[];
  require: boolean;
}

export function resolveTenants(sources: TenantSources, problems: Problems, secrets: Set<string>, warnings: string[]): TenantConfig[] {
  const { env, stCredentials } = sources;
  const fromFile = sources.file === undefined ? undefined : tenantsFromFile(sources.file, problems);
  const fromSeed = stCredentials && tenantFromStCredentials(stCredentials.path, stCredentials.value, env, problems);
  const fromEnv = fromFile === undefined && fromSeed === undefined ? tenantFromEnv(env) : undefined;
  for (const raw of [...(fromFile ?? []), ...(fromSeed ?? []), ...(fromEnv ? [fromEnv] : [])]) collectSecrets(raw, secrets);
  const chosen = (fromSeed ?? fromFile ?? (fromEnv ? [fromEnv] : [])).map((raw) => ({ raw, tenant: buildTenant(raw, env, problems) }));
  if (!fromEnv) {
    const where = fromSeed ? `--st-credentials ${stCredentials?.path}` : 'the config file';
    warnings.push(
      ...environmentUrlOverrides(
        env,
        chosen.flatMap(({ tenant }) => (tenant ? [tenant.name] : [])),
        where,
      ),
    );
  }

  const seenNames = new Map<string, string>();
  const seenIds = new Map<string, string>();
  for (const { raw, tenant } of chosen) {
    const name = raw.values.name;
    if (typeof name === 'string' && seenNames.has(name)) {
      const first = seenNames.get(name);
      problems.add(raw.label('name'), `${showValue(name)} is already the name of ${first}: tenant names must be unique, e.g. "${name}-2"`);
    } else if (typeof name === 'string') seenNames.set(name, raw.label('name').replace(/\.name$/, ''));
    if (tenant && seenIds.has(tenant.tenantId)) {
      problems.add(
        raw.label('tenantId'),
        `"${tenant.tenantId}" is also the tenant id of ${seenIds.get(tenant.tenantId)}: ` +
          'each ServiceTitan tenant may be configured once (its rows are keyed by tenant id)',
      );
    } else if (tenant) seenIds.set(tenant.tenantId, `tenant "${tenant.name}"`);
  }

  if (sources.require && chosen.length === 0) {
    problems.add(
      'tenants',
      'is empty: configure at least one tenant — a "tenants" array in the config file, --st-credentials <file>, ' +
        'or ST_TENANT_ID, ST_CLIENT_ID, ST_CLIENT_SECRET and ST_APP_KEY in the environment; e.g. "tenants": [{"name": "acme-hvac", ' +
        '"tenantId": "1234567890", "clientId": "${ST_CLIENT_ID}", "clientSecret": "${ST_CLIENT_SECRET}", "appKey": "${ST_APP_KEY}"}]',
    );
  }

  const tenants = chosen.flatMap(({ tenant }) => (tenant ? [tenant] : []));
  const only = sources.only ?? [];
  if (only.length === 0) return tenants;
  const known = seenNames.size ? [...seenNames.keys()].map((n) => `"${n}"`).join(', ') : '(none: no tenant is configured)';
  for (const wanted of only.filter((name) => !seenNames.has(name))) {
    problems.add(`--tenant ${showValue(wanted)}`, `names no configured tenant: expected one of ${known}`);
  }
  return tenants.filter((tenant) => only.includes(tenant.name));
}

/** Below ServiceTitan's documented 60 requests/s per (app, tenant), leaving room for other apps' retries. */
const DEFAULT_REQUESTS_PER_SECOND = 50;

/**
 * ServiceTitan's two environments and their base URLs. Client ids and secrets are issued per
 * environment, so a tenant's environment picks both its API host and its token endpoint.
 */
const SERVICE_TITAN_URLS: Record<ServiceTitanEnvironment, { apiUrl: string; authUrl: string }> = {
  production: { apiUrl: 'https://api.servicetitan.io', authUrl: 'https://auth.servicetitan.io/connect/token' },
  integration: { apiUrl: 'https://api-integration.servicetitan.io', authUrl: 'https://auth-integration.servicetitan.io/connect/token' },
};
const ENVIRONMENTS = Object.keys(SERVICE_TITAN_URLS) as ServiceTitanEnvironment[];

const SECRET_WHAT: Record<SecretField, string> = {
  clientId: "the tenant's client id from the ServiceTitan developer portal",
  clientSecret: "the tenant's client secret from the ServiceTitan developer portal",
  appKey: "the application's app key from the ServiceTitan developer portal",
};

/**
 * Checks one raw tenant and builds its TenantConfig. URLs: the environment's defaults, then the
 * tenant's own apiUrl/authUrl, then ST_API_URL/ST_AUTH_URL (which apply to every tenant — that
 * is how the sandbox and tests point Atlas at a local server). Absent, null or blank optional
 * values take their defaults.
 */
function buildTenant(raw: RawTenant, env: NodeJS.ProcessEnv, problems: Problems): TenantConfig | undefined {
  const { values, label } = raw;
  const secret = (field: SecretField) => checkSecret(label(field), values[field], SECRET_WHAT[field], raw.secretExample(field), problems);
  const [clientId, clientSecret, appKey] = [secret('clientId'), secret('clientSecret'), secret('appKey')];
  const name = checkTenantName(label('name'), values.name, problems);
  const tenantId = checkTenantId(label('tenantId'), values.tenantId, problems);
  const timezone = isAbsent(values.timezone) ? 'UTC' : checkTimezone(label('timezone'), values.timezone, problems);
  const environment = isAbsent(values.environment)
    ? 'production'
    : checkChoice(label('environment'), values.environment, ENVIRONMENTS, problems);
  const requestsPerSecond = isAbsent(values.requestsPerSecond)
    ? DEFAULT_REQUESTS_PER_SECOND
    : checkPositiveNumber(label('requestsPerSecond'), values.requestsPerSecond, DEFAULT_REQUESTS_PER_SECOND, problems);

  const defaults = SERVICE_TITAN_URLS[environment ?? 'production'];
  const url = (field: 'apiUrl' | 'authUrl', envName: string): string | undefined => {
    const fromEnv = envValue(env, envName);
    if (fromEnv !== undefined) return checkHttpUrl(fromSource(field, envName), fromEnv, defaults[field], problems);
    return isAbsent(values[field]) ? defaults[field] : checkHttpUrl(label(field), values[field], defaults[field], problems);
  };
  const [apiUrl, authUrl] = [url('apiUrl', ENV.apiUrl), url('authUrl', ENV.authUrl)];

  const tenant = { name, tenantId, clientId, clientSecret, appKey, timezone, environment, apiUrl, authUrl, requestsPerSecond };
  const schedule = isAbsent(values.schedule) ? undefined : checkSchedule(label('schedule'), values.schedule, problems);
  if (!isAbsent(values.schedule) && schedule === undefined) return undefined;
  if (Object.values(tenant).some((value) => value === undefined)) return undefined;
  return (schedule === undefined ? tenant : { ...tenant, schedule }) as TenantConfig;
}

/**
 * ST_API_URL / ST_AUTH_URL apply to every tenant, also to tenants whose real credentials come
 * from a file. A leftover `export ST_API_URL=…` from `atlas sandbox` would send those credentials
 * to the sandbox's address: worth a word every run. (The URL is shown without any user info.)
 */
function environmentUrlOverrides(env: NodeJS.ProcessEnv, tenantNames: string[], where: string): string[] {
  if (tenantNames.length === 0) return [];
  const names = tenantNames.map((name) => `"${name}"`).join(', ');
  return [ENV.apiUrl, ENV.authUrl].flatMap((variable) => {
    const value = envValue(env, variable);
    if (value === undefined) return [];
    return [
      `${variable}=${withoutUserInfo(value)} overrides the URL of every tenant from ${where} (${names}): their credentials go there. ` +
        `Unset it if it is left over from \`atlas sandbox\` (unset ${variable}), or set apiUrl/authUrl per tenant instead`,
    ];
  });
}

function withoutUserInfo(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function collectSecrets(raw: RawTenant, secrets: Set<string>): void {
  for (const field of ['clientId', 'clientSecret', 'appKey'] as const) {
    const value = raw.values[field];
    if (typeof value === 'string' && value.trim() !== '') secrets.add(value).add(value.trim());
  }
}
