/**
 * Staging table names: `<module>_<resource>` in snake_case, with the `export` segment and path
 * placeholders dropped and `/` and `-` turned into `_` (`crm/export/customers/contacts` →
 * `crm_customers_contacts`, `crm/customers/{id}/notes` → `crm_customers_notes`).
 */
const plainIdentifier = /^[a-z_][a-z0-9_]*$/;
export const MAX_IDENTIFIER_LENGTH = 63;

export function tableNameFor(module: string, path: string): string {
  const segments = path.split('/').filter((s) => s !== 'export' && !/^\{.*\}$/.test(s));
  return [module, ...segments].join('_').replace(/[-/]/g, '_').toLowerCase();
}

/** Why `name` cannot be a staging table name, or null when it can. */
export function tableNameProblem(name: string): string | null {
  if (!plainIdentifier.test(name)) return `"${name}" is not a plain lowercase identifier`;
  if (name.length > MAX_IDENTIFIER_LENGTH) return `"${name}" is longer than ${MAX_IDENTIFIER_LENGTH} characters`;
  return null;
}
