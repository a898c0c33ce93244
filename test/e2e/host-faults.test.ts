// Host steps that fail on the sim host (its own failure injection, src/reconcile/drivers/sim):
// the pf check and a jail creation. Later steps are not run, the last good soul stays served,
// the outcome names the step, and once the host is fixed the next push recovers without
// --force. And a rendered file an operator edited: sync stops on it, sync --force backs it up.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { makeWorld, rev } from "./helpers/world.js";

const w = makeWorld({ agents: { atlas: {} } });
const soul = () => readFileSync(join(w.work.atlas, "SOUL.md"), "utf8");

interface StepsJson {
  ok: boolean;
  failedStep?: string;
  ran: string[];
}

describe("host faults", () => {
  test("first sync", async () => {
    assert.equal((await w.sync()).status, 0);
  });

  const faults: Array<{ fault: string; step: string; change: () => void }> = [
    // A new managed pf file: the pf step must write and check it, and the check fails.
    { fault: "pfctl-check", step: "pf", change: () => w.setHost({ pf: { mode: "include", file: "/etc/pf.soulsync.conf", conf: "/etc/pf.conf" } }) },
    // A new CMS jail (name and address): the jails step must create it, and bastille create fails.
    {
      fault: "bastille-create",
      step: "jails",
      change: () => {
        w.setEnv("atlas", "CMS_JAIL_NAME", "atlascms2");
        w.setEnv("atlas", "WARDEN_CMS_IP", "10.0.1.13");
      },
    },
  ];
  for (const { fault, step, change } of faults) {
    test(`${step}: ${fault} fails — later steps not run, last good served, the step named; fixed, the next push recovers without --force`, async () => {
      const good = w.published("atlas")!;
      const starts = w.sim().services.atlas?.starts;
      w.setSimFaults([fault]);
      change();
      w.push("atlas", { "SOUL.md": `${soul()}\nPushed while the host ${step} step fails.\n` });
      const r = await w.sync();
      assert.equal(r.status, 2, r.stdout);
      const host = r.json?.host as StepsJson;
      assert.equal(host.ok, false);
      assert.equal(host.failedStep, step, JSON.stringify(host));
      assert.equal(r.json?.service, null, "the service step did not run");
      assert.equal(w.served("atlas"), rev("main", good), "the agent still runs the last good soul");
      assert.equal(w.sim().services.atlas?.starts, starts, "the agent was not restarted");

      w.setSimFaults([]);
      const fix = w.push("atlas", { "SOUL.md": `${soul()}\nThe host is fixed.\n` });
      const back = await w.sync();
      assert.equal(back.status, 0, back.stdout);
      assert.equal((back.json?.host as StepsJson).ok, true);
      assert.ok((back.json?.host as StepsJson).ran.includes(step), `${step} ran again`);
      assert.equal(w.published("atlas"), fix);
      assert.equal(w.served("atlas"), rev("main", fix));
    });
  }

  test("a rendered file edited by hand: sync stops on it (E_RENDER_MODIFIED), sync --force backs it up and clears it", async () => {
    const agents = join(w.home("atlas"), ".codex/AGENTS.md");
    writeFileSync(agents, `${readFileSync(agents, "utf8")}\nEdited by hand on the host.\n`);
    const c = w.push("atlas", { "SOUL.md": `${soul()}\nAfter the hand edit.\n` });
    const r = await w.sync();
    assert.notEqual(r.status, 0);
    const s = w.source("atlas");
    assert.match(s.message, /E_RENDER_MODIFIED/);
    assert.equal(w.served("atlas") === rev("main", c), false, "the agent is not restarted on a half-rendered soul");

    const again = await w.sync();
    assert.notEqual(again.status, 0, "without --force it stays stopped: a human edit is not overwritten");
    const forced = await w.sync(["--force"]);
    assert.equal(forced.status, 0, forced.stdout);
    assert.match(readFileSync(agents, "utf8"), /After the hand edit/);
    const backups = readdirSync(join(w.home("atlas"), ".codex")).filter((n) => n.includes(".soulsync-backup-"));
    assert.equal(backups.length, 1, "the hand edit is kept beside it");
    assert.match(readFileSync(join(w.home("atlas"), ".codex", backups[0]!), "utf8"), /Edited by hand/);
    assert.equal(w.served("atlas"), rev("main", c));
    assert.equal((await w.sync()).status, 0, "and the next plain sync is clean");
    assert.ok(existsSync(agents));
  });
});
