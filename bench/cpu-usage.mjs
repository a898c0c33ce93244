// Preloaded into a soulsync process by render-cpu.bench.ts (node --import): on exit, prints the
// process's own CPU time (user + system, microseconds) to the file named in SOULSYNC_CPU_REPORT.
import { appendFileSync } from "node:fs";

const file = process.env.SOULSYNC_CPU_REPORT;
if (file) {
  process.on("exit", () => {
    const u = process.cpuUsage();
    appendFileSync(file, `${u.user + u.system}\n`);
  });
}
