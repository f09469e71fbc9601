/**
 * One run per tenant at a time, across processes and machines: a session-level Postgres advisory
 * lock keyed by (staging schema, tenant id), held on a dedicated connection for the whole run.
 * The lock dies with the connection, so a killed process never leaves a tenant locked.
 * Tenants lock independently: a second run on another tenant proceeds.
 *
 * The lock's connection is opened beside the pool, not taken from it: a tenant holds its lock
 * while its endpoints wait for the concurrency limit, so with pooled lock connections enough
 * tenants (≥ pool size) would hold every connection and wait forever for one more.
 *
 * A run that carries on after a lost connection (src/db/reconnect.ts) calls `ensureHeld` before
 * every statement: when the lock's own connection was lost too (a server restart ends every
 * session), the lock is taken again on a fresh one before anything else is written, and if
 * another run took it meanwhile, this run stops with TENANT_LOCKED.
 */
import pg from 'pg';
import { AtlasError } from '../errors.js';
import { qualified } from '../db/identifiers.js';

export interface TenantLock {
  /** Resolves at once while the lock's connection lives; otherwise takes the lock again first. */
  ensureHeld(): Promise<void>;
  release(): Promise<void>;
}

export async function lockTenant(pool: pg.Pool, schema: string, tenant: { tenantId: string; name: string }): Promise<TenantLock> {
  let client = await takeLock(pool, schema, tenant);
  let lost = false;
  let retaking: Promise<void> | null = null;
  const watch = (held: pg.Client) => held.once('end', () => (lost = held === client));
  watch(client);
  return {
    async ensureHeld() {
      if (!lost) return;
      retaking ??= takeLock(pool, schema, tenant)
        .then((fresh) => {
          client = fresh;
          lost = false;
          watch(fresh);
        })
        .finally(() => {
          retaking = null;
        });
      await retaking;
    },
    async release() {
      lost = false;
      // Ending the session releases the lock too, so a failed unlock (connection lost) is harmless.
      await client.query('select pg_advisory_unlock(hashtext($1), hashtext($2))', [`atlas:${schema}`, tenant.tenantId]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

/** A fresh connection holding the tenant's lock; TENANT_LOCKED naming the holder when another run has it. */
async function takeLock(pool: pg.Pool, schema: string, tenant: { tenantId: string; name: string }): Promise<pg.Client> {
  const client = new pg.Client(pool.options as pg.ClientConfig);
  // A dropped lock connection (server restart) must not crash the process; the lock died with it.
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query('select pg_try_advisory_lock(hashtext($1), hashtext($2)) as locked', [
      `atlas:${schema}`,
      tenant.tenantId,
    ]);
    if (!rows[0].locked) {
      const holder = await describeHolder(client, schema, tenant.tenantId);
      throw new AtlasError(
        'TENANT_LOCKED',
        `tenant "${tenant.name}" (${tenant.tenantId}) is already being synced${holder}; wait for it to finish or stop it`,
        {
          details: { tenant: tenant.name },
        },
      );
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return client;
}

async function describeHolder(client: pg.Client, schema: string, tenantId: string): Promise<string> {
  try {
    const { rows } = await client.query(
      `select id, command, pid, host, started_at from ${qualified(schema, '_runs')}
       where tenant_id = $1 and status = 'running' order by id desc limit 1`,
      [tenantId],
    );
    if (rows.length === 0) return '';
    const run = rows[0];
    return ` by run ${run.id} (atlas ${run.command}, pid ${run.pid} on ${run.host}, started ${new Date(run.started_at).toISOString()})`;
  } catch {
    return '';
  }
}
