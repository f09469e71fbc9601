/**
 * SQL identifiers. Every schema, table and column name Atlas interpolates into SQL goes through
 * `quoteIdent` (after `assertIdentifier` where the name comes from outside): Atlas never builds
 * SQL from an unchecked name.
 */
import { AtlasError } from '../errors.js';

const plainIdentifier = /^[a-z_][a-z0-9_]{0,62}$/;

/** A plain lowercase Postgres identifier of at most 63 characters: what config and catalog allow. */
export function isPlainIdentifier(name: string): boolean {
  return plainIdentifier.test(name);
}

/** Throws unless `name` is a plain lowercase identifier (what config and catalog allow). */
export function assertIdentifier(name: string, what: string): string {
  if (!isPlainIdentifier(name)) {
    throw new AtlasError('INTERNAL', `${what} "${name}" is not a plain identifier (expected ${plainIdentifier})`);
  }
  return name;
}

/** Double-quotes an identifier for Postgres, doubling embedded quotes. */
export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** `"schema"."table"` */
export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** camelCase field name → snake_case column name (`technicianId` → `technician_id`). */
export function columnNameFor(field: string): string {
  return assertIdentifier(
    field
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/-/g, '_')
      .toLowerCase(),
    'key column',
  );
}
