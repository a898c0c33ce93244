// The polling trigger on node-cron with a per-second schedule: fires, jitter delays each fire by
// random() × jitter, and close() cancels a fire still waiting out its jitter.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { startPoll } from "../../src/daemon/triggers/poll.js";
import type { TriggerEvent } from "../../src/daemon/triggers/types.js";
import { capturedLogger } from "./helpers/http.js";

const EVERY_SECOND = "* * * * * *";

/** An onTrigger that records what it got. */
function recorder(events: TriggerEvent[]) {
  return async (e: TriggerEvent) => {
    events.push(e);
    return [];
  };
}

/** Polls (bounded) until `check` holds. */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  for (let waited = 0; !check() && waited < ms; waited += 25) await sleep(25);
}

describe("startPoll", () => {
  it("fires poll triggers on the schedule with zero jitter, and stops on close", async () => {
    const events: TriggerEvent[] = [];
    const p = startPoll({ schedule: EVERY_SECOND, jitterSeconds: 0, log: capturedLogger().log, onTrigger: recorder(events) });
    try {
      await until(() => events.length >= 2);
      assert.ok(events.length >= 2);
      assert.deepEqual(Object.keys(events[0] ?? {}).sort(), ["at", "kind"]);
      assert.equal(events[0]?.kind, "poll");
    } finally {
      p.close();
    }
    const n = events.length;
    await sleep(1500);
    assert.equal(events.length, n);
  });

  it("delays each fire by random() × jitter", async () => {
    const events: TriggerEvent[] = [];
    const logs = capturedLogger();
    let draws = 0;
    const p = startPoll({
      schedule: EVERY_SECOND,
      jitterSeconds: 2,
      random: () => {
        draws++;
        return 0.4;
      },
      log: logs.log,
      onTrigger: recorder(events),
    });
    try {
      await until(() => events.length >= 1);
    } finally {
      p.close();
    }
    const tick = logs.lines().find((l) => l.event === "poll" && typeof l.delayMs === "number");
    assert.equal(tick?.delayMs, 800);
    assert.ok(draws >= 1);
    assert.ok((events[0]?.at ?? 0) - (tick?.time as number) >= 790, "fired before its jitter was over");
  });

  it("close() cancels a fire still waiting out its jitter", async () => {
    const events: TriggerEvent[] = [];
    const logs = capturedLogger();
    const p = startPoll({ schedule: EVERY_SECOND, jitterSeconds: 3, random: () => 0.5, log: logs.log, onTrigger: recorder(events) });
    await until(() => logs.lines().some((l) => l.delayMs === 1500));
    p.close();
    await sleep(2000);
    assert.equal(events.length, 0);
  });

  it("refuses a schedule that is not cron", () => {
    assert.throws(() => startPoll({ schedule: "every 5 minutes", jitterSeconds: 0, log: capturedLogger().log, onTrigger: async () => [] }), { code: "E_POLL_SCHEDULE" });
  });
});
