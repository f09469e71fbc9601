/**
 * A loopback TCP port nobody listens on right now, for a test's own server (an embedded Postgres).
 * Random picks from a fixed range collided with other test files' servers; the OS knows which are free.
 */
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
