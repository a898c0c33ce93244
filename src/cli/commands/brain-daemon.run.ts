// `brain search` and `brain stats` on the embedded database while a daemon holds it: PGlite admits
// one process, so the daemon answers with the brain it keeps open (and answers at once, without
// this process paying the embedded database's start-up). Undefined: no daemon, do it here.
import { loadBootstrap } from "../../config/bootstrap.js";
import { SoulsyncError } from "../../core/errors.js";
import type { SearchHit } from "../../brain/search.js";
import type { BrainStats } from "../../brain/stats.js";
import { askDaemon } from "../../daemon/socket.js";
import { EXIT_OK } from "../exit.js";
import type { Output } from "../output.js";
import type { BrainAgentOptions, BrainSearchOptions } from "./brain.js";

type Answer = { ok: boolean; error?: { code: string; message: string; kind?: string }; tsConfig?: string; hits?: SearchHit[]; agents?: BrainStats[] };

async function ask(opts: BrainAgentOptions, req: { cmd: "search" | "stats"; agent: string; query?: string; limit?: number }): Promise<Answer | undefined> {
  if (opts.database || process.env.SOULSYNC_DATABASE_URL || process.env.DATABASE_URL) return undefined;
  const boot = await loadBootstrap(opts.config);
  if (boot.database_url) return undefined;
  const r = await askDaemon<Answer>(boot.state_dir, { op: "brain", ...req }, 30_000);
  if (r && !r.ok) throw new SoulsyncError(r.error?.code ?? "E_DAEMON", r.error?.message ?? "the daemon refused", { kind: (r.error?.kind as "environment") ?? "environment" });
  return r;
}

export async function searchViaDaemon(o: Output, query: string, opts: BrainSearchOptions, limit: number): Promise<number | undefined> {
  if (!opts.agent) return undefined;
  const r = await ask(opts, { cmd: "search", agent: opts.agent, query, limit });
  if (!r) return undefined;
  const hits = r.hits ?? [];
  if (opts.json) o.json({ ok: true, agent: opts.agent, query, tsConfig: r.tsConfig, hits });
  else if (hits.length === 0) o.err(`no memories of ${opts.agent} match "${query}"`);
  else for (const h of hits) o.out(`${h.path}  ${h.title}  (rank ${h.rank.toFixed(3)})\n    ${h.snippet}`);
  return EXIT_OK;
}

export async function statsViaDaemon(o: Output, opts: BrainAgentOptions): Promise<number | undefined> {
  if (!opts.agent) return undefined;
  const r = await ask(opts, { cmd: "stats", agent: opts.agent });
  if (!r) return undefined;
  const stats = r.agents ?? [];
  if (opts.json) {
    o.json({ ok: true, target: "embedded PGlite (through the daemon)", agents: stats });
    return EXIT_OK;
  }
  for (const s of stats) {
    o.out(
      `${s.agent}: ${s.memories.live} memories (${s.memories.retired} retired, ${s.memories.chunks} chunks, ${s.memories.embedded} embedded, ${s.memories.bytes} bytes), ` +
        `${s.skills.live} skills (${s.skills.retired} retired); ${s.tsConfig}; revision ${s.revision ?? "none"}`,
    );
  }
  return EXIT_OK;
}
