/**
 * The sandbox in its own process (`atlas sandbox`), as ServiceTitan is a separate server: Atlas's
 * figures then do not include the simulator's own work on Atlas's event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseSandboxEnvLines, type SandboxConnection } from '../src/cli/sandbox-connection.js';

export interface SandboxProcess extends SandboxConnection {
  /** The control surface's base URL (`/_sandbox/…`). */
  url: string;
  stop(): void;
}

const cli = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));

/** Options of `atlas sandbox` beyond the scale, e.g. `{ 'rate-limit': 20, latency: 150 }`. */
export type SandboxFlags = Record<string, string | number>;

export function startSandboxProcess(scale: number, flags: SandboxFlags = {}): Promise<SandboxProcess> {
  const extra = Object.entries(flags).flatMap(([name, value]) => [`--${name}`, String(value)]);
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [cli, 'sandbox', '--port', '0', '--scale', String(scale), ...extra], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.on('exit', (code) => reject(new Error(`atlas sandbox exited with ${code}: ${out}`)));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const connection = parseSandboxEnvLines(out);
      if (connection) {
        child.removeAllListeners('exit');
        resolve({ ...connection, url: connection.apiUrl, stop: () => child.kill('SIGTERM') });
      }
    });
  });
}
