/**
 * The tenant list. One source applies, highest first: the `--st-credentials` file, the config
 * file's `tenants` array, then the ST_* environment variables (only when neither of the others is
 * given — with a `tenants` array, ST_* variables are just values for `${NAME}` references).
 * Only the chosen source's values are checked (a misspelt key in the file is still reported), but
 * the secrets of every source given are registered for redaction.
 * Then: names and tenant ids must be unique, at least one tenant must exist (when required), and
 * `--tenant` picks tenants by name.
 */
import { isPlainObject } from './known-keys.js';
import type { Problems } from './problems.js';
import type { RawTenant } from './raw-tenant.js';
import { showValue, typeName } from './show.js';
import { tenantFromStCredentials } from './st-credentials.js';
import { buildTenant } from './tenant.js';
import { tenantFromEnv, tenantsFromFile } from './tenant-sources.js';
import type { TenantConfig } from './types.js';

export interface TenantSources {
  /** The config file's `tenants` value after substitution; undefined when the key is absent. */
  file: unknown;
  stCredentials?: { path: string; value: unknown };
  env: NodeJS.ProcessEnv;
  /** `--tenant` names; empty or absent means every tenant. */
  only?: string[];
  require: boolean;
}

export function resolveTenants(sources: TenantSources, problems: Problems, secrets: Set<string>): TenantConfig[] {
  const fromFile = sources.file === undefined ? undefined : tenantsFromFile(sources.file, problems);
  let fromSeed: RawTenant[] | undefined;
  if (sources.stCredentials) {
    const { path, value } = sources.stCredentials;
    if (isPlainObject(value)) fromSeed = [tenantFromStCredentials(path, value, sources.env, problems)];
    else {
      problems.add(`--st-credentials ${path}`, `must hold a JSON object, not ${typeName(value)}: e.g. {"CLIENT_ID": "…", "CLIENT_SECRET": "…", "APP_ID": "…", "APP_KEY": "…", "TENANT_ID": "1234567890", "TIMEZONE": "America/Phoenix"}`);
      fromSeed = [];
    }
  }
  const fromEnv = fromFile === undefined && fromSeed === undefined ? tenantFromEnv(sources.env) : undefined;

  const chosenRaws = fromSeed ?? fromFile ?? (fromEnv ? [fromEnv] : []);
  for (const raw of [...(fromFile ?? []), ...(fromSeed ?? []), ...(fromEnv ? [fromEnv] : [])]) collectTenantSecrets(raw, secrets);
  const chosen = chosenRaws.map((raw) => ({ raw, tenant: buildTenant(raw, sources.env, problems) }));

  const seenNames = new Map<string, string>();
  const seenIds = new Map<string, string>();
  for (const { raw, tenant } of chosen) {
    const name = typeof raw.values.name === 'string' ? raw.values.name : undefined;
    if (name !== undefined) {
      const first = seenNames.get(name);
      if (first) problems.add(raw.label('name'), `${showValue(name)} is already the name of ${first}: tenant names must be unique, e.g. "${name}-2"`);
      else seenNames.set(name, raw.label('name').replace(/\.name$/, ''));
    }
    if (tenant) {
      const first = seenIds.get(tenant.tenantId);
      if (first) problems.add(raw.label('tenantId'), `"${tenant.tenantId}" is also the tenant id of ${first}: each ServiceTitan tenant may be configured once (its rows are keyed by tenant id)`);
      else seenIds.set(tenant.tenantId, `tenant "${tenant.name}"`);
    }
  }

  if (sources.require && chosen.length === 0) {
    problems.add(
      'tenants',
      'is empty: configure at least one tenant — a "tenants" array in the config file, --st-credentials <file>, or ST_TENANT_ID, ST_CLIENT_ID, ST_CLIENT_SECRET and ST_APP_KEY in the environment; e.g. "tenants": [{"name": "acme-hvac", "tenantId": "1234567890", "clientId": "${ST_CLIENT_ID}", "clientSecret": "${ST_CLIENT_SECRET}", "appKey": "${ST_APP_KEY}"}]',
    );
  }

  const tenants = chosen.flatMap(({ tenant }) => (tenant ? [tenant] : []));
  const only = sources.only ?? [];
  if (only.length === 0) return tenants;
  const known = [...seenNames.keys()];
  for (const wanted of only) {
    if (!seenNames.has(wanted)) {
      problems.add(`--tenant ${showValue(wanted)}`, `names no configured tenant: expected one of ${known.length ? known.map((n) => `"${n}"`).join(', ') : '(none: no tenant is configured)'}`);
    }
  }
  return tenants.filter((tenant) => only.includes(tenant.name));
}

function collectTenantSecrets(raw: RawTenant, secrets: Set<string>): void {
  for (const field of ['clientId', 'clientSecret', 'appKey'] as const) {
    const value = raw.values[field];
    if (typeof value === 'string' && value.trim() !== '') {
      secrets.add(value);
      secrets.add(value.trim());
    }
  }
}
