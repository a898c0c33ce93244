// The body of `soulsync promote`, loaded only when the command runs.
import { isSoulsyncError } from "../../core/errors.js";
import { type Problem, toReport } from "../../core/problem.js";
import { promote } from "../../git/promote.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import { type Output, printReport, reportJson } from "../output.js";
import type { PromoteOptions } from "./promote.js";

export async function runPromote(o: Output, version: string, opts: PromoteOptions): Promise<number> {
  try {
    const r = await promote({ ...opts, version });
    if (opts.json) o.json({ ok: true, ...r, warnings: (reportJson(toReport(r.warnings)) as { warnings: unknown[] }).warnings });
    else o.out(`tagged ${r.commit.slice(0, 12)} as ${r.tag}${r.signed ? " (signed)" : ""}${r.pushed ? `, pushed to ${opts.remote ?? "origin"}` : ""}${r.previous ? `; previous ${r.previous}` : ""}`);
    return EXIT_OK;
  } catch (e) {
    // A HEAD that does not validate is reported like `validate` does: every problem with file and line.
    if (isSoulsyncError(e) && e.code === "E_PROMOTE_INVALID" && Array.isArray(e.data.problems)) {
      const report = toReport(e.data.problems as Problem[]);
      if (opts.json) o.json({ ...(reportJson(report) as object), ok: false, error: { code: e.code, message: e.message } });
      else {
        printReport(o, report, `${opts.repo} HEAD`);
        o.err(`error ${e.code}: ${e.message}`);
      }
      return EXIT_FAILED;
    }
    throw e;
  }
}
