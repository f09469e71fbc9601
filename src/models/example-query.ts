/**
 * The example query `atlas demo` shows after a build: over the `revenue_daily` mart when it exists,
 * else over the typed invoices view. Both read the marts schema only, as an analyst would.
 */
import { quoteIdent } from '../db/identifiers.js';
import { knownStagingTables } from './build-models.js';
import { loadModels } from './load-models.js';

export function exampleQuery(martsSchema: string): string {
  const schema = quoteIdent(martsSchema);
  const names = new Set(loadModels(knownStagingTables()).map((m) => m.name));
  if (names.has('revenue_daily')) {
    return `select invoice_date, business_unit_name, invoice_count, invoiced_total from ${schema}.revenue_daily order by invoice_date desc, invoiced_total desc limit 5;`;
  }
  return `select invoice_date, business_unit_name, count(*) as invoices, sum(total) as total from ${schema}.accounting_invoices
  where active group by 1, 2 order by 1 desc, 4 desc limit 5;`;
}
