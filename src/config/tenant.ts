/**
 * Checks one raw tenant and builds its TenantConfig. URLs: the environment's defaults, then the
 * tenant's own apiUrl/authUrl, then ST_API_URL/ST_AUTH_URL (which apply to every tenant — that
 * is how the sandbox and tests point Atlas at a local server).
 */
import { checkChoice, checkHttpUrl, checkOptionalString, checkPositiveNumber, checkSecret, checkTenantId, checkTenantName, checkTimezone } from './checks.js';
import { ENV, envValue, fromSource } from './env.js';
import type { Problems } from './problems.js';
import type { RawTenant, SecretField } from './raw-tenant.js';
import { ENVIRONMENTS, SERVICE_TITAN_URLS } from './service-titan-urls.js';
import type { TenantConfig } from './types.js';

/** Below ServiceTitan's documented 60 requests/s per (app, tenant), leaving room for other apps' retries. */
export const DEFAULT_REQUESTS_PER_SECOND = 50;

const SECRET_WHAT: Record<SecretField, string> = {
  clientId: "the tenant's client id from the ServiceTitan developer portal",
  clientSecret: "the tenant's client secret from the ServiceTitan developer portal",
  appKey: "the application's app key from the ServiceTitan developer portal",
};

/** Secrets are registered by the caller (tenants.ts); this only checks and builds. */
export function buildTenant(raw: RawTenant, env: NodeJS.ProcessEnv, problems: Problems): TenantConfig | undefined {
  const { values, label } = raw;
  const secret = (field: SecretField): string | undefined =>
    checkSecret(label(field), values[field], SECRET_WHAT[field], raw.secretExample(field), problems);
  const clientId = secret('clientId');
  const clientSecret = secret('clientSecret');
  const appKey = secret('appKey');

  const name = checkTenantName(label('name'), values.name, problems);
  const tenantId = checkTenantId(label('tenantId'), values.tenantId, problems);
  const appId = checkOptionalString(label('appId'), values.appId, '12345', problems);
  const timezone = isAbsent(values.timezone) ? 'UTC' : checkTimezone(label('timezone'), values.timezone, problems);
  const environment = isAbsent(values.environment) ? 'production' : checkChoice(label('environment'), values.environment, ENVIRONMENTS, problems);
  const requestsPerSecond = isAbsent(values.requestsPerSecond)
    ? DEFAULT_REQUESTS_PER_SECOND
    : checkPositiveNumber(label('requestsPerSecond'), values.requestsPerSecond, DEFAULT_REQUESTS_PER_SECOND, problems);

  const defaults = SERVICE_TITAN_URLS[environment ?? 'production'];
  const url = (field: 'apiUrl' | 'authUrl', envName: string): string | undefined => {
    const fromEnv = envValue(env, envName);
    if (fromEnv !== undefined) return checkHttpUrl(fromSource(field, envName), fromEnv, defaults[field], problems);
    if (isAbsent(values[field])) return defaults[field];
    return checkHttpUrl(label(field), values[field], defaults[field], problems);
  };
  const apiUrl = url('apiUrl', ENV.apiUrl);
  const authUrl = url('authUrl', ENV.authUrl);

  if (
    name === undefined || tenantId === undefined || clientId === undefined || clientSecret === undefined || appKey === undefined ||
    timezone === undefined || environment === undefined || requestsPerSecond === undefined || apiUrl === undefined || authUrl === undefined
  ) {
    return undefined;
  }
  return { name, tenantId, clientId, clientSecret, appKey, ...(appId === undefined ? {} : { appId }), timezone, environment, apiUrl, authUrl, requestsPerSecond };
}

/** Absent, null or blank: the default applies. */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
