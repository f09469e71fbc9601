/**
 * Seed names whose ServiceTitan path is gone from the published OpenAPI documents. Such a name
 * resolves to nothing: resolveEndpoint refuses it with ENDPOINT_UNKNOWN, saying which path Titanpy
 * requested and why it is gone, rather than substituting a different entity (a caller asking for
 * marketing suppressions must not silently receive CRM contact methods). The message names where
 * the data lives now and how to request the old path anyway (`url` / `--url`), leaving the choice
 * to the caller.
 */
import { AtlasError } from '../errors.js';

export interface RetiredSeedName {
  /** What Titanpy requested, below the API URL (`{tenant}` is the tenant id). */
  path: string;
  /** Why the path is gone. */
  reason: string;
  /** Canonical catalog names of the endpoints that now hold related data, for the message only. */
  see: readonly string[];
}

/** Keyed `<group>:<name>`. */
export const retiredSeedNames: Readonly<Record<string, RetiredSeedName>> = {
  // Marketing's email suppressions (addresses opted out of marketing email, looked up by email).
  'marketing:suppressions': {
    path: 'marketing/v2/tenant/{tenant}/suppressions',
    reason: "email suppressions are no longer in ServiceTitan's published Marketing API",
    see: ['crm/contacts/contact-methods'],
  },
  'marketing:suppressions/': {
    path: 'marketing/v2/tenant/{tenant}/suppressions/{id}',
    reason: "email suppressions are no longer in ServiceTitan's published Marketing API",
    see: ['crm/contacts/{contactId}/contact-methods/{contactMethodId}/preferences'],
  },
};

/** The retirement of `name` in seed group `group`, if it is retired. */
export function retiredSeedName(group: string, name: string): RetiredSeedName | undefined {
  return Object.hasOwn(retiredSeedNames, `${group}:${name}`) ? retiredSeedNames[`${group}:${name}`] : undefined;
}

export function retiredSeedNameError(group: string, name: string, retired: RetiredSeedName): AtlasError {
  const oldPath = retired.path.replace('{tenant}', '<tenant id>').replace(/\{([^}]+)\}/g, '<$1>');
  return new AtlasError(
    'ENDPOINT_UNKNOWN',
    `Endpoint "${name}" (group ${group}) is retired: Titanpy requested ${retired.path}, but ${retired.reason}, ` +
      `and Atlas does not substitute a different resource. Related data now lives in ${retired.see.join(', ')}. ` +
      `To request the old path anyway, pass it as the URL (atlas get --url ${oldPath}).`,
    { details: { name, group, retiredPath: retired.path, see: [...retired.see] } },
  );
}
