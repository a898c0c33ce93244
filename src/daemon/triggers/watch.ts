// The watcher trigger: chokidar on local bare origins' refs, one debounced event per push burst.
// What a push changes (git's refs/files-backend.c): a loose ref is written as `refs/…/x.lock` and
// renamed onto `refs/…/x`; deleting a packed ref rewrites `packed-refs` through `packed-refs.lock`;
// a reftable repo (git ≥ 2.45) rewrites `reftable/tables.list`. Ref files are small and land by
// rename, so chokidar's awaitWriteFinish (size polling, 2 s by default) would only add delay.
import { existsSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { type FSWatcher, watch } from "chokidar";
import type { Logger } from "../log.js";
import type { OnTrigger } from "./types.js";

export const DEFAULT_DEBOUNCE_MS = 30;
/** How often an origin that does not exist yet is looked for. */
export const DEFAULT_RECHECK_MS = 2_000;

export interface WatchOptions {
  /** Local bare repositories (the agents' origins) to watch. */
  repos: string[];
  debounceMs?: number;
  /** How often origins missing at start are looked for (default 2 s). */
  recheckMs?: number;
  onTrigger: OnTrigger;
  log: Logger;
}

export interface Watch {
  /** Watches exactly `repos` from now on (SIGHUP: the host repo may list other origins). */
  update(repos: string[]): Promise<void>;
  close(): Promise<void>;
}

/** True for the paths inside a bare repo whose change means refs moved (pure). */
export function isRefPath(rel: string): boolean {
  if (rel === "" || rel === "HEAD" || rel === "packed-refs") return true;
  if (rel.endsWith(".lock")) return false; // the rename onto the real name follows
  const top = rel.split(sep)[0];
  return top === "refs" || top === "reftable";
}

export async function startWatch(o: WatchOptions): Promise<Watch> {
  const debounceMs = o.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const pending = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  let roots: string[] = [];
  let watcher: FSWatcher | undefined;
  let recheck: NodeJS.Timeout | undefined;

  const repoOf = (repos: string[], path: string) => repos.find((r) => path === r || path.startsWith(r + sep));

  function noticed(repos: string[], path: string): void {
    const repo = repoOf(repos, path);
    if (!repo) return;
    const burst = pending.get(repo);
    // Trailing debounce: the event goes out once the repo has been quiet for debounceMs, stamped
    // with when the burst began (push-to-applied is measured from there).
    if (burst) clearTimeout(burst.timer);
    const at = burst?.at ?? Date.now();
    const timer = setTimeout(() => {
      pending.delete(repo);
      o.onTrigger({ kind: "watch", repos: [repo], at }).catch((e: unknown) => o.log.error({ event: "watch", repo, err: e }, "watch trigger failed"));
    }, debounceMs);
    pending.set(repo, { timer, at });
  }

  async function open(repos: string[]): Promise<FSWatcher | undefined> {
    const next = [...new Set(repos.map((r) => resolve(r)))];
    // chokidar never reports ready on an empty list (a host repo by path, before its agents are read).
    if (next.length === 0) {
      roots = next;
      return undefined;
    }
    const ignored = (path: string) => {
      const repo = repoOf(next, path);
      return repo === undefined || !isRefPath(path.slice(repo.length + 1));
    };
    const w = watch(next, { ignored, ignoreInitial: true, persistent: true, atomic: true });
    // Files only: a new ref folder's addDir comes a readdir before its ref's add, and under load
    // that gap can pass the debounce, splitting one push into two events.
    w.on("all", (event, path) => {
      if (event === "add" || event === "change" || event === "unlink") noticed(next, path);
    });
    w.on("error", (e) => o.log.warn({ event: "watch", err: e }, "watcher error"));
    await new Promise<void>((ready) => w.once("ready", () => ready()));
    roots = next;
    return w;
  }

  async function update(repos: string[]): Promise<void> {
    // The new watcher is ready before the old one closes, so no push falls between them.
    const old = watcher;
    watcher = await open(repos);
    await old?.close();
    lookForMissing();
    for (const [repo, p] of pending) {
      if (!roots.includes(repo)) {
        clearTimeout(p.timer);
        pending.delete(repo);
      }
    }
    o.log.info({ event: "watch", repos: roots }, `watching ${roots.length} origin(s)`);
  }

  /**
   * chokidar does not see a folder that appears after the watch began: an origin created later
   * (a new agent's git jail) is looked for until it exists, then watched, and announced once.
   */
  function lookForMissing(): void {
    clearInterval(recheck);
    const missing = roots.filter((r) => !existsSync(join(r, "HEAD")));
    if (missing.length === 0) return;
    o.log.warn({ event: "watch", missing }, `not watching ${missing.length} origin(s) yet: not a repository`);
    recheck = setInterval(() => {
      const found = missing.filter((r) => existsSync(join(r, "HEAD")));
      if (found.length === 0) return;
      clearInterval(recheck);
      update(roots)
        .then(() => {
          for (const r of found) noticed(roots, r);
        })
        .catch((e: unknown) => o.log.error({ event: "watch", err: e }, "watcher restart failed"));
    }, o.recheckMs ?? DEFAULT_RECHECK_MS);
    recheck.unref();
  }

  await update(o.repos);
  return {
    update,
    async close() {
      clearInterval(recheck);
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
      await watcher?.close();
      watcher = undefined;
    },
  };
}
