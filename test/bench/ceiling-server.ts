import { createServer, type Server } from 'node:http';

/**
 * Scenario E, the ceiling: a bare node:http server with no framework, no auth and no cache, holding
 * the year of readings in memory and serialising the same body as the gateway on every request.
 */
export async function startCeiling(body: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const text = JSON.stringify(body);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server };
}
