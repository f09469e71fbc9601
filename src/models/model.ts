/**
 * What a model file declares. A model is one `.sql` file under `models/`: a header of `--` comment
 * lines (`key: value`), then one SELECT. Its name is the file name without `.sql`, unique across
 * folders; it becomes a view or a table of that name in the marts schema.
 */
export type Materialization = 'view' | 'table';

export interface AcceptedValues {
  column: string;
  values: string[];
}

export interface ModelHeader {
  /** What one row is, in words (`one row per tenant, business unit and invoice date`). */
  grain: string;
  /** Columns that identify a row; `atlas models test` checks them unique and not null. */
  key: string[];
  /**
   * Key columns written with a trailing `?` (`key: tenant_id, business_unit_id?, invoice_date`): part
   * of the key but null where the mart's definition says so (an invoice without a business unit).
   * Checked unique (nulls equal) but not for null.
   */
  nullableKey: string[];
  materialized: Materialization;
  description?: string;
  /** Tables only: the column lists of the indexes to keep, e.g. `[['tenant_id', 'invoice_date']]`. */
  indexes: string[][];
  notNull: string[];
  acceptedValues: AcceptedValues[];
  /** `-- column <name>: <text>` lines. */
  columns: Record<string, string>;
}

export interface Model {
  name: string;
  /** Path relative to the models folder, for messages (`marts/revenue_daily.sql`). */
  file: string;
  header: ModelHeader;
  /** The SELECT as written, templates unrendered, no trailing semicolon. */
  body: string;
  /** Other models this one reads (`{{ marts }}.<name>`), sorted. */
  dependsOn: string[];
  /** Staging tables it reads (`{{ staging }}.<table>`), sorted. */
  stagingTables: string[];
}
