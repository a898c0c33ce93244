// Parses what git gives pre-/post-receive hooks on stdin: `<old> <new> <ref>` lines (untrusted).
import { inputError } from "../core/errors.js";

export interface RefUpdate {
  old: string;
  new: string;
  ref: string;
  /** The ref is new (old is all zeros). */
  created: boolean;
  /** The ref is deleted (new is all zeros). */
  deleted: boolean;
}

const OID = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
const isZero = (oid: string) => /^0+$/.test(oid);

/** One update per non-empty line; a malformed line is an input error naming its line. */
export function parseRefUpdates(text: string): RefUpdate[] {
  const out: RefUpdate[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const [old, next, ref, extra] = line.split(" ");
    if (!old || !next || !ref || extra !== undefined || !OID.test(old) || !OID.test(next) || !ref.startsWith("refs/")) {
      throw inputError("E_HOOK_INPUT", `stdin:${i + 1}: expected "<old> <new> <ref>"`, { line: i + 1 });
    }
    out.push({ old, new: next, ref, created: isZero(old), deleted: isZero(next) });
  });
  return out;
}
