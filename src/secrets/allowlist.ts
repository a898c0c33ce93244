// The host-side allowlist: one fingerprint a line, `#` comments (parse is pure; read reads the file).
import { inputError } from "../core/errors.js";
import { decodeText } from "../soul/validate/text.js";
import { FILE_LIMITS } from "../untrusted/limits.js";
import { readUntrusted } from "../untrusted/read-file.js";
import { refusalError } from "../untrusted/refusal.js";

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
  const read = await readUntrusted(path, { maxBytes: FILE_LIMITS.allowlist });
  if (!read.ok) throw refusalError(`allowlist ${path}`, read, "E_ALLOWLIST_READ");
  const text = decodeText(read.data);
  if (!text.ok) throw inputError("E_ALLOWLIST", `${path}:${text.line}: ${text.message}`, { file: path, line: text.line });
  return parseAllowlist(text.text, path);
}
