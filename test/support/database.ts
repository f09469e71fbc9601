/**
 * Per-test-file databases: each call creates a fresh, empty database on the run's Postgres and
 * returns its URL; `dropAll` removes them. Tests never share tables, so files run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

const created: string[] = [];

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/' + name;
  return parsed.toString();
}

export async function createTestDatabase(prefix = 'atlas_test'): Promise<string> {
  const admin = inject('adminDatabaseUrl');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  created.push(name);
  return withDatabase(admin, name);
}

export async function dropTestDatabases(): Promise<void> {
  const admin = inject('adminDatabaseUrl');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (const name of created.splice(0)) {
      await client.query(`drop database if exists "${name}" with (force)`);
    }
  } finally {
    await client.end();
  }
}
