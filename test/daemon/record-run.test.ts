// A run is a row in system_ops.runs; embedded, that is the agent's own brain — which exists only
// when the import step runs. Without it, no brain is opened just for the row.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Bootstrap } from "../../src/config/bootstrap.js";
import { createLogger } from "../../src/daemon/log.js";
import type { SyncOutcome } from "../../src/daemon/pipeline/outcome.js";
import type { Pipeline } from "../../src/daemon/pipeline/pipeline.js";
import { recordRun } from "../../src/daemon/record-run.js";

const outcome: SyncOutcome = { agent: "atlas", source: "soul", condition: "Ready", reason: "OK", message: "", changed: true, recloned: false, revision: "main@sha1:1" };

/** A pipeline whose embedded brains count their uses (and take the row). */
function pipeline(steps: Bootstrap["steps"]) {
  const used: string[] = [];
  const p = { boot: { steps } as Bootstrap, brains: { use: async (agent: string) => void used.push(agent) } } as unknown as Pipeline;
  return { p, used };
}

describe("recordRun on the embedded brain", () => {
  const log = createLogger({ stream: { write: () => true } as unknown as NodeJS.WritableStream, json: true });

  it("records an applied run in the agent's brain when the import step runs (default steps)", async () => {
    const { p, used } = pipeline(undefined);
    await recordRun(p, "h", outcome, "push", log);
    assert.deepEqual(used, ["atlas"]);
  });

  it("opens no brain when the bootstrap's steps leave import out", async () => {
    const { p, used } = pipeline(["render", "service"]);
    await recordRun(p, "h", outcome, "push", log);
    assert.deepEqual(used, []);
  });
});
