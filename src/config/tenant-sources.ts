/**
 * Raw tenants from the config file's `tenants` array and from environment variables alone.
 */
import { ENV, envValue, fromSource } from './env.js';
import { checkKeys, isPlainObject } from './known-keys.js';
import type { Problems } from './problems.js';
import { TENANT_FIELDS, type RawTenant, type SecretField, type TenantField } from './raw-tenant.js';
import { typeName } from './show.js';

const ENV_REF: Record<SecretField, string> = { clientId: 'ST_CLIENT_ID', clientSecret: 'ST_CLIENT_SECRET', appKey: 'ST_APP_KEY' };

/** `tenants` from the config file; entries that are not objects are reported and skipped. */
export function tenantsFromFile(value: unknown, problems: Problems): RawTenant[] {
  const example = '[{"name": "acme-hvac", "tenantId": "1234567890", "clientId": "${ST_CLIENT_ID}", "clientSecret": "${ST_CLIENT_SECRET}", "appKey": "${ST_APP_KEY}"}]';
  if (!Array.isArray(value)) {
    problems.add('tenants', `must be an array of tenant objects, not ${typeName(value)}: e.g. ${example}`);
    return [];
  }
  const tenants: RawTenant[] = [];
  value.forEach((item, index) => {
    const path = `tenants[${index}]`;
    if (!isPlainObject(item)) {
      problems.add(path, `must be a tenant object, not ${typeName(item)}: e.g. ${example.slice(1, -1)}`);
      return;
    }
    checkKeys(item, TENANT_FIELDS, path, problems);
    tenants.push({
      values: item as Partial<Record<TenantField, unknown>>,
      label: (field) => `${path}.${field}`,
      secretExample: (field) => `"\${${ENV_REF[field]}}"`,
    });
  });
  return tenants;
}

const envFor: Record<TenantField, string | undefined> = {
  name: ENV.tenantName,
  tenantId: ENV.tenantId,
  clientId: ENV.clientId,
  clientSecret: ENV.clientSecret,
  appKey: ENV.appKey,
  appId: ENV.appId,
  timezone: ENV.timezone,
  environment: ENV.environment,
  // ST_API_URL / ST_AUTH_URL apply to every tenant, whatever its source: buildTenant reads them.
  apiUrl: undefined,
  authUrl: undefined,
  requestsPerSecond: undefined,
};

/**
 * The single tenant described by ST_* variables, or undefined when none of the identifying ones
 * (tenant id, client id, client secret, app key) is set.
 */
export function tenantFromEnv(env: NodeJS.ProcessEnv): RawTenant | undefined {
  const identifying = [ENV.tenantId, ENV.clientId, ENV.clientSecret, ENV.appKey];
  if (!identifying.some((name) => envValue(env, name) !== undefined)) return undefined;
  const values: Partial<Record<TenantField, unknown>> = {};
  for (const field of TENANT_FIELDS) {
    const name = envFor[field];
    if (name) values[field] = envValue(env, name);
  }
  values.name ??= 'default';
  return {
    values,
    label: (field) => fromSource(field, envFor[field] ?? 'ST_* variables'),
    secretExample: (field) => `${envFor[field]}=<${field} from the ServiceTitan developer portal>`,
  };
}
