/**
 * The original Titanpy ServiceTitan credentials file (`--st-credentials`), one tenant:
 *   { "CLIENT_ID", "CLIENT_SECRET", "APP_ID", "APP_KEY", "TENANT_ID", "TIMEZONE" }
 * The format has no tenant name or environment: they come from ST_TENANT_NAME (default
 * `default`) and ST_ENVIRONMENT (default production).
 */
import { ENV, envValue, fromSource } from './env.js';
import { checkKeys } from './known-keys.js';
import type { Problems } from './problems.js';
import type { RawTenant, SecretField, TenantField } from './raw-tenant.js';

export const ST_CREDENTIAL_KEYS = ['CLIENT_ID', 'CLIENT_SECRET', 'APP_ID', 'APP_KEY', 'TENANT_ID', 'TIMEZONE'] as const;

const seedKey: Partial<Record<TenantField, string>> = {
  clientId: 'CLIENT_ID',
  clientSecret: 'CLIENT_SECRET',
  appId: 'APP_ID',
  appKey: 'APP_KEY',
  tenantId: 'TENANT_ID',
  timezone: 'TIMEZONE',
};

const envFor: Partial<Record<TenantField, string>> = { name: ENV.tenantName, environment: ENV.environment };

export function tenantFromStCredentials(path: string, file: Record<string, unknown>, env: NodeJS.ProcessEnv, problems: Problems): RawTenant {
  const where = `--st-credentials ${path}`;
  checkKeys(file, ST_CREDENTIAL_KEYS, (key) => `${key} (in ${where})`, problems);
  return {
    values: {
      name: envValue(env, ENV.tenantName) ?? 'default',
      tenantId: file.TENANT_ID,
      clientId: file.CLIENT_ID,
      clientSecret: file.CLIENT_SECRET,
      appKey: file.APP_KEY,
      appId: file.APP_ID,
      timezone: file.TIMEZONE,
      environment: envValue(env, ENV.environment),
    },
    label: (field) => fromSource(field, seedKey[field] ? `${seedKey[field]} in ${where}` : envFor[field] ?? where),
    secretExample: (field: SecretField) => `"${seedKey[field]}": "<${field} from the ServiceTitan developer portal>"`,
  };
}
