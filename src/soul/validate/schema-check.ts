// Runs a zod schema over parsed data and turns issues into located problems:
// schema violations are errors, unknown keys are warnings.
import type * as z from "zod";
import { errorAt, type Problem, warningAt } from "../../core/problem.js";
import { formatPath, type Locator } from "./locate.js";
import { unknownKeys } from "./unknown-keys.js";

/** "is required" reads better than "expected string, received undefined". */
function requiredMessage(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.code === "invalid_type" && issue.input === undefined ? "is required" : undefined;
}

type Issue = z.core.$ZodIssue;

/**
 * A union that failed reports one vague issue; when one of its options got further into the
 * value (e.g. the list was right but its second item was not), report that option's issues.
 */
function preciseIssues(issue: Issue): Issue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const deepest = (list: Issue[]) => Math.max(0, ...list.map((i) => i.path.length));
  const best = [...issue.errors].sort((a, b) => deepest(b) - deepest(a))[0] ?? [];
  if (deepest(best) === 0) return [issue];
  return best.flatMap((i) => preciseIssues({ ...i, path: [...issue.path, ...i.path] } as Issue));
}

export function checkSchema<T extends z.ZodType>(
  schema: T,
  value: unknown,
  file: string,
  locator: Locator,
  code: string,
): { data: z.infer<T> | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const parsed = schema.safeParse(value, { error: requiredMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues.flatMap(preciseIssues)) {
      const at = locator.at(issue.path);
      problems.push(errorAt(file, code, `${formatPath(issue.path)}: ${issue.message}`, at.line, at.column));
    }
  }
  for (const path of unknownKeys(schema, value)) {
    const at = locator.keyAt(path);
    problems.push(warningAt(file, "W_UNKNOWN_KEY", `${formatPath(path)}: unknown key (ignored)`, at.line, at.column));
  }
  return { data: parsed.success ? parsed.data : undefined, problems };
}
