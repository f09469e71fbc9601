/**
 * Page-numbered list and id endpoints.
 *
 * Lists: `page` (from 1), `pageSize` (default 50, at most the endpoint's maximum, usually 5000),
 * `includeTotal`, the active filter in whichever form the endpoint declares (`active`
 * True/Any/False, `activeState`, `includeInactive`, `activeOnly`; only active rows by default),
 * `ids`, created/modified date bounds, `…Id`/`…Ids` equality filters, and `sort` (`±Id`,
 * `±ModifiedOn`, `±CreatedOn`, `±Name`). Response `{page, pageSize, hasMore, totalCount, data}`, or
 * `{data}` alone for the lists documented that way (route `envelope: 'data'`, WBS segments).
 */
import { canonical } from '../time.js';
import type { Row } from '../data/table.js';
import { renderRow, type Route } from '../data/routes.js';
import { apiError, validationError, type Reply } from '../http/respond.js';
import { pageSizeCapRefusal } from './page-size-cap.js';

type Predicate = (row: Row) => boolean;
type Invalid = { invalid: Reply };

const invalid = (param: string, value: string, message?: string): Invalid => ({
  invalid: validationError(param, message ?? `The value '${value}' is not valid.`),
});

function parseBool(value: string | null): boolean | null | 'bad' {
  if (value === null || value === '') return null;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  return 'bad';
}

/** The active-state predicate for the endpoint's declared parameter (null = no filtering). */
function activePredicate(route: Route, query: URLSearchParams): Predicate | null | Invalid {
  if (!route.table.hasActive) return null;
  const isActive: Predicate = (r) => r.rec.active !== false;
  const isInactive: Predicate = (r) => r.rec.active === false;
  if (route.query.has('active')) {
    const v = query.get('active');
    if (v === null || v === '' || /^true$/i.test(v)) return isActive;
    if (/^any$/i.test(v)) return null;
    if (/^false$/i.test(v)) return isInactive;
    return invalid('active', v);
  }
  if (route.query.has('activeState')) {
    const v = query.get('activeState');
    if (v === null || v === '' || /^activeonly$/i.test(v)) return isActive;
    if (/^all$/i.test(v)) return null;
    if (/^inactiveonly$/i.test(v)) return isInactive;
    return invalid('activeState', v);
  }
  if (route.query.has('includeInactive')) {
    const b = parseBool(query.get('includeInactive'));
    if (b === 'bad') return invalid('includeInactive', query.get('includeInactive') ?? '');
    return b === true ? null : isActive;
  }
  if (route.query.has('activeOnly')) {
    const b = parseBool(query.get('activeOnly'));
    if (b === 'bad') return invalid('activeOnly', query.get('activeOnly') ?? '');
    return b === false ? null : isActive;
  }
  return null;
}

const DATE_FILTERS: Record<string, { field: 'modifiedOn' | 'createdOn'; op: 'ge' | 'lt' | 'gt' }> = {
  modifiedOnOrAfter: { field: 'modifiedOn', op: 'ge' },
  modifiedBefore: { field: 'modifiedOn', op: 'lt' },
  modifiedAfter: { field: 'modifiedOn', op: 'gt' },
  createdOnOrAfter: { field: 'createdOn', op: 'ge' },
  createdBefore: { field: 'createdOn', op: 'lt' },
  createdAfter: { field: 'createdOn', op: 'gt' },
};

function timeOf(row: Row, field: string): string | null {
  const v = row.rec[field];
  return typeof v === 'string' ? canonical(v) : null;
}

function numericKey(row: Row): number {
  const id = row.rec.id;
  return typeof id === 'number' ? id : Number.NaN;
}

function compareKeys(a: Row, b: Row): number {
  const x = numericKey(a);
  const y = numericKey(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function sorter(value: string | null): ((a: Row, b: Row) => number) | Invalid {
  if (value === null || value === '') return compareKeys;
  const m = /^([+\- ]?)(\w+)$/.exec(value);
  if (!m) return invalid('sort', value);
  const dir = m[1] === '-' ? -1 : 1;
  const field = m[2].toLowerCase();
  if (field === 'id') return (a, b) => dir * compareKeys(a, b);
  const byField = (name: string) => (a: Row, b: Row) => {
    const x = name === 'name' ? String(a.rec.name ?? '') : (timeOf(a, name) ?? '');
    const y = name === 'name' ? String(b.rec.name ?? '') : (timeOf(b, name) ?? '');
    return dir * (x < y ? -1 : x > y ? 1 : 0) || compareKeys(a, b);
  };
  if (field === 'modifiedon') return byField('modifiedOn');
  if (field === 'createdon') return byField('createdOn');
  if (field === 'name') return byField('name');
  return invalid('sort', value, `Sorting by '${m[2]}' is not supported. Supported fields: Id, ModifiedOn, CreatedOn.`);
}

/** Rows selected by the path placeholders (per-parent endpoints) and fixed values. */
function scopePredicates(route: Route, params: string[]): Predicate[] {
  const out: Predicate[] = [];
  const parentValue = route.kind === 'id' ? params[params.length - 2] : params[params.length - 1];
  if (route.parent && parentValue !== undefined) {
    const { field, hidden, lenient } = route.parent;
    if (field) out.push((r) => String(r.rec[field]) === parentValue);
    else if (hidden && !lenient) out.push((r) => r.parent === parentValue);
  }
  if (route.fixed) for (const [k, v] of Object.entries(route.fixed)) out.push((r) => r.rec[k] === v);
  return out;
}

function queryPredicates(route: Route, query: URLSearchParams): Predicate[] | Invalid {
  const out: Predicate[] = [];
  const active = activePredicate(route, query);
  if (active && 'invalid' in active) return active;
  if (active) out.push(active);
  for (const [param, value] of query) {
    if (value === '') continue;
    const date = DATE_FILTERS[param];
    if (date && route.query.has(param)) {
      const bound = canonical(value);
      if (!bound) return invalid(param, value);
      out.push((r) => {
        const t = timeOf(r, date.field);
        if (t === null) return false;
        return date.op === 'ge' ? t >= bound : date.op === 'gt' ? t > bound : t < bound;
      });
      continue;
    }
    if (param === 'ids') {
      const ids = value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      if (ids.some((s) => !/^\d+$/.test(s))) return invalid('ids', value);
      if (ids.length > 50) return invalid('ids', value, 'The maximum number of ids is 50.');
      const set = new Set(ids);
      out.push((r) => set.has(String(r.rec.id)));
      continue;
    }
    if (!route.query.has(param) || !/Ids?$/.test(param)) continue;
    const field = param.endsWith('Ids') ? param.slice(0, -1) : param;
    const values = new Set(value.split(',').map((s) => s.trim()));
    if (param === 'estimateId' || param === 'estimateIds') out.push((r) => r.parent !== null && values.has(r.parent));
    else out.push((r) => field in r.rec && values.has(String(r.rec[field])));
  }
  return out;
}

/**
 * Intacct business-unit mappings number pages from 0 and require includeTotal (undocumented, seen by
 * the Meltano tap); every other list numbers pages from 1.
 */
const ZERO_BASED = new Set(['settings/business-units/intacct']);

export function serveList(route: Route, params: string[], query: URLSearchParams): Reply {
  const firstPage = ZERO_BASED.has(route.name) ? 0 : 1;
  if (firstPage === 0 && (query.get('includeTotal') ?? '') === '') {
    return invalid('includeTotal', '', 'The includeTotal field is required.').invalid;
  }
  const pageText = query.get('page');
  const sizeText = query.get('pageSize');
  const page = pageText === null || pageText === '' ? firstPage : Number(pageText);
  const pageSize = sizeText === null || sizeText === '' ? 50 : Number(sizeText);
  if (!Number.isInteger(page) || page < firstPage)
    return invalid('page', pageText ?? '', `The page must be ${firstPage} or greater.`).invalid;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > route.maxPageSize) {
    return invalid('pageSize', sizeText ?? '', `The page size must be between 1 and ${route.maxPageSize}.`).invalid;
  }
  const capped = pageSizeCapRefusal(route.pageSizeCap, pageSize, sizeText ?? '');
  if (capped) return capped;
  const includeTotal = parseBool(query.get('includeTotal'));
  if (includeTotal === 'bad') return invalid('includeTotal', query.get('includeTotal') ?? '').invalid;
  const predicates = queryPredicates(route, query);
  if ('invalid' in predicates) return predicates.invalid;
  const sort = sorter(query.get('sort'));
  if ('invalid' in sort) return sort.invalid;
  const all = [...scopePredicates(route, params), ...predicates];

  const rows: Row[] = [];
  for (const row of route.table.rows()) if (all.every((p) => p(row))) rows.push(row);
  rows.sort(sort);
  const start = (page - firstPage) * pageSize;
  const slice = rows.slice(start, start + pageSize);
  const data = slice.map((row) => renderRow(route, row)).join(',');
  const total = includeTotal === true ? String(rows.length) : 'null';
  if (route.envelope === 'data') return { status: 200, body: `{"data":[${data}]}`, contentType: 'application/json; charset=utf-8' };
  return {
    status: 200,
    body: `{"page":${page},"pageSize":${pageSize},"hasMore":${start + pageSize < rows.length},"totalCount":${total},"data":[${data}]}`,
    contentType: 'application/json; charset=utf-8',
  };
}

export function serveById(route: Route, params: string[]): Reply {
  const id = params[params.length - 1];
  const row = route.table.get(id);
  const scoped = row && scopePredicates(route, params).every((p) => p(row));
  if (!row || !scoped) return apiError(404, `${route.path.split('/')[0]} with id ${id} was not found.`, { id: [`Not found: ${id}`] });
  return { status: 200, body: renderRow(route, row), contentType: 'application/json; charset=utf-8' };
}

/** Every current row of a list endpoint as sent (used by truth()). */
export function listRows(route: Route): Row[] {
  const scope = scopePredicates(route, []);
  const rows = [...route.table.rows()].filter((row) => scope.every((p) => p(row)));
  return rows.sort(compareKeys);
}
