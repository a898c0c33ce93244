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
  const { problems, tree, soul } = await loadGatedSoul(source, { allow });
  // Budgets as the renderers count them, and text a harness would block, for the harnesses the manifest turns on.
  const harness = soul ? (await import("../../harness/check.js")).checkSoulForHarnesses(soul) : [];
  const report = toReport([...problems, ...harness]);
  if (opts.json) o.json(reportJson(report));
  else printReport(o, report, tree.label);
  return report.ok ? EXIT_OK : EXIT_FAILED;
}
