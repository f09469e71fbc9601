/**
 * The sandbox's own route table (independent of src/catalog): every export, list and id endpoint
 * of the OpenAPI-derived shapes that the sandbox can serve, mapped onto its table and view.
 */
import { endpointShapes, fieldNames, hasObjectItems, itemShape, type EndpointShape } from '../shapes/index.js';
import type { World } from '../gen/world.js';
import { rowJson, viewJson, type Row, type Table } from './table.js';
import { ALIASES } from './aliases.js';
import { T } from './names.js';
import { rendererFor, type Render } from './views.js';
import type { PageSizeCap } from '../feed/page-size-cap.js';

export interface Route {
  /** Catalog name, e.g. `crm/export/customers`, `crm/customers/{id}`, `telecom/v2/calls`. */
  name: string;
  module: string;
  version: string;
  path: string;
  kind: 'export' | 'list' | 'id';
  /** Path segments after `/tenant/{tenant}/`; null where the path has a placeholder. */
  segments: Array<string | null>;
  table: Table;
  query: Set<string>;
  maxPageSize: number;
  /** An undocumented lower cap imposed by `SandboxOptions.pageSizeCaps` (lists only). */
  pageSizeCap?: PageSizeCap;
  render: Render | null;
  /** How a list's placeholder (or an id route's parent placeholder) selects rows. */
  parent: { field?: string; hidden?: boolean; lenient?: boolean } | null;
  fixed: Record<string, unknown> | null;
  /** `data`: the list answers `{data}` alone, without paging fields (as WBS segments are documented). */
  envelope?: 'data';
}

const DEFAULT_MAX_PAGE_SIZE = 5000;

/** A row's JSON as the route sends it: through the route's view, else the record as is (both cached). */
export function renderRow(route: Route, row: Row): string {
  return route.render ? viewJson(row, route.name, route.render) : rowJson(row);
}

function segmentsOf(path: string): Array<string | null> {
  return path.split('/').map((s) => (s.startsWith('{') ? null : s));
}

export class RouteTable {
  private readonly byModule = new Map<string, Route[]>();
  private readonly byName = new Map<string, Route>();

  constructor(world: World) {
    const shapes = endpointShapes();
    for (const shape of shapes) {
      if (shape.kind === 'id') continue;
      const route = this.collectionRoute(world, shape);
      if (!route) continue;
      this.add(route);
    }
    for (const shape of shapes) {
      if (shape.kind !== 'id') continue;
      const parentPath = shape.path.slice(0, shape.path.lastIndexOf('/'));
      const list = this.find(moduleOf(shape), shape.version, parentPath);
      if (list?.kind !== 'list') continue;
      this.add({
        ...list,
        name: shape.name,
        path: shape.path,
        kind: 'id',
        segments: segmentsOf(shape.path),
        query: new Set(shape.query.split(' ')),
      });
    }
    // Literal segments beat placeholders (`jobs/cancel-reasons` before `jobs/{id}`); the sort is stable.
    const placeholders = (r: Route): number => r.segments.filter((s) => s === null).length;
    for (const list of this.byModule.values()) list.sort((a, b) => placeholders(a) - placeholders(b));
  }

  private collectionRoute(world: World, shape: EndpointShape): Route | null {
    if (!hasObjectItems(shape.name)) return null;
    const alias = ALIASES[shape.name];
    const tableName = alias?.table ?? shape.name;
    if (!world.hasTable(tableName)) return null;
    const table = world.table(tableName);
    const tableFields = fieldNames(itemShape(tableName));
    const listShape = shape.kind === 'list' && tableName !== shape.name ? itemShape(shape.name) : null;
    let parent: Route['parent'] = null;
    if (shape.path.includes('{')) {
      if (alias?.parentField) parent = { field: alias.parentField };
      else if (alias?.hiddenParent || !alias) {
        const lenient = [...table.rows()].every((r) => r.parent === null);
        parent = { hidden: true, lenient };
      }
    }
    return {
      name: shape.name,
      module: moduleOf(shape),
      version: shape.version,
      path: shape.path,
      kind: shape.kind,
      segments: segmentsOf(shape.path),
      table,
      query: new Set(shape.query.split(' ').filter((q) => q.length > 0)),
      maxPageSize: shape.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE,
      render: rendererFor(world, alias?.view, listShape, tableFields),
      parent,
      fixed: alias?.fixed ?? null,
      ...(shape.envelope ? { envelope: shape.envelope } : {}),
    };
  }

  private add(route: Route): void {
    const key = `${route.module}/${route.version}`;
    const list = this.byModule.get(key) ?? [];
    list.push(route);
    this.byModule.set(key, list);
    this.byName.set(route.name, route);
  }

  private find(module: string, version: string, path: string): Route | undefined {
    return this.byModule.get(`${module}/${version}`)?.find((r) => r.path === path);
  }

  /** The route for `/{module}/{version}/tenant/{t}/{rest…}` and its placeholder values. */
  match(module: string, version: string, rest: string[]): { route: Route; params: string[] } | null {
    const candidates = this.byModule.get(`${module}/${version}`);
    if (!candidates) return null;
    for (const route of candidates) {
      if (route.segments.length !== rest.length) continue;
      const params: string[] = [];
      let ok = true;
      for (let i = 0; i < rest.length && ok; i++) {
        const seg = route.segments[i];
        if (rest[i] === '') ok = false;
        else if (seg === null) params.push(decodeURIComponent(rest[i]));
        else ok = seg === rest[i];
      }
      if (ok) return { route, params };
    }
    return null;
  }

  byEndpoint(name: string): Route | undefined {
    return this.byName.get(name);
  }

  all(): Route[] {
    return [...this.byName.values()];
  }
}

function moduleOf(shape: EndpointShape): string {
  return shape.name.split('/')[0];
}

/** Tables whose rows may be hard-deleted by `advance` (list-only reference data, see mutate/). */
export const HARD_DELETABLE = [T.campaignCosts, T.taxZones, T.technicianShifts, T.nonJobAppointments, T.arrivalWindows] as const;
