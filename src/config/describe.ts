/**
 * A printable summary of a loaded configuration (for `atlas config` and debug logs): everything
 * an operator needs to confirm what Atlas will do, with every secret replaced by 'set'. The
 * database URL keeps user, host, port and database, with the password masked.
 */
import type { AtlasConfig } from './types.js';

export function describeConfig(config: AtlasConfig): Record<string, unknown> {
  return {
    database: config.database.kind === 'url'
      ? { kind: 'url', url: maskPassword(config.database.url) }
      : { kind: 'embedded', dataDir: config.database.dataDir, port: config.database.port },
    schema: config.schema,
    martsSchema: config.martsSchema,
    startDate: config.startDate,
    concurrency: config.concurrency,
    stateDir: config.stateDir,
    log: { ...config.log },
    endpoints: { include: [...config.endpoints.include], exclude: [...config.endpoints.exclude] },
    tenants: config.tenants.map((tenant) => ({
      name: tenant.name,
      tenantId: tenant.tenantId,
      environment: tenant.environment,
      timezone: tenant.timezone,
      apiUrl: tenant.apiUrl,
      authUrl: tenant.authUrl,
      requestsPerSecond: tenant.requestsPerSecond,
      ...(tenant.appId === undefined ? {} : { appId: tenant.appId }),
      clientId: 'set',
      clientSecret: 'set',
      appKey: 'set',
    })),
  };
}

/** The URL with its password (and any query string, which may carry one) replaced. */
function maskPassword(text: string): string {
  try {
    const url = new URL(text);
    const auth = url.username ? `${url.username}${url.password ? ':***' : ''}@` : '';
    const port = url.port ? `:${url.port}` : '';
    return `${url.protocol}//${auth}${url.hostname}${port}${url.pathname}${url.search ? '?…' : ''}`;
  } catch {
    return '(not shown)';
  }
}
