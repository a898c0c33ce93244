// The sim driver: the same actions applied to a host kept in a directory — the simulated
// tools run in process on state.json, and files land under <dir>/root.
import { rm } from "node:fs/promises";
import type { DbAdmin } from "../../../brain/admin/admin.js";
import { SoulsyncError } from "../../../core/errors.js";
import { formatArgv, type RunResult } from "../../../exec/run.js";
import { readFileIfExists, underRoot, writeFileAtomic } from "../files.js";
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
      if (r.exitCode !== 0) {
        throw new SoulsyncError("E_CMD_FAILED", `${formatArgv(argv)} exited ${r.exitCode}: ${r.stderr.trim().split("\n").slice(-5).join("\n")}`, {
          kind: "environment",
          data: { argv, exitCode: r.exitCode, stderr: r.stderr },
        });
      }
      return r;
    },
    readFile: (path) => readFileIfExists(underRoot(root, path)),
    async writeFile(path, content, mode) {
      mutations++;
      await writeFileAtomic(underRoot(root, path), content, mode);
    },
    async removeFile(path) {
      mutations++;
      await rm(underRoot(root, path), { force: true });
    },
    db,
    get mutations() {
      return mutations;
    },
    close: () => db.close(),
  };
}
