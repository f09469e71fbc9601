/**
 * A model's columns for its page: name, type and meaning. The database's columns are the truth when
 * it was reachable; otherwise a typed view's columns come from the generated dictionary and a
 * mart's from its header's `-- column` lines (without types). Meaning: the header's `-- column`
 * text, then the OpenAPI field description.
 */
import type { DocsFacts, DocsModel } from './facts.js';

export interface ColumnRow {
  name: string;
  type: string | null;
  meaning: string;
}

export function modelColumns(facts: DocsFacts, { model, layer }: DocsModel): ColumnRow[] {
  const generated = layer === 'view' ? (facts.typedViewColumns[model.name]?.columns ?? []) : [];
  const openApi = new Map(generated.map((c) => [c.name, c]));
  const meaning = (name: string) =>
    [model.header.columns[name], openApi.get(name)?.description].filter((text): text is string => Boolean(text)).join(' — ');
  const fromDatabase = facts.database?.martsColumns.get(model.name);
  const listed: Array<{ name: string; type: string | null }> =
    fromDatabase ?? (generated.length > 0 ? generated : Object.keys(model.header.columns).map((name) => ({ name, type: null })));
  return listed.map(({ name, type }) => ({ name, type, meaning: meaning(name) }));
}

/** The checks `atlas models test` runs on a model, in words. */
export function modelChecks({ model }: DocsModel): string[] {
  const { key, nullableKey, notNull, acceptedValues } = model.header;
  const required = key.filter((k) => !nullableKey.includes(k));
  return [
    `key (${key.join(', ')}) unique`,
    ...(required.length ? [`key (${required.join(', ')}) not null`] : []),
    ...notNull.map((c) => `not_null ${c}`),
    ...acceptedValues.map(({ column, values }) => `accepted_values ${column} in (${values.map((v) => `'${v}'`).join(', ')})`),
  ];
}
