/**
 * Which modules a Node process loads: `tracedEnv` adds to a child's environment the `--import`
 * of ./register.mjs and the file the loaded module URLs go to; `loadedModules` reads them back.
 * Sees every ES module (static and dynamic imports) and every CommonJS module imported from one;
 * `require()` calls inside CommonJS packages are not seen, which is enough for Atlas's own code
 * (dist/ is all ES modules).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ModuleTrace {
  env: NodeJS.ProcessEnv;
  /** URLs of every module loaded so far, in load order. */
  loadedModules: () => string[];
}

export function tracedEnv(env: NodeJS.ProcessEnv): ModuleTrace {
  const file = join(mkdtempSync(join(tmpdir(), 'atlas-module-trace-')), 'modules.txt');
  const register = fileURLToPath(new URL('./register.mjs', import.meta.url));
  return {
    env: { ...env, NODE_OPTIONS: `--import=${register}`, ATLAS_MODULE_TRACE: file },
    loadedModules: () => {
      try {
        return readFileSync(file, 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
  };
}
