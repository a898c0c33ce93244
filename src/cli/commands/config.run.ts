// The body of `soulsync config check`, loaded only when the command runs.
import { loadHostConfig } from "../../config/check.js";
import { toReport } from "../../core/problem.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import { type Output, printReport, reportJson } from "../output.js";

export async function runConfigCheck(o: Output, dir: string, json: boolean): Promise<number> {
  const { problems } = await loadHostConfig(dir);
  const report = toReport(problems);
  if (json) o.json(reportJson(report));
  else printReport(o, report, dir);
  return report.ok ? EXIT_OK : EXIT_FAILED;
}
