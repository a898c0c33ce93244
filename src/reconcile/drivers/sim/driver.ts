// The sim driver: the same actions applied to a host kept in a directory — the simulated
// tools run in process on state.json, and files land under <dir>/root.
import type { DbAdmin } from "../../../brain/admin/admin.js";
import { commandFailed, type RunResult } from "../../../exec/run.js";
import { hostFiles } from "../files.js";
import type { Driver } from "../types.js";
import { loadSimState, rootOf } from "./state.js";
import { runSimTool } from "./tools/index.js";

/** A simulated host in `dir`; `db` is a real admin connection or simDb(dir). */
export function simDriver(dir: string, db: DbAdmin): Driver {
  loadSimState(dir);
  const root = rootOf(dir);
  let mutations = 0;
  const call = (argv: string[]): RunResult => ({ argv, ...runSimTool(dir, argv) });
  return {
    name: "sim",
    read: async (argv) => call(argv),
    async exec(argv) {
      mutations++;
      const r = call(argv);
      if (r.exitCode !== 0) throw commandFailed(argv, r.exitCode, r.stderr);
      return r;
    },
    ...hostFiles(root, () => mutations++),
    db,
    get mutations() {
      return mutations;
    },
    close: () => db.close(),
  };
}
