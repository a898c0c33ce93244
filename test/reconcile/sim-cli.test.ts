// The sim driver through the real CLI: the quick start (embedded defaults on examples/host),
// plan --json shape, apply, an empty plan afterwards, the outcome record and a config change → restart.
import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";

const env = { SOULSYNC_CONFIG: "", SOULSYNC_STATE_DIR: "", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "" };
const clean = (cwd: string) => ({ cwd, env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== "")) });

function quickStartDir(): string {
  const cwd = tmpDir("soulsync-quick-");
  cpSync(join(ROOT, "examples/host"), join(cwd, "examples/host"), { recursive: true });
  return cwd;
}

test("quick start: plan, apply --yes, plan is empty, outcome recorded", () => {
  const cwd = quickStartDir();
  const opts = clean(cwd);
  // The embedded default bootstrap must not reach for /usr/local/etc when no config exists.
  const r1 = soulsync(["plan", "--json"], opts);
  assert.equal(r1.status, 0, r1.stderr);
  const plan = JSON.parse(r1.stdout);
  assert.equal(plan.version, 1);
  const first = plan.actions[0];
  assert.deepEqual(first, { step: "network", kind: "bridge.create", summary: "create bridge warden0", argv: ["ifconfig", "bridge", "create", "name", "warden0"] });
  const pfWrite = plan.actions.find((a: { kind: string }) => a.kind === "file.write");
  assert.equal(pfWrite.path, "/etc/pf.warden.conf");
  assert.match(pfWrite.hash, /^sha256:[0-9a-f]{64}$/);
  assert.equal(pfWrite.argv, undefined);
  assert.ok(plan.actions.some((a: { argv?: string[] }) => a.argv?.join(" ") === "bastille create -B -g 10.0.1.1 atlasgit 14.3-RELEASE 10.0.1.2/24 warden0"));
  assert.ok(plan.actions.some((a: { sql?: string }) => a.sql === 'CREATE DATABASE "mevy_system_brain" OWNER "mevy"'));
  assert.deepEqual(
    [...new Set(plan.actions.map((a: { step: string }) => a.step))],
    ["network", "pf", "jails", "database", "service"],
  );

  const r2 = soulsync(["apply", "--yes"], opts);
  assert.equal(r2.status, 0, r2.stdout + r2.stderr);
  assert.match(r2.stdout, /Applied \d+ actions\./);

  const r3 = soulsync(["plan", "--json"], opts);
  assert.deepEqual(JSON.parse(r3.stdout).actions, []);
  const r4 = soulsync(["apply", "--yes", "--json"], opts);
  const outcome = JSON.parse(r4.stdout);
  assert.equal(outcome.ok, true);
  assert.deepEqual(outcome.applied, []);
  const recorded = JSON.parse(readFileSync(join(cwd, ".soulsync/reconcile/last-apply.json"), "utf8"));
  assert.equal(recorded.driver, "sim");
  assert.deepEqual(recorded.steps, ["network", "pf", "jails", "database", "service"]);
  const inv = JSON.parse(readFileSync(join(cwd, ".soulsync/inventory.json"), "utf8"));
  assert.ok(inv.items.some((i: { kind: string; id: string }) => i.kind === "jail" && i.id === "atlasollama"));

  // A changed .env rewrites the project .env and restarts only that agent.
  const envPath = join(cwd, "examples/host/agents/mevy.env");
  writeFileSync(envPath, readFileSync(envPath, "utf8").replace("ASSISTANT_LOCALE=de-DE", "ASSISTANT_LOCALE=de-AT"));
  const r5 = JSON.parse(soulsync(["plan", "--json"], opts).stdout);
  assert.deepEqual(
    r5.actions.map((a: { kind: string; path?: string; argv?: string[] }) => a.path ?? a.argv?.join(" ")),
    ["/usr/local/etc/rc.d/mevy", "/home/mevy/clawdie/.env", "service mevy restart"],
  );
  assert.equal(soulsync(["apply", "--yes"], opts).status, 0);
  const state = JSON.parse(readFileSync(join(cwd, ".soulsync/sim/state.json"), "utf8"));
  assert.equal(state.services.mevy.starts, 2);
  assert.equal(state.services.atlas.starts, 1);
});

test("apply without --yes off a terminal refuses (exit 2) and changes nothing", () => {
  const cwd = quickStartDir();
  const r = soulsync(["apply"], clean(cwd));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /E_CONFIRM/);
  assert.equal(existsSync(join(cwd, ".soulsync")), false);
});

test("a failed step is named in the outcome and the exit status is 2", () => {
  const cwd = quickStartDir();
  const opts = clean(cwd);
  assert.equal(soulsync(["plan"], opts).status, 0); // creates the sim host
  const statePath = join(cwd, ".soulsync/sim/state.json");
  const s = JSON.parse(readFileSync(statePath, "utf8"));
  s.fail = ["bastille-create"];
  writeFileSync(statePath, JSON.stringify(s));
  const r = soulsync(["apply", "--yes", "--json"], opts);
  assert.equal(r.status, 2);
  const out = JSON.parse(r.stdout);
  assert.equal(out.ok, false);
  assert.equal(out.failedStep, "jails");
  assert.deepEqual(out.steps, ["network", "pf"]);
  const human = soulsync(["apply", "--yes"], opts);
  assert.match(human.stderr, /step jails failed, later steps not run/);
});

test("--help on config check, plan and apply shows examples", () => {
  for (const args of [["config", "check", "--help"], ["plan", "--help"], ["apply", "--help"]]) {
    const r = soulsync(args);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Examples:/);
  }
});
