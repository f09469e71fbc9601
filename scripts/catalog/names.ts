/** Canonical endpoint names, shared by the catalog and the sandbox's record shapes. */
import type { Location } from '../openapi/spec-reader.js';

/**
 * `<module>/<path>`; when one module path exists in several URL versions (telecom `calls` in v2 and
 * v3) the newest keeps the plain name and older ones become `<module>/<version>/<path>`.
 */
export function canonicalNames(locations: Location[]): string[] {
  const newest = new Map<string, number>();
  for (const { module, path, version } of locations) {
    const plain = `${module}/${path}`;
    newest.set(plain, Math.max(newest.get(plain) ?? 0, versionNumber(version)));
  }
  return locations.map(({ module, path, version }) => {
    const plain = `${module}/${path}`;
    return versionNumber(version) === newest.get(plain) ? plain : `${module}/${version}/${path}`;
  });
}

function versionNumber(version: string): number {
  return Number(version.slice(1));
}
