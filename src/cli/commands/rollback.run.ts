// The body of `soulsync rollback`, loaded only when the command runs.
import { loadBootstrap } from "../../config/bootstrap.js";
import { SoulsyncError } from "../../core/errors.js";
import type { SyncOutcome } from "../../daemon/pipeline/outcome.js";
import { askDaemon } from "../../daemon/socket.js";
import type { RollbackResult } from "../../git/rollback.js";
import { EXIT_OK, EXIT_USAGE } from "../exit.js";
import type { Output } from "../output.js";
import type { RollbackOptions } from "./rollback.js";

type Answer = { ok: boolean; rollback?: RollbackResult; outcome?: SyncOutcome; error?: { code: string; message: string; kind?: string } };

/** Republishes a kept snapshot, then the agent's run follows it (import, render, service) — by the daemon when one runs. */
export async function runRollback(o: Output, opts: RollbackOptions): Promise<number> {
  const bootstrap = await loadBootstrap(opts.config);
  let r: RollbackResult;
  let failed: SyncOutcome | undefined;
  const viaDaemon = await askDaemon<Answer>(bootstrap.state_dir, { op: "rollback", agent: opts.agent, to: opts.to });
  if (viaDaemon) {
    if (!viaDaemon.ok || !viaDaemon.rollback) {
      const e = viaDaemon.error ?? { code: "E_DAEMON", message: "the daemon refused" };
      throw new SoulsyncError(e.code, e.message, { kind: (e.kind as "input") ?? "input" });
    }
    r = viaDaemon.rollback;
    failed = viaDaemon.outcome?.condition === "Stalled" ? viaDaemon.outcome : undefined;
  } else {
    const { rollbackSource } = await import("../../git/rollback.js");
    const { runPass } = await import("../../daemon/pass.js");
    r = await rollbackSource({ bootstrap, agent: opts.agent, to: opts.to });
    const pass = await runPass({ bootstrap, agent: opts.agent, trigger: "rollback" });
    failed = pass.sources.outcomes.find((s) => s.condition === "Stalled" && (s.agent === opts.agent || s.agent.startsWith("_")));
  }
  const ok = !failed;
  if (opts.json) o.json({ ok, ...r, steps: failed ? { code: failed.reason, message: failed.message } : null });
  else {
    o.out(`${r.agent}/${r.source}: published ${r.revision}${r.from ? ` (was ${r.from})` : ""}; held until a new revision arrives`);
    if (failed) o.err(`${o.colors.red("error")} ${failed.reason}: ${failed.message}`);
  }
  return ok ? EXIT_OK : EXIT_USAGE;
}
