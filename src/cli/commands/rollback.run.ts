// The body of `soulsync rollback`, loaded only when the command runs.
import { loadBootstrap } from "../../config/bootstrap.js";
import { rollbackSource } from "../../git/rollback.js";
import { EXIT_OK } from "../exit.js";
import type { Output } from "../output.js";
import type { RollbackOptions } from "./rollback.js";

export async function runRollback(o: Output, opts: RollbackOptions): Promise<number> {
  const bootstrap = await loadBootstrap(opts.config);
  const r = await rollbackSource({ bootstrap, agent: opts.agent, to: opts.to });
  if (opts.json) o.json({ ok: true, ...r });
  else o.out(`${r.agent}/${r.source}: published ${r.revision}${r.from ? ` (was ${r.from})` : ""}; held until a new revision arrives`);
  return EXIT_OK;
}
