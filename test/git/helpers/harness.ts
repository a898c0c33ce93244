// A host with one agent whose soul comes from a given URL, synced in process with an injected
// clock and randomness, so scenarios can step time (backoff) without sleeping.
import { readlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { stringify } from "yaml";
import type { Bootstrap } from "../../../src/config/bootstrap.js";
import type { SourceSpec } from "../../../src/config/schema/source.js";
import { type SyncReport, syncSources } from "../../../src/daemon/pass.js";
import { fileStatusStore } from "../../../src/git/status/store.js";
import type { SourceStatus, StatusDoc } from "../../../src/git/status/types.js";
import type { PostPublishStep } from "../../../src/daemon/pipeline/types.js";
import { writeTree } from "../../helpers/tmp.js";

export interface Host {
  bootstrap: Bootstrap;
  stateDir: string;
  /** Moves the injected clock forward. */
  advance(ms: number): void;
  sync(opts?: { force?: boolean; agent?: string; steps?: PostPublishStep[] }): Promise<SyncReport>;
  /** The commit `current` points at for the agent's soul, or undefined. */
  published(agent?: string): string | undefined;
  status(agent?: string): Promise<SourceStatus>;
  doc(): Promise<StatusDoc>;
  /** Rewrites host.yaml with new soul specs. */
  setSouls(souls: Record<string, Partial<SourceSpec> & { url: string }>): void;
}

/** A host dir, state dir and secrets dir under `root`, watching `souls` (agent → source spec). */
export function makeHost(root: string, souls: Record<string, Partial<SourceSpec> & { url: string }>): Host {
  const hostDir = join(root, "host");
  const stateDir = join(root, "state");
  let now = Date.parse("2026-01-01T00:00:00Z");
  const bootstrap: Bootstrap = {
    host_repo: { path: hostDir },
    state_dir: stateDir,
    driver: "sim",
    secrets_dir: join(root, "secrets"),
    triggers: { poll: "*/5 * * * *", jitter_seconds: 30, watch: true, debounce_ms: 30 },
    daemon: { concurrency: 4, brain_idle_seconds: 60, max_open_brains: 8 },
    configPath: undefined,
  };
  const host: Host = {
    bootstrap,
    stateDir,
    advance: (ms) => {
      now += ms;
    },
    sync: (opts = {}) => syncSources({ bootstrap, now: () => new Date(now), random: () => 0.5, ...opts }),
    published(agent = Object.keys(souls)[0]!) {
      try {
        return basename(readlinkSync(join(stateDir, agent, "soul", "current")));
      } catch {
        return undefined;
      }
    },
    async status(agent = Object.keys(souls)[0]!) {
      return (await host.doc()).sources[`${agent}/soul`]!;
    },
    doc: () => fileStatusStore(stateDir).read(),
    setSouls(next) {
      const agents = Object.entries(next).map(([name, soul]) => ({ name, soul }));
      writeTree(hostDir, { "host.yaml": stringify({ version: 1, agents }) });
    },
  };
  host.setSouls(souls);
  writeFileSync(join(root, ".keep"), "");
  return host;
}
