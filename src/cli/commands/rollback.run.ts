// The body of `soulsync rollback`, loaded only when the command runs.
import { loadBootstrap } from "../../config/bootstrap.js";
import { runPass } from "../../daemon/pass.js";
import { rollbackSource } from "../../git/rollback.js";
import { EXIT_OK, EXIT_USAGE } from "../exit.js";
import type { Output } from "../output.js";
import type { RollbackOptions } from "./rollback.js";

/** Republishes a kept snapshot, then runs one pass so import, render and service follow it. */
export async function runRollback(o: Output, opts: RollbackOptions): Promise<number> {
  const bootstrap = await loadBootstrap(opts.config);
  const r = await rollbackSource({ bootstrap, agent: opts.agent, to: opts.to });
  const pass = await runPass({ bootstrap, agent: opts.agent });
  const failed = pass.sources.outcomes.find((s) => s.agent === opts.agent && s.condition === "Stalled");
  const ok = !failed && pass.ok;
  if (opts.json) o.json({ ok, ...r, steps: failed ? { code: failed.reason, message: failed.message } : null });
  else {
    o.out(`${r.agent}/${r.source}: published ${r.revision}${r.from ? ` (was ${r.from})` : ""}; held until a new revision arrives`);
    if (failed) o.err(`${o.colors.red("error")} ${failed.reason}: ${failed.message}`);
  }
  return ok ? EXIT_OK : EXIT_USAGE;
}
