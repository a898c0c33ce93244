// Runs a zod schema over parsed data and turns issues into located problems:
// schema violations are errors, unknown keys are warnings.
import type { z } from "zod";
import { errorAt, type Problem, warningAt } from "../../core/problem.js";
import { formatPath, type Locator } from "./locate.js";
import { unknownKeys } from "./unknown-keys.js";

/** "is required" reads better than "expected string, received undefined". */
function requiredMessage(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.code === "invalid_type" && issue.input === undefined ? "is required" : undefined;
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
    for (const issue of parsed.error.issues) {
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
