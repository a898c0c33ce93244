// Human and JSON output. Colour only on a terminal; NO_COLOR and TERM=dumb turn it off.
import pc from "picocolors";
import type { Problem, ProblemReport } from "../core/problem.js";

export interface Output {
  out(text: string): void;
  err(text: string): void;
  json(value: unknown): void;
  colors: ReturnType<typeof pc.createColors>;
}

export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if ("NO_COLOR" in env && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

export function createOutput(): Output {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    colors: pc.createColors(useColor(process.stdout)),
  };
}

/** `file:line:col: code message` — the line and column are 0 when unknown. */
export function formatProblem(p: Problem, c: Output["colors"], bareWholeFile = false): string {
  // With bareWholeFile (render), a problem about a whole file prints `file: code message`, not `file:0:0`.
  const where = bareWholeFile && p.line === 0 ? p.file : `${p.file}:${p.line}:${p.column}`;
  const code = p.severity === "error" ? c.red(p.code) : c.yellow(p.code);
  return `${c.bold(where)}: ${code} ${p.message}`;
}

/** Prints a report: one line a problem, then a one-line summary on stderr. */
export function printReport(o: Output, report: ProblemReport, what: string): void {
  for (const p of [...report.errors, ...report.warnings]) o.out(formatProblem(p, o.colors));
  const e = report.errors.length;
  const w = report.warnings.length;
  const summary = `${what}: ${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}`;
  o.err(e === 0 ? o.colors.green(summary) : o.colors.red(summary));
}

/** Problems without the internal `severity` field, as `--json` documents them. */
export function reportJson(report: ProblemReport): unknown {
  const strip = ({ file, line, column, code, message }: Problem) => ({
    file,
    line,
    column,
    code,
    message,
  });
  return { ok: report.ok, errors: report.errors.map(strip), warnings: report.warnings.map(strip) };
}
