/**
 * A transparent HTTP proxy placed between the client and the sandbox so tests can see what the
 * client really sent: every Authorization and ST-App-Key header, every token request and every
 * access token the token endpoint handed out. It forwards bytes unchanged (status, headers, body)
 * and turns an upstream dropped connection into a dropped connection for the client.
 *
 * It is test equipment, not a stand-in for our code: the client under test and the sandbox are
 * both real; the proxy only watches.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyRecord {
  at: number;
  method: string;
  path: string;
  authorization?: string;
  appKey?: string;
  /** Upstream status; undefined when upstream dropped the connection. */
  status?: number;
  /** For token requests: the access_token in the response body, if any. */
  issuedToken?: string;
}

export interface RecordingProxy {
  url: string;
  records: ProxyRecord[];
  tokenRequests(): ProxyRecord[];
  apiRequests(): ProxyRecord[];
  /** Every token seen: issued by the token endpoint or presented in an Authorization header. */
  tokensSeen(): string[];
  close(): Promise<void>;
}

export interface ProxyHooks {
  /** Called once the upstream answered (or dropped) a request, before the client sees it. */
  onResponse?: (record: ProxyRecord) => void;
  /** Replaces a response body on its way to the client (to simulate truncated payloads). */
  rewriteBody?: (record: ProxyRecord, body: Buffer) => Buffer;
}

export async function startRecordingProxy(target: string, hooks: ProxyHooks = {}): Promise<RecordingProxy> {
  const { onResponse, rewriteBody } = hooks;
  const upstream = new URL(target);
  const records: ProxyRecord[] = [];
  const server = http.createServer((req, res) => {
    const record: ProxyRecord = {
      at: Date.now(),
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0],
      authorization: header(req.headers.authorization),
      appKey: header(req.headers['st-app-key']),
    };
    records.push(record);
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent: false },
      (upstreamRes) => {
        const chunks: Buffer[] = [];
        upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
        upstreamRes.on('error', () => req.socket.destroy());
        upstreamRes.on('end', () => {
          const received = Buffer.concat(chunks);
          record.status = upstreamRes.statusCode;
          if (record.path === '/connect/token') {
            try {
              const token = (JSON.parse(received.toString('utf8')) as { access_token?: unknown }).access_token;
              if (typeof token === 'string') record.issuedToken = token;
            } catch {
              // not JSON: nothing issued
            }
          }
          onResponse?.(record);
          const body = rewriteBody ? rewriteBody(record, received) : received;
          const headers = { ...upstreamRes.headers, 'content-length': String(body.length) };
          res.writeHead(upstreamRes.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    forward.on('error', () => {
      onResponse?.(record);
      req.socket.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    tokenRequests: () => records.filter((r) => r.path === '/connect/token'),
    apiRequests: () => records.filter((r) => r.path !== '/connect/token'),
    tokensSeen: () => {
      const tokens = new Set<string>();
      for (const r of records) {
        if (r.issuedToken) tokens.add(r.issuedToken);
        if (r.authorization) tokens.add(r.authorization.replace(/^Bearer\s+/i, ''));
      }
      return [...tokens].filter((t) => t !== '');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
