// Test-only fault injection: with SOULSYNC_TEST_PAUSE_AT=<step>[#<n>][,<step>[#<n>]…] the process
// stops itself (SIGSTOP) at the n-th (default first) start of <step>, after printing one line
// "soulsync-test-pause <step>#<n> pid <pid>" on stderr, so an end-to-end test can SIGKILL it at
// exactly that point instead of guessing with timers. Unset (always, outside tests) it does nothing.
import { writeSync } from "node:fs";

const reached = new Map<string, number>();

/** Stops this process here when SOULSYNC_TEST_PAUSE_AT names `step` (and this is its n-th start). */
export function testPause(step: string): void {
  const at = process.env.SOULSYNC_TEST_PAUSE_AT;
  if (!at) return;
  const n = (reached.get(step) ?? 0) + 1;
  reached.set(step, n);
  for (const want of at.split(",")) {
    const [name, nth] = want.trim().split("#");
    if (name !== step || Number(nth ?? "1") !== n) continue;
    // Synchronous, so the line is out before the stop.
    writeSync(2, `soulsync-test-pause ${step}#${n} pid ${process.pid}\n`);
    process.kill(process.pid, "SIGSTOP");
  }
}
