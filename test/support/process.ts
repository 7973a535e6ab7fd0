import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;

/** `npm start`'s command line (`node <options> <entry point>`), so that a direct start runs the same. */
const START = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
if (START[0] !== 'node') throw new Error(`npm start is expected to run node, not ${START[0]}`);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `npm start` (the README's command) in its own process group and resolves once its output
 * matches `ready`; rejects with the output if it exits or takes over a minute. `direct` runs npm
 * start's node command line itself (same options, same entry point), so that signals reach the
 * gateway and its exit code is its own.
 */
export function startGatewayProcess(env: Record<string, string>, options: { ready?: RegExp; direct?: boolean } = {}): Promise<GatewayProcess> {
  const ready = options.ready ?? /listening on http/;
  const [command, args] = options.direct ? ['node', START.slice(1)] : ['npm', ['start']];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, detached: true });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not ready within 60 s:\n${out}`)), 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${out}`));
    };
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      const exited = new Promise((done) => child.once('exit', done));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ child, output: () => out, stop });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', onExit);
  });
}

/**
 * Starts `count` gateway processes one after the other (the first migrates, the next find the schema
 * done), each on a free port of 127.0.0.1 with a data directory of its own. Each is pushed into
 * `started` as soon as it is up, so that an afterAll stops whatever did start. Returns their base URLs.
 */
export async function startGatewaysInTurn(
  count: number,
  env: Record<string, string>,
  started: GatewayProcess[],
  options: { direct?: boolean } = {},
): Promise<string[]> {
  const bases: string[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'med-gateway-'));
    started.push(await startGatewayProcess({ ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }, options));
    bases.push(`http://127.0.0.1:${port}`);
  }
  return bases;
}
