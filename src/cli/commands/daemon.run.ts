// The bodies of `soulsync daemon` and `soulsync demo`, loaded only when they run.
import type { DaemonHandle } from "../../daemon/daemon.js";
import type { DaemonInfo } from "../../daemon/info.js";
import { EXIT_OK } from "../exit.js";
import type { Output } from "../output.js";
import type { DaemonOptions, DemoOptions } from "./daemon.js";

/** Runs the daemon until SIGTERM/SIGINT; SIGHUP reloads. */
async function runUntilStopped(
  o: Output,
  config: string | undefined,
  opts: { json?: boolean; verbose?: boolean; onReady?: (info: DaemonInfo) => void },
): Promise<number> {
  const { createLogger } = await import("../../daemon/log.js");
  const { startDaemon } = await import("../../daemon/daemon.js");
  const log = createLogger({ json: opts.json ? true : undefined, level: opts.verbose ? "debug" : "info" });
  const d: DaemonHandle = await startDaemon({ config, log, onReady: opts.onReady });
  const stop = () => void d.stop();
  const reload = () => void d.reload().catch((e: Error) => log.error({ event: "reload" }, e.message));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("SIGHUP", reload);
  try {
    await d.done;
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
    process.off("SIGHUP", reload);
  }
  void o;
  return EXIT_OK;
}

export function runDaemon(o: Output, opts: DaemonOptions): Promise<number> {
  return runUntilStopped(o, opts.config, opts);
}

export async function runDemo(o: Output, opts: DemoOptions): Promise<number> {
  const { prepareDemo } = await import("../../daemon/demo.js");
  const demo = await prepareDemo({ stateDir: opts.state, reset: opts.reset, webhook: opts.webhook, metrics: opts.metrics });
  if (!opts.json) o.err(`${demo.created ? "made" : "reusing"} the demo in ${demo.stateDir} (soulsync demo --reset starts over)`);
  const onReady = (info: DaemonInfo) => {
    if (opts.json) return;
    o.err(`try:  git clone ${demo.origins.atlas} /tmp/atlas-soul   # edit memories/curated/*.md, commit, git push`);
    o.err(`      npx soulsync status${info.metrics ? `        curl -s http://${info.metrics}/metrics | grep soulsync_` : ""}`);
  };
  return runUntilStopped(o, demo.config, { ...opts, onReady });
}
