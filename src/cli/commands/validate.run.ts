// The body of `soulsync validate`, loaded only when the command runs.
import { toReport } from "../../core/problem.js";
import { loadGatedSoul } from "../../soul/gate.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import { type Output, printReport, reportJson } from "../output.js";
import { loadAllowlist } from "../../secrets/load-allowlist.js";
import type { ValidateOptions } from "./validate.js";

export async function runValidate(o: Output, dir: string, opts: ValidateOptions): Promise<number> {
  const source = opts.repo ? { repo: opts.repo, rev: opts.rev ?? "HEAD" } : { dir };
  const allow = await loadAllowlist(undefined, undefined);
  const { problems, tree } = await loadGatedSoul(source, { allow });
  const report = toReport(problems);
  if (opts.json) o.json(reportJson(report));
  else printReport(o, report, tree.label);
  return report.ok ? EXIT_OK : EXIT_FAILED;
}
