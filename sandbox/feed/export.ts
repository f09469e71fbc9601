/**
 * `GET …/export/<feed>?from=&includeRecentChanges=` → `{hasMore, continueFrom, data}`.
 *
 * `from` is a continuation token (see export-token.ts), a date or date-time (rows whose latest
 * change is at or after it), or absent (from the beginning). The server picks the batch size,
 * varied deterministically per position. With `includeRecentChanges=true` a page sometimes
 * repeats a few rows already served just before the cursor, as the SPEC warns it may.
 */
import { unitHash } from '../random.js';
import { canonical } from '../time.js';
import type { Row } from '../data/table.js';
import { renderRow, type Route } from '../data/routes.js';
import { apiError, validationError, type Reply } from '../http/respond.js';
import type { TokenCodec } from './export-token.js';

export interface ExportContext {
  seed: number;
  codec: TokenCodec;
  batch: { min: number; max: number };
  /** Tokens with an issue number at or below this are refused (refuse-tokens fault). */
  refuseTokensBefore: number;
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

function activeFilter(route: Route, value: string | undefined): ((row: Row) => boolean) | null | 'invalid' {
  if (value === undefined || !route.query.has('active')) return null;
  switch (value.toLowerCase()) {
    case 'any':
      return null;
    case 'true':
      return (row) => row.rec.active === true;
    case 'false':
      return (row) => row.rec.active === false;
    default:
      return 'invalid';
  }
}

export function serveExport(route: Route, query: URLSearchParams, ctx: ExportContext): Reply {
  const table = route.table;
  const from = query.get('from');
  let cursor = 0;
  if (from !== null && from !== '') {
    if (DATE_LIKE.test(from)) {
      const at = canonical(from);
      if (!at) return validationError('from', `The value '${from}' is not a valid date.`);
      cursor = table.cursorForTime(at);
    } else {
      const decoded = ctx.codec.decode(table.name, from);
      if (!decoded) return validationError('from', 'The continuation token is invalid.');
      if (decoded.issue <= ctx.refuseTokensBefore) {
        return apiError(400, 'The continuation token is no longer valid. Restart the export from a date.', {
          from: ['The continuation token has expired.'],
        });
      }
      cursor = decoded.seq;
    }
  }
  const recent = query.get('includeRecentChanges');
  if (recent !== null && !/^(true|false)$/i.test(recent)) {
    return validationError('includeRecentChanges', `The value '${recent}' is not valid.`);
  }
  const filter = activeFilter(route, query.get('active') ?? undefined);
  if (filter === 'invalid') return validationError('active', `The value '${query.get('active')}' is not valid.`);

  const { min, max } = ctx.batch;
  const size = min + Math.floor(unitHash(ctx.seed, table.name, cursor) * (max - min + 1));
  const page = table.page(cursor, size, filter ?? undefined);
  let rows = page.rows;
  if (recent?.toLowerCase() === 'true' && cursor > 0 && unitHash(ctx.seed, 'recent', table.name, cursor) < 0.6) {
    const repeats = table.recentUpTo(cursor, 1 + Math.floor(unitHash(ctx.seed, 'recent-n', cursor) * 3));
    rows = [...repeats.filter((r) => !filter || filter(r)), ...rows];
  }
  const data = rows.map((row) => renderRow(route, row)).join(',');
  const token = ctx.codec.encode(table.name, page.last);
  return {
    status: 200,
    body: `{"hasMore":${page.hasMore},"continueFrom":"${token}","data":[${data}]}`,
    contentType: 'application/json; charset=utf-8',
  };
}
