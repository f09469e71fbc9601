/**
 * The sandbox in its own process (`atlas sandbox`), as ServiceTitan is a separate server: Atlas's
 * figures then do not include the simulator's own work on Atlas's event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SandboxProcess {
  apiUrl: string;
  authUrl: string;
  tenantId: string;
  credentials: { clientId: string; clientSecret: string; appKey: string };
  stop(): void;
}

const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

export function startSandboxProcess(scale: number): Promise<SandboxProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [cli, 'sandbox', '--port', '0', '--scale', String(scale)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.on('exit', (code) => reject(new Error(`atlas sandbox exited with ${code}: ${out}`)));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const env: Record<string, string> = {};
      for (const match of out.matchAll(/\b(ST_[A-Z_]+)=("[^"]*"|'[^']*'|\S+)/g)) env[match[1]] = match[2].replace(/^["']|["']$/g, '');
      if (env.ST_API_URL && env.ST_AUTH_URL && env.ST_TENANT_ID && env.ST_CLIENT_ID && env.ST_CLIENT_SECRET && env.ST_APP_KEY) {
        child.removeAllListeners('exit');
        resolve({
          apiUrl: env.ST_API_URL, authUrl: env.ST_AUTH_URL, tenantId: env.ST_TENANT_ID,
          credentials: { clientId: env.ST_CLIENT_ID, clientSecret: env.ST_CLIENT_SECRET, appKey: env.ST_APP_KEY },
          stop: () => child.kill('SIGTERM'),
        });
      }
    });
  });
}
