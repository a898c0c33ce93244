// A reverse proxy in front of a git HTTP server that can be switched to answering every request
// with HTTP 200 and an HTML error page, as a misconfigured proxy or a captive portal does.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface ErrorPageProxy {
  url: string;
  /** "git": forward to the backend; "page": 200 + HTML; "page-lines": 200 + text with newlines. */
  mode: "git" | "page" | "page-lines";
  /** Requests answered with an error page so far. */
  pages: number;
  stop(): Promise<void>;
}

export async function errorPageProxy(backend: string): Promise<ErrorPageProxy> {
  const target = new URL(backend);
  const proxy: ErrorPageProxy = { url: "", mode: "git", pages: 0, stop: async () => {} };
  const server = createServer((req, res) => {
    if (proxy.mode !== "git") {
      proxy.pages++;
      req.resume();
      res.writeHead(200, { "content-type": "text/html" });
      res.end(proxy.mode === "page" ? "<html><body>Service temporarily unavailable</body></html>" : "Service temporarily unavailable\nTry again later\n");
      return;
    }
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return proxy;
}
