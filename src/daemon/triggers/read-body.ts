// Reads a request body with a size cap and a deadline, never holding more than the cap.
import type { IncomingMessage } from "node:http";

/** Why a body was not read: 413 too large, 408 too slow, 400 the client went away. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 408 | 413,
    readonly received: number,
  ) {
    super(status === 413 ? "body too large" : status === 408 ? "body too slow" : "body aborted");
  }
}

/**
 * Resolves to the whole body, or rejects with BodyRefused as soon as the cap is passed (the rest
 * is discarded as it arrives, so the 413 can reach the client) or the deadline is hit. A refused
 * request still sending at the deadline has its connection cut; the caller closes a 408's.
 */
export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (e?: BodyRefused) => {
      if (settled) return;
      settled = true;
      if (e) {
        chunks.length = 0;
        reject(e);
      } else resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(() => {
      // A refused body still arriving at the deadline loses its connection; an unfinished one is a 408.
      if (settled) req.socket.destroy();
      else finish(new BodyRefused(408, received));
    }, timeoutMs);
    timer.unref();
    const done = () => clearTimeout(timer);
    req.once("end", done);
    req.once("close", done);
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume(); // discard, never buffer
      return finish(new BodyRefused(413, 0));
    }
    const onData = (c: Buffer) => {
      received += c.length;
      if (received > maxBytes) {
        req.off("data", onData);
        req.resume();
        return finish(new BodyRefused(413, received));
      }
      chunks.push(c);
    };
    req.on("data", onData);
    req.once("end", () => finish());
    req.once("aborted", () => finish(new BodyRefused(400, received)));
    req.once("error", () => finish(new BodyRefused(400, received)));
  });
}
