// One soulsync host for the end-to-end scenarios, driven only as an operator would: real soul
// origins (bare repos served by path, `git daemon` or `git http-backend`), a host repo, a
// bootstrap file, the `sim` driver as the host, and `node bin/soulsync.js` as a real process.
// What the scenarios assert is what the operator sees: sync's exit status and JSON, status
// --json, the published snapshot, the sim host's files and services, and the brain's rows.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { stringify } from "yaml";
import { BIN, type CliResult, ROOT } from "../../helpers/cli.js";
import { git } from "../../helpers/git.js";
import { tmpDir, writeTree } from "../../helpers/tmp.js";

export type AgentName = "atlas" | "mevy";

export interface AgentSetup {
  /** The soul URL, from the bare origin's path (default: the path itself). */
  url?: (bare: string) => string;
  ref?: Record<string, unknown>;
  harnesses?: string[];
}

export interface WorldOptions {
  agents: Partial<Record<AgentName, AgentSetup>>;
  /** bootstrap database_url (absent: the embedded PGlite in the state directory). */
  databaseUrl?: string;
  /** Where the state directory and the sim host live (default: inside the world's temp dir). */
  stateDir?: string;
  simDir?: string;
  steps?: string[];
  /** Extra bootstrap keys. */
  bootstrap?: Record<string, unknown>;
}

export interface SourceJson {
  agent: string;
  source: string;
  condition: string;
  reason: string;
  message: string;
  lastApplied?: string;
  lastAttempted?: string;
  live?: string;
  backoff?: { failures: number; until: string; skipped?: boolean };
  failed?: { code: string; revision: string };
  stepsDone?: string;
  history: Array<{ result: string; revision?: string; code?: string }>;
}

export interface SyncRun {
  status: number;
  stdout: string;
  stderr: string;
  /** The --json document (undefined when stdout is not JSON). */
  json: { ok: boolean; sources: Array<SourceJson & { changed?: boolean; kind?: string; step?: string }>; host: unknown; service: unknown } | undefined;
}

export interface SimState {
  services: Record<string, { pid: number | undefined; starts: number }>;
  jails: Record<string, unknown>;
  fail: string[];
  log: string[][];
}

export interface World {
  root: string;
  config: string;
  stateDir: string;
  simDir: string;
  bare: Record<AgentName, string>;
  work: Record<AgentName, string>;
  sync(args?: string[], env?: NodeJS.ProcessEnv): Promise<SyncRun>;
  status(): Record<string, SourceJson>;
  source(agent: AgentName): SourceJson;
  /** Commits `files` ("" deletes a path) in the agent's work clone and pushes the branch (default main). */
  push(agent: AgentName, files: Record<string, string>, opts?: { message?: string; force?: boolean; branch?: string }): string;
  /** git in the agent's work clone. */
  git(agent: AgentName, ...args: string[]): string;
  /** The commit `current` points at. */
  published(agent: AgentName): string | undefined;
  /** The agent's home on the sim host. */
  home(agent: AgentName): string;
  /** The revision whose commit is SOULSYNC_SOUL_COMMIT in the agent's .env: the soul its service was (re)started on. */
  served(agent: AgentName): string | undefined;
  sim(): SimState;
  setSimFaults(fail: string[]): void;
  /** Rewrites host.yaml with new settings for an agent. */
  setAgent(agent: AgentName, setup: AgentSetup): void;
  /** Rewrites host.yaml's `host:` block with these keys added (e.g. pf). */
  setHost(extra: Record<string, unknown>): void;
  /** Sets (or replaces) one key of the agent's .env in the host repo. */
  setEnv(agent: AgentName, key: string, value: string): void;
  /** `brain stats --json` for the agent. */
  brain(agent: AgentName): { memories: { live: number; retired: number }; skills: { live: number }; revision: string | null };
}

/** The CLI as a real process; a generous bound (the machine may be busy), not a measurement. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", SOULSYNC_DEBUG: "", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "", SOULSYNC_TEST_PAUSE_AT: "", ...env },
    encoding: "utf8",
    timeout: 300_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The CLI as a real process without blocking this one: origins served from this process (the
 * HTTP backend, a broken proxy, a webhook sender) must keep answering while it runs.
 */
export function cliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", SOULSYNC_DEBUG: "", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "", SOULSYNC_TEST_PAUSE_AT: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const bound = setTimeout(() => child.kill("SIGKILL"), 300_000);
  return new Promise((resolve) =>
    child.once("close", (status) => {
      clearTimeout(bound);
      resolve({ status: status ?? -1, stdout, stderr });
    }),
  );
}

/** Every step but import: the embedded brain costs seconds per pass, so only the brain scenarios run it (on a server of their own). */
export const NO_BRAIN_STEPS = ["network", "pf", "jails", "database", "render", "service"];

const ENVS: Record<AgentName, string> = {
  atlas: readFileSync(join(ROOT, "examples/host/agents/atlas.env"), "utf8"),
  mevy: readFileSync(join(ROOT, "examples/host/agents/mevy.env"), "utf8"),
};

const DEFAULT_HARNESSES: Record<AgentName, string[]> = { atlas: ["pi", "codex"], mevy: ["hermes"] };
const BRAIN: Record<AgentName, Record<string, unknown>> = {
  atlas: { memories: "curated", skills: "all", user_context: false },
  mevy: { memories: "none", skills: "all" },
};

/** A bare origin seeded from examples/souls/<agent>, and a work clone that pushes to it. */
function soulOrigin(root: string, agent: AgentName): { bare: string; work: string } {
  const work = join(root, `${agent}-work`);
  cpSync(join(ROOT, "examples/souls", agent), work, { recursive: true });
  git(work, "init", "--quiet", "--initial-branch=main");
  git(work, "add", "--all");
  git(work, "commit", "--quiet", "-m", `${agent} soul`);
  const bare = join(root, "origins", `${agent}-soul.git`);
  mkdirSync(join(root, "origins"), { recursive: true });
  execFileSync("git", ["clone", "--quiet", "--bare", work, bare]);
  git(work, "remote", "add", "origin", bare);
  return { bare, work };
}

export function makeWorld(o: WorldOptions): World {
  const root = tmpDir("soulsync-e2e-");
  const stateDir = o.stateDir ?? join(root, "state");
  const simDir = o.simDir ?? join(stateDir, "sim");
  const hostDir = join(root, "host");
  const names = Object.keys(o.agents) as AgentName[];
  const bare = {} as Record<AgentName, string>;
  const work = {} as Record<AgentName, string>;
  for (const a of names) ({ bare: bare[a], work: work[a] } = soulOrigin(root, a));
  const setups = { ...o.agents };
  let hostExtra: Record<string, unknown> = {};
  const envs = { ...ENVS };
  const writeHost = () => {
    const agents = names.map((a) => ({
      name: a,
      env: `agents/${a}.env`,
      soul: { url: (setups[a]?.url ?? ((b: string) => b))(bare[a]), ref: setups[a]?.ref ?? { branch: "main" } },
      harnesses: setups[a]?.harnesses ?? DEFAULT_HARNESSES[a],
      brain: BRAIN[a],
    }));
    writeTree(hostDir, {
      "host.yaml": stringify({ version: 1, host: { name: "e2e.example.org", ext_if: "vtnet0", bridge: "warden0", release: "14.3-RELEASE", ...hostExtra }, agents }),
      ...Object.fromEntries(names.map((a) => [`agents/${a}.env`, envs[a]])),
    });
  };
  writeHost();
  const config = join(root, "soulsync.yaml");
  writeFileSync(
    config,
    stringify({
      host_repo: { path: hostDir },
      state_dir: stateDir,
      driver: "sim",
      sim_dir: simDir,
      secrets_dir: join(root, "secrets"),
      ...(o.databaseUrl ? { database_url: o.databaseUrl } : {}),
      steps: o.steps ?? (o.databaseUrl ? undefined : NO_BRAIN_STEPS),
      ...o.bootstrap,
    }),
  );
  mkdirSync(join(root, "secrets"), { recursive: true });

  const world: World = {
    root,
    config,
    stateDir,
    simDir,
    bare,
    work,
    async sync(args = [], env = {}) {
      const r = await cliAsync(["sync", "--config", config, "--json", ...args], env);
      let json: SyncRun["json"];
      try {
        json = JSON.parse(r.stdout);
      } catch {
        json = undefined;
      }
      return { ...r, json };
    },
    status() {
      const r = cli(["status", "--config", config, "--json"]);
      // Exit 1 says a source is Stalled; the document is printed all the same.
      if (r.status !== 0 && r.status !== 1) throw new Error(`status failed: ${r.stderr}`);
      return (JSON.parse(r.stdout) as { sources: Record<string, SourceJson> }).sources;
    },
    source(agent) {
      const s = world.status()[`${agent}/soul`];
      if (!s) throw new Error(`no status for ${agent}/soul`);
      return s;
    },
    push(agent, files, opts = {}) {
      const w = work[agent];
      for (const [p, c] of Object.entries(files)) if (c === "") git(w, "rm", "-q", "--", p);
      writeTree(w, Object.fromEntries(Object.entries(files).filter(([, c]) => c !== "")));
      git(w, "add", "--all");
      git(w, "commit", "--quiet", "--allow-empty", "-m", opts.message ?? "change");
      git(w, "push", "--quiet", ...(opts.force ? ["--force"] : []), "origin", `HEAD:refs/heads/${opts.branch ?? "main"}`);
      return git(w, "rev-parse", "HEAD");
    },
    git: (agent, ...args) => git(work[agent], ...args),
    published(agent) {
      try {
        return basename(readlinkSync(join(stateDir, agent, "soul", "current")));
      } catch {
        return undefined;
      }
    },
    home: (agent) => join(simDir, "root/home", agent),
    served(agent) {
      const env = join(simDir, "root/home", agent, "clawdie/.env");
      if (!existsSync(env)) return undefined;
      // The .env names the commit the service runs; its revision (ref@sha1:commit) is what status called live for it.
      const commit = /^SOULSYNC_SOUL_COMMIT=([0-9a-f]{40})$/m.exec(readFileSync(env, "utf8"))?.[1];
      if (!commit) return undefined;
      const doc = JSON.parse(readFileSync(join(stateDir, "status.json"), "utf8")) as { sources: Record<string, { live?: string; kept?: string[] }> };
      const st = doc.sources[`${agent}/soul`];
      return [st?.live, ...(st?.kept ?? [])].find((r) => r?.endsWith(commit)) ?? `sha1:${commit}`;
    },
    sim: () => JSON.parse(readFileSync(join(simDir, "state.json"), "utf8")) as SimState,
    setSimFaults(fail) {
      const path = join(simDir, "state.json");
      const s = JSON.parse(readFileSync(path, "utf8")) as SimState;
      s.fail = fail;
      writeFileSync(path, `${JSON.stringify(s, null, 2)}\n`);
    },
    setAgent(agent, setup) {
      setups[agent] = { ...setups[agent], ...setup };
      writeHost();
    },
    setHost(extra) {
      hostExtra = { ...hostExtra, ...extra };
      writeHost();
    },
    setEnv(agent, key, value) {
      const line = `${key}=${value}`;
      const re = new RegExp(`^${key}=.*$`, "m");
      envs[agent] = re.test(envs[agent]) ? envs[agent].replace(re, line) : `${envs[agent]}${line}\n`;
      writeHost();
    },
    brain(agent) {
      const r = cli(["brain", "stats", "--agent", agent, "--config", config, "--json"], o.databaseUrl ? { SOULSYNC_DATABASE_URL: o.databaseUrl } : {});
      if (r.status !== 0) throw new Error(`brain stats failed: ${r.stderr}`);
      return (JSON.parse(r.stdout) as { agents: ReturnType<World["brain"]>[] }).agents[0]!;
    },
  };
  return world;
}

/** `<ref>@sha1:<commit>` as status and the .env spell it. */
export const rev = (ref: string, commit: string) => `${ref}@sha1:${commit}`;
