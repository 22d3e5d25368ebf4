import { createServer } from 'node:net';

/** A TCP port that was free a moment ago on 127.0.0.1, for a server a test starts itself. */
export const freePort = () =>
  new Promise<number>((ok) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
