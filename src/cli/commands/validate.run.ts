// The body of `soulsync validate`, loaded only when the command runs.
import { toReport } from "../../core/problem.js";
import { secretProblems } from "../../secrets/tree.js";
import { loadSoul } from "../../soul/load.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import { type Output, printReport, reportJson } from "../output.js";
import { loadAllowlist } from "../../secrets/load-allowlist.js";
import type { ValidateOptions } from "./validate.js";

export async function runValidate(o: Output, dir: string, opts: ValidateOptions): Promise<number> {
  const source = opts.repo ? { repo: opts.repo, rev: opts.rev ?? "HEAD" } : { dir };
  const { problems, tree, soul } = await loadSoul(source);
  const allow = await loadAllowlist(undefined, undefined);
  const harness = soul ? (await import("../../harness/check.js")).checkSoulForHarnesses(soul) : [];
  const report = toReport([...problems, ...harness, ...secretProblems(tree, { allow })]);
  if (opts.json) o.json(reportJson(report));
  else printReport(o, report, tree.label);
  return report.ok ? EXIT_OK : EXIT_FAILED;
}
