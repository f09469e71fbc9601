/**
 * A tenant as found in one source, before checks. Sources name the same setting differently
 * (`tenants[0].clientSecret`, `ST_CLIENT_SECRET`, `CLIENT_SECRET` in a Titanpy file), so each raw
 * tenant carries how to label its fields in messages and how a good secret looks there.
 */
export const TENANT_FIELDS = [
  'name', 'tenantId', 'clientId', 'clientSecret', 'appKey', 'appId',
  'timezone', 'environment', 'apiUrl', 'authUrl', 'requestsPerSecond',
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
