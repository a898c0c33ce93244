// Agents' brains kept open between runs. Opening the embedded PostgreSQL costs 0.3–0.5 s of CPU
// and ~30 MB while open (the daemon opens them in its child process, pglite-child.ts), so the daemon keeps a brain warm for a burst of pushes and closes it
// when idle; a one-shot pass closes everything at its end.
import type { Bootstrap } from "../../config/bootstrap.js";
import type { PgliteChild } from "../../brain/db/pglite-child.js";
import type { AgentBrain } from "../../brain/open.js";

export interface BrainPool {
  /** Runs `fn` with the agent's brain open (opened, created and migrated on first use). */
  use<T>(agent: string, fn: (b: AgentBrain) => Promise<T>, options?: { create?: boolean }): Promise<T>;
  /** Brains open now (for status and tests). */
  open(): string[];
  close(): Promise<void>;
}

interface Entry {
  brain: Promise<AgentBrain>;
  users: number;
  timer?: NodeJS.Timeout;
}

/**
 * `idleMs` 0 keeps brains open until close(). At most `maxOpen` stay open: past that the least
 * recently used idle one is closed first (each embedded one holds ~30 MB).
 */
export function brainPool(
  boot: Bootstrap,
  options: { idleMs?: number; maxOpen?: number; env?: NodeJS.ProcessEnv; embedded?: PgliteChild } = {},
): BrainPool {
  const entries = new Map<string, Entry>();
  const idleMs = options.idleMs ?? 0;
  const maxOpen = options.maxOpen ?? Number.POSITIVE_INFINITY;
  // The embedded databases' process died: its handles are gone, the next use opens afresh. The
  // listener goes with the pool (a SIGHUP reload replaces the pool, not the database process).
  const unlisten = options.embedded?.onLost(() => entries.clear());

  /** Closes least recently used idle brains while more than `maxOpen` are open (Map order is use order). */
  const evict = () => {
    let excess = entries.size - maxOpen;
    for (const [agent, e] of entries) {
      if (excess <= 0) break;
      if (e.users > 0) continue;
      clearTimeout(e.timer);
      void drop(agent, e);
      excess--;
    }
  };

  const drop = async (agent: string, e: Entry): Promise<void> => {
    if (entries.get(agent) !== e) return;
    entries.delete(agent);
    await (await e.brain.catch(() => undefined))?.close();
  };

  return {
    async use(agent, fn, useOptions = {}) {
      let e = entries.get(agent);
      if (!e) {
        const brain = (async () => {
          const { openAgentBrain, resolveBrainTarget } = await import("../../brain/index.js");
          const target = resolveBrainTarget({ env: options.env ?? process.env, configured: boot.database_url, stateDir: boot.state_dir });
          return openAgentBrain(target, agent, { create: useOptions.create ?? true, openEmbedded: options.embedded?.open });
        })();
        e = { brain, users: 0 };
        entries.set(agent, e);
        // A brain that failed to open (database down) is not kept: the next use tries again.
        brain.catch(() => {
          if (entries.get(agent) === e) entries.delete(agent);
        });
      }
      const entry = e;
      clearTimeout(entry.timer);
      entry.users++;
      // Most recently used last.
      entries.delete(agent);
      entries.set(agent, entry);
      evict();
      try {
        return await fn(await entry.brain);
      } finally {
        entry.users--;
        if (entry.users === 0 && idleMs > 0) {
          entry.timer = setTimeout(() => void drop(agent, entry), idleMs);
          entry.timer.unref();
        }
      }
    },
    open: () => [...entries.keys()],
    async close() {
      unlisten?.();
      await Promise.all(
        [...entries].map(([agent, e]) => {
          clearTimeout(e.timer);
          return drop(agent, e);
        }),
      );
    },
  };
}
