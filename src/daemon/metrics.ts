// The daemon's Prometheus metrics: its own registry (never prom-client's global one) and a small
// loopback HTTP server for `GET /metrics`.
import { createServer } from "node:http";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { inputError } from "../core/errors.js";
import { closeServer, isLoopback, listenOn, parseListen } from "./listen.js";

export interface Metrics {
  registry: Registry;
  runs: Counter<"agent" | "result">;
  stepDuration: Histogram<"step">;
  pushToApplied: Histogram;
  lastApplied: Gauge<"agent">;
  queueDepth: Gauge;
  triggers: Counter<"kind">;
  /** Serves `GET /metrics` on `listen` (loopback only unless `allowNonLoopback`). */
  serve(listen: string, o?: { allowNonLoopback?: boolean }): Promise<{ address: string; close(): Promise<void> }>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // prom-client samples event-loop delay with a libuv timer, every 10 ms by default: 100 wake-ups a
  // second, most of an idle daemon's CPU (bench/daemon.bench.ts, 10 agents idle for 60 s: 1.3 %,
  // and 0.3 % at 250 ms). Sampling every 250 ms still shows a stalled loop.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 250 });
  const registers = [registry];
  const metrics: Omit<Metrics, "serve"> = {
    registry,
    runs: new Counter({ name: "soulsync_runs_total", help: "Agent runs by result", labelNames: ["agent", "result"], registers }),
    stepDuration: new Histogram({
      name: "soulsync_step_duration_seconds",
      help: "Duration of one pipeline step",
      labelNames: ["step"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    pushToApplied: new Histogram({
      name: "soulsync_push_to_applied_seconds",
      help: "From the trigger noticing a change to the agent's revision applied",
      buckets: [0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 15, 30, 60, 300],
      registers,
    }),
    lastApplied: new Gauge({
      name: "soulsync_last_applied_timestamp_seconds",
      help: "Unix time of the agent's last applied revision",
      labelNames: ["agent"],
      registers,
    }),
    queueDepth: new Gauge({ name: "soulsync_queue_depth", help: "Agent runs queued, not yet started", registers }),
    triggers: new Counter({ name: "soulsync_triggers_total", help: "Triggers received by kind", labelNames: ["kind"], registers }),
  };
  return { ...metrics, serve: (listen, o) => serveMetrics(registry, listen, o?.allowNonLoopback ?? false) };
}

async function serveMetrics(registry: Registry, listen: string, allowNonLoopback: boolean) {
  const at = parseListen(listen, "metrics.listen");
  if (!isLoopback(at.host) && !allowNonLoopback) {
    throw inputError("E_LISTEN_PUBLIC", `metrics.listen: ${listen} is not a loopback address; metrics are served on loopback only`, {
      listen,
    });
  }
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/metrics") return void res.writeHead(404).end("not found\n");
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(req.method === "HEAD" ? undefined : text),
      () => res.writeHead(500).end("metrics unavailable\n"),
    );
  });
  const address = await listenOn(server, at, "metrics.listen");
  return { address, close: () => closeServer(server) };
}
