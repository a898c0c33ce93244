// The body of `soulsync config check`, loaded only when the command runs.
import { stat } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { loadHostConfig } from "../../config/check.js";
import { usageError } from "../../core/errors.js";
import { toReport } from "../../core/problem.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import { type Output, printReport, reportJson } from "../output.js";

/** The host repo a path names: the directory itself, or the folder of a host.yaml given as a file. */
export async function hostDirOfPath(path: string): Promise<string> {
  const s = await stat(path).catch(() => undefined);
  if (!s?.isFile()) return path;
  if (basename(path) !== "host.yaml") throw usageError("E_USAGE", `${path}: config check takes a host repo directory or its host.yaml`, { path });
  return dirname(path);
}

export async function runConfigCheck(o: Output, path: string, json: boolean): Promise<number> {
  const dir = await hostDirOfPath(path);
  const { problems } = await loadHostConfig(dir);
  const report = toReport(problems);
  if (json) o.json(reportJson(report));
  else printReport(o, report, dir);
  return report.ok ? EXIT_OK : EXIT_FAILED;
}
