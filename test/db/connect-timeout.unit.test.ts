/**
 * Finding 3 of issue 9 (second half): a database server that accepts the TCP connection and then
 * says nothing used to hang Atlas forever. Opening the warehouse now fails with DATABASE_FAILED
 * once the connect timeout passes. The "server" is a plain TCP listener that never answers.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../src/db/connection.js';

let server: Server;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('connecting to a silent server', () => {
  it('fails with DATABASE_FAILED after the connect timeout instead of hanging', async () => {
    const { port } = server.address() as AddressInfo;
    const started = Date.now();
    const opening = openWarehouse(`postgres://atlas:pw@127.0.0.1:${port}/db`, { connectTimeoutMs: 500 });
    await expect(opening).rejects.toMatchObject({
      code: 'DATABASE_FAILED',
      message: expect.stringMatching(/cannot connect to the database/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 10_000);
});
