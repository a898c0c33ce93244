// A Markdown file with front matter checked against a zod schema, located to file lines.
import type * as z from "zod";
import { errorAt, type Problem } from "../../core/problem.js";
import { parseFrontMatter } from "../frontmatter.js";
import { createLocator } from "./locate.js";
import { checkSchema } from "./schema-check.js";

export interface CheckedMarkdown<T> {
  data: T | undefined;
  body: string;
  problems: Problem[];
  /** File line and column of each top-level front-matter key. */
  keyLines: Map<string, { line: number; column: number }>;
}

export function checkMarkdown<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  code: string,
): CheckedMarkdown<z.infer<S>> {
  const fm = parseFrontMatter(text, true);
  const problems = fm.problems.map((p) => errorAt(file, p.code, p.message, p.line, p.column));
  if (!fm.data) return { data: undefined, body: fm.body, problems, keyLines: fm.keyLines };
  // The raw front matter starts on file line 2, so the locator's line 1 is file line 2.
  const raw = text.replace(/\r\n/g, "\n").split("\n").slice(1, fm.bodyLine - 2).join("\n");
  const checked = checkSchema(schema, fm.data, file, createLocator(raw, 1), code);
  return { data: checked.data, body: fm.body, problems: [...problems, ...checked.problems], keyLines: fm.keyLines };
}
