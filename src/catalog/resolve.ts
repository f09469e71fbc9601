/**
 * Endpoint name resolution for people: canonical catalog names (`crm/customers/{id}/notes`) and
 * the short names of the Titanpy package (`customers-notes/`, with or without its group).
 *
 * Order: a canonical name; with `group`, that group's reading of the name; without, the groups
 * whose seed list contains the name (it must mean one endpoint across them); then the name read
 * in Titanpy's scheme inside a `<module>/` prefix or in every module. More than one meaning is
 * ENDPOINT_AMBIGUOUS (listing the candidates); none is ENDPOINT_UNKNOWN (listing the closest names).
 * A seed name whose path ServiceTitan no longer publishes (retired-seed-names.ts) is ENDPOINT_UNKNOWN
 * saying so: it never resolves to a different endpoint.
 */
import { AtlasError } from '../errors.js';
import { catalog, findEndpoint } from './catalog.js';
import { seedArguments, type SeedArguments } from './seed-arguments.js';
import { decodeSeedName } from './seed-decode.js';
import { retiredSeedName, retiredSeedNameError } from './retired-seed-names.js';
import { seedGroups } from './seed-names.js';
import { closestNames } from './suggest.js';
import type { EndpointDescriptor } from './types.js';

export interface ResolveOptions extends SeedArguments {
  /** Titanpy endpoint group (`crm`, `job_planning`, `telecom_v3`, …) the short name belongs to. */
  group?: string;
}

interface Candidate {
  descriptor: EndpointDescriptor;
  group?: string;
}

/**
 * The endpoint `name` means. When `id` or `category` are given they are checked against the
 * endpoint (see seedArguments), so `resolveEndpoint('customers', { id: 1 })` fails early, naming
 * the placeholders the endpoint has, instead of producing a wrong URL.
 */
export function resolveEndpoint(name: string, options: ResolveOptions = {}): EndpointDescriptor {
  const descriptor = resolveName(name.trim(), options.group);
  if (options.id !== undefined || options.category !== undefined) seedArguments(descriptor, options);
  return descriptor;
}

function resolveName(name: string, group: string | undefined): EndpointDescriptor {
  const exact = findEndpoint(name);
  if (exact) return exact;

  if (group !== undefined) {
    if (!(group in seedGroups)) {
      throw new AtlasError('ENDPOINT_UNKNOWN', `Unknown endpoint group "${group}". Groups: ${Object.keys(seedGroups).join(', ')}.`, {
        details: { group },
      });
    }
    const found = inGroup(group, name);
    if (found) return found;
    const moduleNames = catalog.filter((d) => d.module === seedGroups[group].module).map((d) => d.name);
    throw unknown(name, [...moduleNames, ...seedGroups[group].names], ` in group ${group}`);
  }

  const seedMatches = Object.keys(seedGroups)
    .filter((g) => seedGroups[g].names.includes(name))
    .flatMap((g): Candidate[] => {
      const descriptor = inGroup(g, name);
      return descriptor ? [{ descriptor, group: g }] : [];
    });
  if (seedMatches.length > 0) return single(name, seedMatches);

  const slash = name.indexOf('/');
  const prefix = slash > 0 ? name.slice(0, slash) : '';
  if (catalog.some((d) => d.module === prefix)) {
    for (const group of Object.keys(seedGroups).filter((g) => seedGroups[g].module === prefix)) {
      const retired = retiredSeedName(group, name.slice(slash + 1));
      if (retired) throw retiredSeedNameError(group, name.slice(slash + 1), retired);
    }
    const inModule = decodeIn(name.slice(slash + 1), (d) => d.module === prefix);
    if (inModule.length > 0) return single(name, inModule);
  }

  const anywhere = decodeIn(name, () => true);
  if (anywhere.length > 0) return single(name, anywhere);
  throw unknown(
    name,
    catalog.map((d) => d.name),
    '',
  );
}

/** What a seed group means by `name`: the decoded name in its module (and version); a retired name is refused. */
function inGroup(group: string, name: string): EndpointDescriptor | undefined {
  const retired = retiredSeedName(group, name);
  if (retired) throw retiredSeedNameError(group, name, retired);
  const { module, version } = seedGroups[group];
  const found = decodeIn(name, (d) => d.module === module && (version === undefined || d.version === version));
  if (found.length > 1)
    throw ambiguous(
      name,
      found.map((c) => ({ ...c, group })),
    );
  return found[0]?.descriptor;
}

/**
 * Decoded matches among the endpoints passing `filter`. A path present in several versions counts
 * once, as its newest version (the one holding the plain canonical name).
 */
function decodeIn(name: string, filter: (d: EndpointDescriptor) => boolean): Candidate[] {
  const found = decodeSeedName(name, catalog.filter(filter));
  const newest = found.filter(
    (d) => d.name === `${d.module}/${d.path}` || !found.some((o) => o !== d && o.module === d.module && o.path === d.path),
  );
  return newest.map((descriptor) => ({ descriptor }));
}

function single(name: string, candidates: Candidate[]): EndpointDescriptor {
  const distinct = [...new Map(candidates.map((c) => [c.descriptor.name, c])).values()];
  if (distinct.length > 1) throw ambiguous(name, distinct);
  return distinct[0].descriptor;
}

function ambiguous(name: string, candidates: Candidate[]): AtlasError {
  const listed = candidates.map((c) => (c.group ? `${c.descriptor.name} (group ${c.group})` : c.descriptor.name));
  return new AtlasError(
    'ENDPOINT_AMBIGUOUS',
    `Endpoint name "${name}" is ambiguous: it could be ${listed.join(', ')}. Pass the group${
      candidates.some((c) => c.group)
        ? ` (${candidates
            .filter((c) => c.group)
            .map((c) => c.group)
            .join(' or ')})`
        : ''
    } or use the canonical name.`,
    { details: { name, candidates: candidates.map((c) => c.descriptor.name) } },
  );
}

function unknown(name: string, candidates: string[], where: string): AtlasError {
  const suggestions = closestNames(name, candidates, 5);
  return new AtlasError(
    'ENDPOINT_UNKNOWN',
    `Unknown endpoint "${name}"${where}. Closest: ${suggestions.join(', ')}. (\`atlas endpoints\` lists them all.)`,
    {
      details: { name, suggestions },
    },
  );
}
