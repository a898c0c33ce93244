// Commit messages are scanned too (DESIGN §6): those between the last applied revision and the
// new one, or only the new commit's on a first sync or when the old one is gone (force-push, re-clone).
import type { ScanInput } from "../secrets/api.js";
import { git } from "./git-run.js";

/** At most this many messages per new revision. */
export const MESSAGE_LIMIT = 500;

/** Reads the messages of `from..to` (or just `to`) from the mirror as scanner inputs named `commit:<sha>`. */
export async function readCommitMessages(mirror: string, from: string | undefined, to: string): Promise<ScanInput[]> {
  const range = from && from !== to ? [`${from}..${to}`] : ["-1", to];
  let r = await git(["log", `--max-count=${MESSAGE_LIMIT}`, "--format=%H%x00%B%x1e", ...range, "--"], { gitDir: mirror, reject: false });
  if (r.exitCode !== 0 && range.length === 1) {
    r = await git(["log", "-1", "--format=%H%x00%B%x1e", to, "--"], { gitDir: mirror });
  }
  return parseLog(r.stdout);
}

/** Splits `%H%x00%B%x1e` records (pure). */
export function parseLog(stdout: string): ScanInput[] {
  const out: ScanInput[] = [];
  for (const record of stdout.split("\x1e")) {
    const i = record.indexOf("\0");
    if (i < 0) continue;
    const sha = record.slice(0, i).trim();
    if (!/^[0-9a-f]{40}$/.test(sha)) continue;
    out.push({ path: `commit:${sha}`, data: Buffer.from(record.slice(i + 1).replace(/^\n/, "")) });
  }
  return out;
}
