/**
 * Schema placeholders in model bodies. A model never names a schema: it writes
 * `{{ staging }}.crm_customers` for a staging table and `{{ marts }}.<model>` for another model (or
 * one of the runner's helper functions, whose names start with `_`). Rendering substitutes the
 * configured schemas, quoted.
 */
import { AtlasError } from '../errors.js';
import { quoteIdent } from '../db/identifiers.js';
import { codeOnly } from './sql-text.js';

export interface ModelSchemas {
  staging: string;
  marts: string;
}

const placeholder = /\{\{\s*([A-Za-z_]*)\s*\}\}/g;
// Model and table names are plain identifiers, written unquoted after the placeholder.
const reference = /\{\{\s*(staging|marts)\s*\}\}\.([A-Za-z_][A-Za-z0-9_]*)/g;

export interface References {
  staging: string[];
  /** Names after `{{ marts }}.` that are not helper functions: other models. */
  models: string[];
  /** Names after `{{ marts }}.` starting with `_`: the runner's helper functions. */
  helpers: string[];
}

/** What a body refers to, read from its code (comments and strings are ignored). */
export function referencesOf(file: string, body: string): References {
  const code = codeOnly(body);
  for (const match of code.matchAll(placeholder)) {
    if (match[1] !== 'staging' && match[1] !== 'marts') {
      throw new AtlasError('MODEL_INVALID', `${file}: unknown placeholder ${match[0]} (use {{ staging }} or {{ marts }})`);
    }
  }
  const staging = new Set<string>();
  const models = new Set<string>();
  const helpers = new Set<string>();
  for (const match of code.matchAll(reference)) {
    const name = match[2];
    if (match[1] === 'staging') staging.add(name);
    else (name.startsWith('_') ? helpers : models).add(name);
  }
  return { staging: [...staging].sort(), models: [...models].sort(), helpers: [...helpers].sort() };
}

/** The body with the schemas substituted. */
export function renderBody(body: string, schemas: ModelSchemas): string {
  return body.replace(placeholder, (_, name: string) => quoteIdent(name === 'staging' ? schemas.staging : schemas.marts));
}
