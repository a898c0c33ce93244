// `soulsync daemon`: the long-running loop (DESIGN §9). One per state directory. It runs a full
// pass on start, then waits for triggers — the ref watcher, the webhook receiver, the local
// socket, the poll schedule, SIGHUP — and runs only the agents a trigger names, coalesced by the
// queue. SIGTERM/SIGINT let the runs in progress finish (or abandon them after a grace period:
// every step is crash-safe), release every lock and resolve.
import { hostname } from "node:os";
import { join } from "node:path";
import { type Bootstrap, loadBootstrap } from "../config/bootstrap.js";
import { environmentError, isSoulsyncError } from "../core/errors.js";
import { takeLockFile } from "../core/pid-lock.js";
import { acquireLock } from "../git/lock.js";
import { parseOrigin } from "../git/origin.js";
import { cleanTempSnapshots } from "../git/snapshot.js";
import { writeFileAtomic } from "../reconcile/drivers/files.js";
import { type DaemonInfo, daemonInfoPath, removeDaemonInfo } from "./info.js";
import type { Logger } from "./log.js";
import { agentsForRepos, repoKey } from "./match.js";
import { createMetrics, type Metrics } from "./metrics.js";
import type { SyncOutcome } from "./pipeline/outcome.js";
import { configBase, HOST_AGENT, openPipeline, type Pipeline } from "./pipeline/pipeline.js";
import { runQueue } from "./queue.js";
import { recordRun } from "./record-run.js";
import { serveSocket, socketPath } from "./socket.js";
import { handleSocket } from "./socket-handler.js";
import { statusJson } from "./status-json.js";
import { pgliteChild } from "../brain/db/pglite-child.js";
import { startPoll } from "./triggers/poll.js";
import type { TriggerEvent } from "./triggers/types.js";
import { startWatch, type Watch } from "./triggers/watch.js";
import { startWebhook } from "./triggers/webhook.js";
import { loadWebhookKey } from "./triggers/webhook-key.js";

export interface DaemonOptions {
  config?: string;
  log: Logger;
  /** How long SIGTERM waits for runs in progress before abandoning them. */
  graceMs?: number;
  /** Told once the first pass is over and every trigger is armed. */
  onReady?: (info: DaemonInfo) => void;
}

export interface DaemonHandle {
  /** Resolves when the daemon has stopped. */
  done: Promise<void>;
  stop(): Promise<void>;
  reload(): Promise<void>;
}

const DEFAULT_CONCURRENCY = 4;

/** Takes the daemon lock: one daemon per state directory. */
function lockDaemon(stateDir: string): Promise<() => Promise<void>> {
  const path = join(stateDir, "daemon.lock");
  return takeLockFile(path, (owner) =>
    owner === undefined
      ? environmentError("E_DAEMON_RUNNING", `cannot take ${path}`, {})
      : environmentError("E_DAEMON_RUNNING", `a soulsync daemon (pid ${owner}) already holds ${stateDir}; stop it first (or talk to it: soulsync status, soulsync sync)`, { pid: owner }),
  );
}

/** The sync lock, waiting for a one-shot `sync` that holds it to finish. */
async function lockSync(stateDir: string, log: Logger): Promise<() => Promise<void>> {
  for (let i = 0; ; i++) {
    try {
      return await acquireLock(stateDir);
    } catch (e) {
      if (!isSoulsyncError(e) || e.code !== "E_SYNC_BUSY" || i >= 600) throw e;
      if (i === 0) log.info({ event: "waiting", pid: e.data.pid }, `waiting for a running soulsync sync (pid ${e.data.pid}) to finish`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Local bare origins to watch: every agent's soul and the host repo, when they are paths. */
function watchedRepos(boot: Bootstrap, p: Pipeline): string[] {
  const out = new Set<string>();
  for (const t of p.targets()) {
    const o = safeOrigin(t.spec.url, t.baseDir);
    if (o?.localPath) out.add(o.localPath);
  }
  if (!("path" in boot.host_repo)) {
    const o = safeOrigin(boot.host_repo.url, configBase(boot));
    if (o?.localPath) out.add(o.localPath);
  }
  return [...out];
}

function safeOrigin(url: string, base?: string) {
  try {
    return parseOrigin(url, base);
  } catch {
    return undefined;
  }
}

export async function startDaemon(o: DaemonOptions): Promise<DaemonHandle> {
  const log = o.log;
  let boot = await loadBootstrap(o.config);
  const stateDir = boot.state_dir;
  const releaseDaemon = await lockDaemon(stateDir);
  const cleanups: (() => Promise<void>)[] = [releaseDaemon];
  const cleanup = async () => {
    for (const f of cleanups.reverse()) await f().catch(() => {});
  };
  try {
    cleanups.push(await lockSync(stateDir, log));
    const cleaned = await cleanTempSnapshots(stateDir);
    if (cleaned.length) log.info({ event: "cleaned", snapshots: cleaned.length }, `removed ${cleaned.length} half-written snapshot(s) from an interrupted run`);
  } catch (e) {
    await cleanup();
    throw e;
  }
  const metrics: Metrics = createMetrics();
  const host = hostname();
  let pipeline: Pipeline;
  // Brains open in a child process the daemon stops when the last one closes (pglite-host.ts).
  const embedded = pgliteChild();
  const open = (b: Bootstrap) =>
    openPipeline({
      bootstrap: b,
      embedded,
      brainIdleMs: (b.daemon?.brain_idle_seconds ?? 60) * 1000,
      maxOpenBrains: b.daemon?.max_open_brains ?? 8,
      onAction: (a) => log.info({ event: "action", step: a.step, kind: a.kind, agent: (a as { agent?: string }).agent }, `${a.step}: ${a.summary}`),
      onStep: (agent, t) => {
        if (t.result !== "skipped") metrics.stepDuration.observe({ step: t.step }, t.ms / 1000);
        log.debug({ event: "step", agent, ...t }, `${agent} ${t.step} ${t.result} in ${t.ms} ms`);
      },
    });
  pipeline = await open(boot);

  let watch: Watch | undefined;
  let poll: { close(): void } | undefined;
  let webhook: { address: string; close(): Promise<void> } | undefined;
  let metricsServer: { address: string; close(): Promise<void> } | undefined;
  let stopping = false;

  const runAgentJob = async (agent: string, job: { force?: boolean; trigger: string; at: number; ignoreBackoff?: boolean }): Promise<SyncOutcome> => {
    const outcome = await pipeline.runSoul(agent, { force: job.force, trigger: job.trigger, ignoreBackoff: job.ignoreBackoff });
    const result = outcome.condition === "Ready" ? (outcome.changed ? "applied" : "unchanged") : outcome.skipped ? "skipped" : "failed";
    metrics.runs.inc({ agent, result });
    if (result === "applied") {
      metrics.pushToApplied.observe((Date.now() - job.at) / 1000);
      metrics.lastApplied.set({ agent }, Date.now() / 1000);
    }
    const line = { event: "run", agent, result, revision: outcome.revision, live: outcome.live, trigger: job.trigger, code: result === "failed" ? outcome.reason : undefined, ms: Date.now() - job.at };
    const human = result === "applied" ? `${agent} ${outcome.source} applied ${outcome.revision} (${line.ms} ms after the ${job.trigger} trigger)` : result === "failed" ? `${agent} ${outcome.source} ${outcome.reason}: ${outcome.message}` : `${agent} ${outcome.source} ${result}: ${outcome.message}`;
    if (result === "failed") log.warn(line, human);
    // Every run is a line, but a poll that found nothing new only when --verbose.
    else if (result === "unchanged" && job.trigger === "poll") log.debug(line, human);
    else log.info(line, human);
    await recordRun(pipeline, host, outcome, job.trigger, log);
    return outcome;
  };

  const queue = runQueue<SyncOutcome | undefined>(
    boot.daemon?.concurrency ?? DEFAULT_CONCURRENCY,
    async (job) => {
      if (job.key !== HOST_AGENT) return runAgentJob(job.key, job);
      const r = await pipeline.refreshHost({ force: job.force, trigger: job.trigger });
      if (r.steps?.outcome && !r.steps.outcome.ok) log.warn({ event: "host", step: r.steps.outcome.failedStep, code: r.steps.outcome.error?.code }, `host step ${r.steps.outcome.failedStep} failed: ${r.steps.outcome.error?.message}`);
      await watch?.update(watchedRepos(boot, pipeline));
      return r.outcome;
    },
    () => metrics.queueDepth.set(queue.depth()),
  );

  // Snapshots are collected only while nothing runs (a run may be exporting one).
  let collecting = false;
  const collectWhenIdle = async () => {
    if (collecting || queue.depth() > 0) return;
    collecting = true;
    try {
      await pipeline.collect();
      await pipeline.save();
    } finally {
      collecting = false;
    }
  };

  /** The host first, then every agent: what start, SIGHUP, poll and a plain `sync` ask for. */
  const fullPass = async (trigger: string, force = false, at = Date.now(), agent?: string): Promise<(SyncOutcome | undefined)[]> => {
    const hostOutcome = await queue.enqueue(HOST_AGENT, { trigger, force, at });
    const agents = agent ? [agent] : pipeline.agents();
    if (agent && !pipeline.agents().includes(agent)) {
      throw environmentError("E_AGENT_UNKNOWN", `no agent "${agent}" in the host repo's host.yaml`, { agent });
    }
    // A new host revision is a new revision for every agent: retried even while backing off.
    const outcomes = await Promise.all(agents.map((a) => queue.enqueue(a, { trigger, force, at, ignoreBackoff: trigger !== "poll" })));
    void collectWhenIdle().catch((e) => log.error({ event: "gc", err: e }, "snapshot collection failed"));
    return [hostOutcome, ...outcomes];
  };

  const hostKey = (): string | undefined => ("path" in boot.host_repo ? undefined : repoKey(boot.host_repo.url, configBase(boot)));

  /** A trigger: which agents it names, queued (not awaited); resolves to their names. */
  const onTrigger = async (e: TriggerEvent): Promise<string[]> => {
    if (stopping) return [];
    metrics.triggers.inc({ kind: e.kind });
    const named = e.repos?.map((r) => repoKey(r));
    const everyone = !named || (hostKey() !== undefined && named.includes(hostKey()!));
    const agents = everyone
      ? pipeline.agents()
      : agentsForRepos(e.repos ?? [], pipeline.targets().map((t) => ({ agent: t.agent, url: t.spec.url, baseDir: t.baseDir })));
    log.info({ event: "trigger", kind: e.kind, agents, delivery: e.delivery }, `${e.kind} trigger: ${agents.length ? agents.join(", ") : "no agent watches that repo"}`);
    const done = (p: Promise<unknown>) => void p.catch((err: unknown) => !stopping && log.error({ event: "run", err }, `run failed: ${(err as Error).message}`));
    if (everyone) done(fullPass(e.kind, false, e.at));
    else {
      for (const a of agents) done(queue.enqueue(a, { trigger: e.kind, at: e.at, ignoreBackoff: e.kind !== "poll" }));
      done(queue.idle().then(collectWhenIdle));
    }
    return agents;
  };

  const armTriggers = async (b: Bootstrap): Promise<void> => {
    if (b.triggers.watch) watch = await startWatch({ repos: watchedRepos(b, pipeline), debounceMs: b.triggers.debounce_ms, onTrigger, log });
    if (b.triggers.poll) poll = startPoll({ schedule: b.triggers.poll, jitterSeconds: b.triggers.jitter_seconds, onTrigger, log });
    if (b.triggers.webhook) {
      const w = b.triggers.webhook;
      const key = await loadWebhookKey(join(b.secrets_dir, w.key_secret));
      webhook = await startWebhook({ listen: w.listen, key, maxBodyBytes: w.max_body_bytes, ratePerMinute: w.rate_per_minute, onTrigger, log });
    }
    if (b.metrics) metricsServer = await metrics.serve(b.metrics.listen, { allowNonLoopback: b.metrics.allow_non_loopback });
  };

  const disarmTriggers = async (): Promise<void> => {
    await watch?.close();
    poll?.close();
    await webhook?.close();
    await metricsServer?.close();
    watch = poll = webhook = metricsServer = undefined;
  };

  const info = (): DaemonInfo => ({
    pid: process.pid,
    socket: socketPath(stateDir),
    webhook: webhook?.address ?? null,
    metrics: metricsServer?.address ?? null,
    startedAt,
    host,
  });
  const startedAt = new Date().toISOString();

  let finish!: () => void;
  const done = new Promise<void>((r) => {
    finish = r;
  });

  const socket = await serveSocket(socketPath(stateDir), (req) =>
    handleSocket(req, {
      status: () => statusJson(pipeline.doc, { running: queue.running(), queued: queue.queued() }, info()),
      sync: async (agent, force) => {
        const outcomes = (await fullPass("socket", force, Date.now(), agent)).filter((x): x is SyncOutcome => x !== undefined);
        return { outcomes, service: undefined };
      },
      notify: (repo) => onTrigger({ kind: "socket", repos: [repo], at: Date.now() }),
      rollback: async (agent, to) => {
        // Between the agent's runs: the rollback changes its status and published link.
        while (queue.running().includes(agent)) await new Promise((r) => setTimeout(r, 20));
        const { rollbackInDoc } = await import("../git/rollback.js");
        const rollback = await rollbackInDoc({ bootstrap: boot, agent, to }, pipeline.doc);
        await pipeline.save();
        const outcome = await queue.enqueue(agent, { trigger: "rollback" });
        return { rollback, outcome };
      },
      brains: () => pipeline.brains,
    }),
  ).catch(async (e) => {
    await cleanup();
    throw e;
  });
  cleanups.push(() => socket.close());

  try {
    await armTriggers(boot);
  } catch (e) {
    await disarmTriggers();
    await cleanup();
    throw e;
  }
  await writeFileAtomic(daemonInfoPath(stateDir), `${JSON.stringify(info(), null, 2)}\n`, 0o644);
  cleanups.push(() => removeDaemonInfo(stateDir));
  log.info({ event: "started", ...info() }, `soulsync daemon ${process.pid} on ${stateDir} (driver ${boot.driver})`);

  const stop = async (): Promise<void> => {
    if (stopping) return done;
    stopping = true;
    log.info({ event: "stopping" }, "stopping: letting the runs in progress finish");
    await disarmTriggers();
    queue.stop(environmentError("E_DAEMON_STOPPING", "the daemon is stopping"));
    const grace = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), o.graceMs ?? 20_000).unref());
    if ((await Promise.race([queue.idle(), grace])) === "timeout") log.warn({ event: "abandoned", running: queue.running() }, "abandoning the runs still in progress (the next start completes them)");
    await pipeline.close().catch(() => {});
    await cleanup();
    log.info({ event: "stopped" }, "stopped");
    finish();
  };

  const reload = async (): Promise<void> => {
    if (stopping) return;
    log.info({ event: "reload" }, "SIGHUP: re-reading the bootstrap file and the host repo");
    let next: Bootstrap;
    try {
      next = await loadBootstrap(o.config);
    } catch (e) {
      log.error({ event: "reload", code: (e as { code?: string }).code }, `the bootstrap file has errors; keeping the running configuration: ${(e as Error).message}`);
      return;
    }
    if (next.state_dir !== stateDir) {
      log.error({ event: "reload" }, `state_dir changed (${stateDir} → ${next.state_dir}): restart the daemon to move it; keeping ${stateDir}`);
      next = { ...next, state_dir: stateDir };
    }
    await queue.idle();
    await disarmTriggers();
    await pipeline.close();
    boot = next;
    pipeline = await open(boot);
    await armTriggers(boot);
    await writeFileAtomic(daemonInfoPath(stateDir), `${JSON.stringify(info(), null, 2)}\n`, 0o644);
    await fullPass("signal").catch((e) => log.error({ event: "run", err: e }, `full pass failed: ${(e as Error).message}`));
  };

  // The first pass; ready once it is over (a failed agent is status, not a failed start).
  void (async () => {
    try {
      await fullPass("start");
    } catch (e) {
      log.error({ event: "run", code: (e as { code?: string }).code }, `first pass failed: ${(e as Error).message}`);
    }
    if (stopping) return;
    await writeFileAtomic(daemonInfoPath(stateDir), `${JSON.stringify(info(), null, 2)}\n`, 0o644);
    log.info({ event: "ready", ...info() }, "ready: watching for pushes");
    o.onReady?.(info());
  })();

  return { done, stop, reload };
}
