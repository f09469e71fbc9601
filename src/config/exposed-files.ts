/**
 * Warnings for configuration and credential files other users can read. Such a file holds client
 * secrets, app keys or a database password, so it should be readable by its owner alone. A
 * warning, not a refusal: shared machines with group-managed config exist, and the owner decides.
 * Only files that look like they hold a secret are named (a config file may carry none).
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Keys under which the files Atlas reads carry secrets, and a URL with a password in it. */
const SECRET_KEYS = /"(?:clientSecret|CLIENT_SECRET|appKey|APP_KEY|password|PASSWORD)"\s*:|:\/\/[^/:@\s"]+:[^@\s"]+@/;

/** A warning for each of `paths` (relative to `cwd`) that other users can read and that holds a secret. */
export async function exposedFileWarnings(paths: Array<string | undefined>, cwd = process.cwd()): Promise<string[]> {
  const warnings: string[] = [];
  for (const path of paths) {
    if (path === undefined || process.platform === 'win32') continue;
    const absolute = resolve(cwd, path);
    const mode = await stat(absolute).then(
      (s) => s.mode & 0o777,
      () => null,
    );
    if (mode === null || (mode & 0o044) === 0) continue;
    const text = await readFile(absolute, 'utf8').catch(() => '');
    if (!SECRET_KEYS.test(text)) continue;
    const who = mode & 0o004 ? 'every user of this machine' : 'its group';
    warnings.push(`${path} holds credentials and is readable by ${who} (mode ${mode.toString(8).padStart(3, '0')}): chmod 600 ${path}`);
  }
  return warnings;
}
