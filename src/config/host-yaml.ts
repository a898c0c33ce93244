// Parses host.yaml into a HostSpec, reporting every YAML and schema problem at its line (pure).
import { isNode } from "yaml";
import { errorAt, type Problem } from "../core/problem.js";
import { parseYamlStrict } from "../untrusted/yaml.js";
import { type HostSpec, hostSpec } from "./schema/host.js";

export interface ParsedHostYaml {
  problems: Problem[];
  spec?: HostSpec;
  /** The line of a path in the document (0 when absent), for later cross-file rules. */
  lineOf(path: (string | number)[]): number;
}

/** `file` names the file in problems (relative to the host repo). */
export function parseHostYaml(text: string, file = "host.yaml"): ParsedHostYaml {
  const { value, issues, doc, lineCounter: lc } = parseYamlStrict(text);
  const lineOf = (path: (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
    }
    return 0;
  };
  if (issues.length > 0) {
    return { problems: issues.map((i) => errorAt(file, "E_HOST_SYNTAX", i.message, i.line, i.column)), lineOf };
  }
  const parsed = hostSpec.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const path = i.path.filter((p): p is string | number => typeof p !== "symbol");
      return errorAt(file, "E_HOST_SCHEMA", `${path.join(".") || "(root)"}: ${i.message}`, lineOf(path), 1);
    });
    return { problems, lineOf };
  }
  return { problems: [], spec: parsed.data, lineOf };
}
