// Firefox has no --host-resolver-rules: every request goes through this local proxy instead
// (network.proxy.* prefs), which tunnels the test host names to the local test server and refuses
// everything else, so nothing reaches the real MaiAgent or any other site.
import http from 'node:http';
import net from 'node:net';

export interface HostProxy {
  port: number;
  /** What was refused: requests for hosts the test server does not stand in for. */
  refused: string[];
  close(): Promise<void>;
}

export async function startHostProxy(hosts: readonly string[], serverPort: number): Promise<HostProxy> {
  const known = new Set(hosts);
  const refused: string[] = [];
  const sockets = new Set<net.Socket>();
  const proxy = http.createServer((req, res) => {
    // Plain-http requests come as absolute URLs: forward those for known hosts too.
    let target: URL | null = null;
    try {
      target = new URL(req.url ?? '');
    } catch {
      /* not an absolute URL */
    }
    if (!target || target.protocol !== 'http:' || !known.has(target.hostname)) {
      refused.push(`${req.method} ${req.url}`);
      res.writeHead(502).end();
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: serverPort, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  proxy.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host = '', port = ''] = (req.url ?? '').split(':');
    if (!known.has(host) || port !== '443') {
      refused.push(`CONNECT ${req.url}`);
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = net.connect(serverPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as net.AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
        setTimeout(resolve, 500).unref();
      }),
  };
}
