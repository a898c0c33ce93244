// Where status lives. Behind a small interface so it can move into system_ops (PostgreSQL) later;
// today it is <state_dir>/status.json, written atomically (temp file + rename).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { environmentError } from "../../core/errors.js";
import type { StatusDoc } from "./types.js";

export interface StatusStore {
  read(): Promise<StatusDoc>;
  write(doc: StatusDoc): Promise<void>;
}

/** The status document as it stands (for `status`, rollback and plan). */
export function readStatus(stateDir: string): Promise<StatusDoc> {
  return fileStatusStore(stateDir).read();
}

/** An empty document (pure). */
export function emptyStatus(now: Date): StatusDoc {
  return { version: 1, updatedAt: now.toISOString(), sources: {} };
}

/** status.json in the state directory. */
export function fileStatusStore(stateDir: string): StatusStore {
  const path = join(stateDir, "status.json");
  return {
    async read() {
      const text = await readFile(path, "utf8").catch((e: NodeJS.ErrnoException) => {
        if (e.code === "ENOENT") return undefined;
        throw environmentError("E_STATUS_READ", `cannot read ${path}: ${e.code ?? e.message}`, { path });
      });
      if (text === undefined) return emptyStatus(new Date(0));
      try {
        const doc = JSON.parse(text) as StatusDoc;
        if (doc.version === 1 && doc.sources && typeof doc.sources === "object") return doc;
      } catch {
        // fall through: a damaged status file is rebuilt by the next run rather than blocking it
      }
      return emptyStatus(new Date(0));
    },
    async write(doc) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${randomBytes(4).toString("hex")}`;
      try {
        await writeFile(tmp, `${JSON.stringify(doc, null, 2)}\n`);
        await rename(tmp, path);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
    },
  };
}
