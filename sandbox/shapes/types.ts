/**
 * Shape data written by scripts/generate-record-shapes.ts. `item` is a record shape in the DSL
 * documented in that script and parsed by ./parse.ts.
 */
export interface EndpointShape {
  /** Catalog name: `<module>/<path>` (older duplicate versions: `<module>/<version>/<path>`). */
  name: string;
  version: string;
  /** Path after `/tenant/{tenant}/`, OpenAPI placeholders kept. */
  path: string;
  kind: 'export' | 'list' | 'id';
  /** Space-separated query parameter names the OpenAPI document declares. */
  query: string;
  maxPageSize?: number;
  /** Item shape (absent for id endpoints, which serve their list's rows). */
  item?: string;
  /** `data`: a list whose response is `{data}` alone, without paging fields (WBS segments). */
  envelope?: 'data';
}
