// Real processes standing in for daemon(8)'s supervisor and child, named as ps(1) would show them.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after } from "node:test";
import { tmpDir } from "../tmp.js";

export interface Proc {
  pid: number;
  /** True once the process received SIGHUP (it keeps running). */
  gotHup(): boolean;
  alive(): boolean;
}

/** A node process whose argv[0] is `name`: it records SIGHUP in a file and lives until killed. */
export async function namedProcess(name: string): Promise<Proc> {
  const dir = tmpDir("soulsync-proc-");
  const mark = join(dir, "hup");
  const code = `process.on("SIGHUP", () => require("fs").writeFileSync(${JSON.stringify(mark)}, "1")); process.stdout.write("up\\n"); setInterval(() => {}, 1000);`;
  const child: ChildProcess = spawn(process.execPath, ["-e", code], { argv0: name, stdio: ["ignore", "pipe", "ignore"] });
  after(() => {
    child.kill("SIGKILL");
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("error", reject);
  });
  return {
    pid: child.pid!,
    gotHup: () => existsSync(mark) && readFileSync(mark, "utf8") === "1",
    alive: () => child.exitCode === null && child.signalCode === null,
  };
}
