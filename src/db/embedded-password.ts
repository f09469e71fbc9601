/**
 * The embedded Postgres's superuser password: generated, and given to `initdb` through a private
 * file (initdb-password-file.ts) so a new cluster asks for it (scram-sha-256) from its first
 * moment. It lives beside the requested data directory in `<dataDir>.password`, mode 600,
 * readable by the user who runs Atlas only (also when, as root, the data itself had to move; see
 * embedded-location.ts). A cluster made by an earlier Atlas (trust, no password file) is given one
 * on its next start (`protectWithPassword`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** Where the password of the cluster for the requested data directory `dataDir` is kept. */
export function passwordFileOf(dataDir: string): string {
  return `${dataDir}.password`;
}

/** The cluster's password, or null for a cluster that has none yet (trust authentication). */
export function readEmbeddedPassword(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

/** Only local connections, and only with the password. */
const PG_HBA = [
  '# Written by Atlas: local connections only, with the password kept in <data directory>.password',
  'local all all scram-sha-256',
  'host all all 127.0.0.1/32 scram-sha-256',
  'host all all ::1/128 scram-sha-256',
  '',
].join('\n');

/**
 * A new password, written to `passwordFile` (mode 600) before anything uses it, so a failure
 * half-way never leaves a password nobody knows.
 */
export async function createEmbeddedPassword(passwordFile: string): Promise<string> {
  const password = randomBytes(24).toString('base64url');
  await mkdir(dirname(passwordFile), { recursive: true });
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  await chmod(passwordFile, 0o600); // a file left by an earlier attempt keeps its mode otherwise
  return password;
}

/**
 * Gives the running trust-authenticated cluster at `trustUrl` (made by an Atlas before clusters
 * were born with a password) a generated password and turns trust off; returns the password.
 */
export async function protectWithPassword(trustUrl: string, dataDir: string, passwordFile: string, user: string): Promise<string> {
  const password = await createEmbeddedPassword(passwordFile);
  const client = new pg.Client({ connectionString: trustUrl });
  await client.connect();
  try {
    // ALTER ROLE takes no bind parameters: format() quotes the literal.
    const { rows } = await client.query<{ sql: string }>('select format($1, $2::text, $3::text) as sql', [
      'alter role %I password %L',
      user,
      password,
    ]);
    await client.query(rows[0].sql);
    await writeFile(join(dataDir, 'pg_hba.conf'), PG_HBA);
    await client.query('select pg_reload_conf()');
  } finally {
    await client.end().catch(() => {});
  }
  return password;
}
