// `soulsync demo`: the quick start. Makes demo origins from examples/ under the state directory —
// bare soul repos for the two agents and a bare host repo whose host.yaml points at them — and a
// bootstrap file for the daemon on the sim driver and the embedded PostgreSQL, with the webhook
// and metrics on loopback. Nothing outside the state directory is written.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { usageError } from "../core/errors.js";
import { packageFile } from "../core/package-root.js";
import { run } from "../exec/run.js";

const EXAMPLES = packageFile("examples");
const MARKER = "demo.json";

export interface DemoOptions {
  stateDir: string;
  reset?: boolean;
  webhook?: string;
  metrics?: string;
}

export interface Demo {
  stateDir: string;
  config: string;
  origins: Record<string, string>;
  created: boolean;
}

// A commit needs an identity; the demo's own, whatever git has configured.
const GIT_ENV = { GIT_AUTHOR_NAME: "soulsync demo", GIT_AUTHOR_EMAIL: "demo@soulsync.invalid", GIT_COMMITTER_NAME: "soulsync demo", GIT_COMMITTER_EMAIL: "demo@soulsync.invalid" };

/** A bare repo at `bare` whose main branch holds one commit of `dir`'s files. */
async function bareRepoOf(dir: string, bare: string, message: string, edit?: (work: string) => Promise<void>): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "soulsync-demo-"));
  try {
    await cp(dir, work, { recursive: true });
    await edit?.(work);
    await run(["git", "init", "--quiet", "--initial-branch=main", work]);
    await run(["git", "-C", work, "add", "--all"]);
    await run(["git", "-C", work, "commit", "--quiet", "--no-gpg-sign", "-m", message], { env: GIT_ENV });
    await run(["git", "clone", "--quiet", "--bare", work, bare]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Points the example host.yaml's souls at the demo origins (relative to the bootstrap file). */
async function pointHostAtOrigins(work: string): Promise<void> {
  const path = join(work, "host.yaml");
  const doc = parseDocument(await readFile(path, "utf8"));
  const agents = doc.get("agents") as { items: { get(k: string): unknown; setIn(p: string[], v: unknown): void }[] };
  for (const a of agents.items) a.setIn(["soul", "url"], `origins/${String(a.get("name"))}-soul.git`);
  await writeFile(path, doc.toString());
}

function bootstrapText(o: Required<Pick<DemoOptions, "webhook" | "metrics">>): string {
  return [
    "# Written by `soulsync demo`: the daemon on demo origins, the sim driver and the embedded PostgreSQL.",
    "# Relative paths are relative to this file.",
    "host_repo: { url: origins/host.git, ref: { branch: main } }",
    "state_dir: .",
    "driver: sim",
    "secrets_dir: secrets",
    "triggers:",
    "  watch: true",
    "  debounce_ms: 30",
    '  poll: "*/5 * * * *"',
    "  jitter_seconds: 30",
    `  webhook: { listen: "${o.webhook}", key_secret: webhook.key }`,
    `metrics: { listen: "${o.metrics}" }`,
    "",
  ].join("\n");
}

/** Makes the demo (once; `reset` starts it over) and returns where everything is. */
export async function prepareDemo(o: DemoOptions): Promise<Demo> {
  const stateDir = resolve(o.stateDir);
  const config = join(stateDir, "soulsync.yaml");
  const origins = {
    host: join(stateDir, "origins", "host.git"),
    atlas: join(stateDir, "origins", "atlas-soul.git"),
    mevy: join(stateDir, "origins", "mevy-soul.git"),
  };
  const isDemo = existsSync(join(stateDir, MARKER));
  if (existsSync(stateDir) && !isDemo && existsSync(join(stateDir, "status.json"))) {
    throw usageError("E_DEMO_STATE", `${stateDir} holds a state directory that is not the demo's; pass --state DIR for the demo`, { stateDir });
  }
  if (isDemo && o.reset) await rm(stateDir, { recursive: true, force: true });
  if (existsSync(join(stateDir, MARKER))) return { stateDir, config, origins, created: false };

  await mkdir(join(stateDir, "origins"), { recursive: true });
  await mkdir(join(stateDir, "secrets"), { recursive: true, mode: 0o700 });
  for (const agent of ["atlas", "mevy"] as const) await bareRepoOf(join(EXAMPLES, "souls", agent), origins[agent], `${agent} soul`);
  await bareRepoOf(join(EXAMPLES, "host"), origins.host, "demo host", pointHostAtOrigins);
  await writeFile(join(stateDir, "secrets", "webhook.key"), `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  await writeFile(config, bootstrapText({ webhook: o.webhook ?? "127.0.0.1:8787", metrics: o.metrics ?? "127.0.0.1:9464" }));
  await writeFile(join(stateDir, MARKER), `${JSON.stringify({ createdAt: new Date().toISOString(), origins }, null, 2)}\n`);
  return { stateDir, config, origins, created: true };
}
