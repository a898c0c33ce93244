// What a driver gives the reconcile steps: one door for commands, one for files, one for the database.
import type { DbAdmin } from "../../brain/admin/admin.js";
import type { RunResult } from "../../exec/run.js";

export interface Driver {
  readonly name: "freebsd" | "sim";
  /** Runs a command that only reads the host (observation); never throws on a non-zero exit. */
  read(argv: string[]): Promise<RunResult>;
  /** Runs a command that changes the host; throws E_CMD_FAILED on a non-zero exit. */
  exec(argv: string[]): Promise<RunResult>;
  /** A host file's content, or undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** Writes a host file atomically (temp file + rename), creating parent directories. */
  writeFile(path: string, content: string, mode: number): Promise<void>;
  /** Removes a host file (used to restore "absent" after a failed step). */
  removeFile(path: string): Promise<void>;
  readonly db: DbAdmin;
  /** Mutating commands and writes issued so far (the bench counts these). */
  readonly mutations: number;
  close(): Promise<void>;
}
