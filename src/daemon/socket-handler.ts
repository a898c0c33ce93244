// What the daemon answers on its socket: status, a sync that waits for its outcome (like
// `flux reconcile`), a push notice from the post-receive hook, and brain queries served by the
// brains the daemon already holds (the embedded database admits one process at a time).
import { checkAgentName } from "../brain/names.js";
import type { HostStepsResult } from "./host-steps.js";
import type { BrainPool } from "./pipeline/brain-pool.js";
import type { SyncOutcome } from "./pipeline/outcome.js";
import type { SocketRequest } from "./socket.js";

export interface SocketServices {
  status(): unknown;
  sync(agent: string | undefined, force: boolean): Promise<{ outcomes: SyncOutcome[]; service: HostStepsResult | undefined }>;
  notify(repo: string): Promise<string[]>;
  rollback(agent: string, to: string | undefined): Promise<{ rollback: unknown; outcome: SyncOutcome | undefined }>;
  brains(): BrainPool;
}

export async function handleSocket(req: SocketRequest, s: SocketServices): Promise<unknown> {
  switch (req.op) {
    case "ping":
      return { ok: true, pid: process.pid };
    case "status":
      return s.status();
    case "sync": {
      const r = await s.sync(req.agent, Boolean(req.force));
      return { ok: true, ...r };
    }
    case "notify":
      return { ok: true, agents: await s.notify(req.repo) };
    case "rollback":
      return { ok: true, ...(await s.rollback(checkAgentName(req.agent), req.to)) };
    case "brain": {
      const agent = checkAgentName(req.agent);
      const brain = await import("../brain/index.js");
      if (req.cmd === "search") {
        const r = await s.brains().use(agent, (b) => brain.searchMemories(b.brain, agent, req.query ?? "", req.limit ?? 10), { create: false });
        return { ok: true, agent, query: req.query, ...r };
      }
      const stats = await s.brains().use(agent, (b) => brain.readBrainStats(b), { create: false });
      return { ok: true, agents: [stats] };
    }
  }
}
