// The host-side allowlist: one fingerprint a line, `#` comments (parse is pure; read reads the file).
import { readFile } from "node:fs/promises";
import { environmentError, inputError } from "../core/errors.js";

/** Fingerprints from allowlist text; a malformed line is an input error naming its line. */
export function parseAllowlist(text: string, file = "allowlist"): Set<string> {
  const out = new Set<string>();
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") return;
    const fp = line.split(/\s+/)[0] as string;
    if (!/^[0-9a-f]{24}$/.test(fp)) {
      throw inputError("E_ALLOWLIST", `${file}:${i + 1}: not a fingerprint (24 hex digits): ${fp.slice(0, 40)}`, { file, line: i + 1 });
    }
    out.add(fp);
  });
  return out;
}

/** Reads the allowlist file named by `--allowlist` or bootstrap `secrets_allowlist`. */
export async function readAllowlist(path: string): Promise<Set<string>> {
  const text = await readFile(path, "utf8").catch((e: NodeJS.ErrnoException) => {
    throw environmentError("E_ALLOWLIST_READ", `cannot read allowlist ${path}: ${e.code ?? e.message}`, { path });
  });
  return parseAllowlist(text, path);
}
