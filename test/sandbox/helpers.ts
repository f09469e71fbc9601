/** Test helpers: talk to a sandbox over real HTTP with Node's global fetch. */
import type { Sandbox } from '../../sandbox/index.js';

export type Row = Record<string, unknown>;

export async function getToken(sb: Sandbox, overrides: Record<string, string> = {}): Promise<Response> {
  return fetch(sb.authUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sb.credentials.clientId,
      client_secret: sb.credentials.clientSecret,
      ...overrides,
    }),
  });
}

export async function accessToken(sb: Sandbox): Promise<string> {
  const res = await getToken(sb);
  if (res.status !== 200) throw new Error(`token request failed: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** API URL of a catalog endpoint name (`crm/export/customers`, `telecom/calls` = v3, `telecom/v2/calls`). */
export function urlFor(sb: Sandbox, name: string, query: Record<string, string> = {}, tenantId = sb.tenantId): string {
  const parts = name.split('/');
  const module = parts[0];
  let version = 'v2';
  let rest = parts.slice(1);
  if (/^v\d+$/.test(parts[1])) {
    version = parts[1];
    rest = parts.slice(2);
  } else if (module === 'telecom' && parts[1] === 'calls') {
    version = 'v3';
  }
  const qs = new URLSearchParams(query).toString();
  return `${sb.apiUrl}/${module}/${version}/tenant/${tenantId}/${rest.join('/')}${qs ? `?${qs}` : ''}`;
}

export class Client {
  constructor(
    private readonly sb: Sandbox,
    public token: string,
  ) {}

  static async create(sb: Sandbox): Promise<Client> {
    return new Client(sb, await accessToken(sb));
  }

  headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, 'ST-App-Key': this.sb.credentials.appKey };
  }

  async get(name: string, query: Record<string, string> = {}): Promise<Response> {
    return fetch(urlFor(this.sb, name, query), { headers: this.headers() });
  }

  async json<T = Row>(name: string, query: Record<string, string> = {}): Promise<T> {
    const res = await this.get(name, query);
    if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** Walks an export feed from `from` until hasMore is false. */
  async walk(
    name: string,
    from?: string,
    extra: Record<string, string> = {},
  ): Promise<{ rows: Row[]; pages: number; token: string; sizes: number[] }> {
    const rows: Row[] = [];
    const sizes: number[] = [];
    let token = from;
    for (let pages = 1; ; pages++) {
      const page = await this.json<{ hasMore: boolean; continueFrom: string; data: Row[] }>(name, {
        ...extra,
        ...(token ? { from: token } : {}),
      });
      rows.push(...page.data);
      sizes.push(page.data.length);
      token = page.continueFrom;
      if (!page.hasMore) return { rows, pages, token, sizes };
      if (pages > 10_000) throw new Error('runaway export');
    }
  }

  /** Every row of a list endpoint (page by page). */
  async listAll(name: string, query: Record<string, string> = {}): Promise<Row[]> {
    const rows: Row[] = [];
    for (let page = 1; ; page++) {
      const body = await this.json<{ hasMore: boolean; data: Row[] }>(name, { pageSize: '5000', ...query, page: String(page) });
      rows.push(...body.data);
      if (!body.hasMore) return rows;
    }
  }
}

export function keyOf(name: string, row: Row): string {
  if (name.endsWith('technician-ratings')) return `${row.technicianId}:${row.jobId}`;
  if (name.endsWith('job-history')) return String(row.jobId);
  if (name.endsWith('payroll-settings')) return `${row.employeeType}:${row.employeeId}`;
  return String(row.id);
}

/** Latest version of each row by key (later rows win, as an upserting loader would do). */
export function byKey(name: string, rows: Row[]): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of rows) out.set(keyOf(name, row), row);
  return out;
}
