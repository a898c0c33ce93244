// Reads host.yaml from a host repo directory into a typed HostSpec (throws on bad input).
// `soulsync config check` reports every problem with file, line and key; this is the quick path.
import { join } from "node:path";
import { inputError } from "../core/errors.js";
import { decodeText } from "../soul/validate/text.js";
import { FILE_LIMITS } from "../untrusted/limits.js";
import { readUntrusted } from "../untrusted/read-file.js";
import { refusalError } from "../untrusted/refusal.js";
import { parseHostYaml } from "./host-yaml.js";
import type { HostSpec } from "./schema/host.js";

/** host.yaml's text, read as untrusted input (a regular file inside the repo, within the cap). */
export async function readHostYamlText(hostDir: string): Promise<string> {
  const path = join(hostDir, "host.yaml");
  const read = await readUntrusted(path, { maxBytes: FILE_LIMITS.hostYaml, root: hostDir });
  if (!read.ok) throw refusalError(path, read, "E_HOST_READ");
  const text = decodeText(read.data);
  if (!text.ok) throw inputError("E_HOST_SYNTAX", `${path}:${text.line}:${text.column}: ${text.message}`, { path });
  return text.text;
}

export async function readHostSpec(hostDir: string): Promise<HostSpec> {
  const path = join(hostDir, "host.yaml");
  const parsed = parseHostYaml(await readHostYamlText(hostDir));
  const first = parsed.problems[0];
  if (!parsed.spec || first) {
    throw inputError(first?.code ?? "E_HOST_SCHEMA", `${path}:${first?.line ?? 0}:${first?.column ?? 0}: ${first?.message ?? "invalid"}`, {
      path,
      problems: parsed.problems,
    });
  }
  return parsed.spec;
}
