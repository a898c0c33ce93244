// The whole pipeline from the command line, on the sim driver and the embedded brain:
// push to a soul repo, sync, and see what the operator would see.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT, soulsync } from "../helpers/cli.js";
import { git } from "../helpers/git.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";

interface StepsJson {
  ran: string[];
  ok: boolean;
  applied: Array<{ step: string; kind: string }>;
}
interface SyncJson {
  ok: boolean;
  sources: Array<{ agent: string; condition: string; reason: string; changed?: boolean }>;
  host: StepsJson | null;
  service: StepsJson | null;
}

/** A soul origin (bare repo) seeded from examples/souls/atlas, and a working clone to push from. */
function soulOrigin(root: string): { bare: string; work: string } {
  const work = join(root, "work");
  cpSync(join(ROOT, "examples/souls/atlas"), work, { recursive: true });
  git(work, "init", "--quiet", "--initial-branch=main");
  git(work, "add", "--all");
  git(work, "commit", "--quiet", "-m", "atlas soul");
  const bare = join(root, "atlas-soul.git");
  execFileSync("git", ["clone", "--quiet", "--bare", work, bare]);
  git(work, "remote", "add", "origin", bare);
  return { bare, work };
}

function push(work: string, files: Record<string, string>, message: string): void {
  writeTree(work, files);
  git(work, "add", "--all");
  git(work, "commit", "--quiet", "-m", message);
  git(work, "push", "--quiet", "origin", "main");
}

describe("soulsync sync: the whole pipeline", () => {
  const root = tmpDir("soulsync-pass-");
  const { bare, work } = soulOrigin(root);
  writeTree(join(root, "host"), {
    "host.yaml": [
      "version: 1",
      "agents:",
      "  - name: atlas",
      `    soul: { url: ${JSON.stringify(bare)}, ref: { branch: main } }`,
      "    harnesses: [pi, codex, claude-code]",
      "    brain: { memories: curated, skills: all, user_context: false }",
      "",
    ].join("\n"),
    "agents/atlas.env": readFileSync(join(ROOT, "examples/host/agents/atlas.env"), "utf8"),
  });
  const config = join(root, "soulsync.yaml");
  writeFileSync(config, "host_repo: { path: host }\nstate_dir: state\nsecrets_dir: secrets\ndriver: sim\n");
  const home = join(root, "state/sim/root/home/atlas");
  const sync = () => {
    const r = soulsync(["sync", "--config", config, "--json"]);
    return { status: r.status, json: JSON.parse(r.stdout) as SyncJson, stderr: r.stderr };
  };
  const kinds = (s: StepsJson | null) => (s?.applied ?? []).map((a) => a.kind);

  it("first pass: reconciles the host, imports the brain, renders harnesses, starts the service", () => {
    const r = sync();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.json.sources[0]?.condition, "Ready");
    assert.deepEqual(r.json.host?.ran, ["network", "pf", "jails", "database"]);
    assert.ok(kinds(r.json.host).includes("bridge.create"), kinds(r.json.host).join(" "));
    assert.ok(kinds(r.json.service).includes("service.start"), kinds(r.json.service).join(" "));
    assert.match(readFileSync(join(home, ".codex/AGENTS.md"), "utf8"), /^Provenance: rendered by soulsync/);
    assert.ok(existsSync(join(home, ".claude/CLAUDE.md")));
    assert.ok(!existsSync(join(home, ".hermes")), "only the harnesses host.yaml names");
    assert.match(readFileSync(join(home, "clawdie/.env"), "utf8"), /^SOULSYNC_SOUL_COMMIT=[0-9a-f]{40}$/m);
    const stats = soulsync(["brain", "stats", "--agent", "atlas", "--config", config, "--json"]);
    assert.equal(stats.status, 0, stats.stderr);
    const agent = (JSON.parse(stats.stdout) as { agents: Array<{ memories: { live: number }; skills: { live: number }; revision: string }> }).agents[0];
    assert.equal(agent?.memories.live, 8);
    assert.equal(agent?.skills.live, 4);
    assert.match(agent?.revision ?? "", /^main@sha1:/);
  });

  it("second pass: nothing to do, no command issued", () => {
    const r = sync();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.json.host, null);
    assert.equal(r.json.service, null);
    assert.equal(r.json.sources[0]?.changed, false);
  });

  it("plan agrees with sync: the host it left needs nothing", () => {
    const r = soulsync(["plan", "--config", config, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { actions: unknown[] }).actions, []);
  });

  it("a soul-only change re-imports, re-renders and restarts the service, and touches nothing else", () => {
    push(work, { "SOUL.md": `${readFileSync(join(work, "SOUL.md"), "utf8")}\n## New habit\n\nWrites a change log entry for every change.\n` }, "soul: new habit");
    const r = sync();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.json.host, null, "network, pf, jails and database did not run");
    assert.deepEqual(kinds(r.json.service), ["file.write", "service.restart"]);
    assert.match(readFileSync(join(home, ".codex/AGENTS.md"), "utf8"), /Writes a change log entry/);
  });

  it("a revision carrying a secret is refused: the last good soul stays live, the service is not restarted", () => {
    const before = readFileSync(join(home, ".codex/AGENTS.md"), "utf8");
    const key = ["sk-ant-api03-", "Qm9ndXNLZXlGb3JUZXN0aW5nT25seQ".repeat(3), "AA"].join("");
    push(work, { "memories/curated/oops.md": `---\ntitle: Oops\ntopics: []\nimportance: 1\ncreated: 2026-11-01\n---\n\nANTHROPIC_API_KEY=${key}\n` }, "oops");
    const r = sync();
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.json.sources[0]?.condition, "Stalled");
    assert.equal(r.json.sources[0]?.reason, "E_SECRET");
    assert.equal(r.json.service, null);
    assert.equal(readFileSync(join(home, ".codex/AGENTS.md"), "utf8"), before);
  });
});

describe("soulsync sync: a soul that publishes but cannot be rendered", () => {
  it("is Stalled on its render step and does not restart the agent on the half-applied soul", () => {
    const root = tmpDir("soulsync-stall-");
    const { bare, work } = soulOrigin(root);
    writeTree(join(root, "host"), {
      "host.yaml": `version: 1\nagents:\n  - name: atlas\n    soul: { url: ${JSON.stringify(bare)} }\n    harnesses: [hermes]\n    brain: { memories: none, skills: none }\n`,
      "agents/atlas.env": readFileSync(join(ROOT, "examples/host/agents/atlas.env"), "utf8"),
    });
    const config = join(root, "soulsync.yaml");
    writeFileSync(config, "host_repo: { path: host }\nstate_dir: state\nsecrets_dir: secrets\ndriver: sim\nsteps: [render, service]\n");
    const env = join(root, "state/sim/root/home/atlas/clawdie/.env");
    assert.equal(soulsync(["sync", "--config", config]).status, 0);
    const served = readFileSync(env, "utf8");
    // Valid for validate (budgets only warn) but over Hermes' 20,000-character SOUL.md cap, which render refuses.
    const prose = "Atlas keeps notes short and checks every change twice before it is applied. ".repeat(600);
    push(work, { "SOUL.md": `# Atlas\n\n${prose}\n` }, "too long for hermes");
    const r = soulsync(["sync", "--config", config, "--json"]);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as SyncJson;
    assert.equal(out.sources[0]?.condition, "Stalled");
    assert.equal(out.sources[0]?.reason, "E_STEP_FAILED");
    assert.equal(out.service, null, "the service is not restarted");
    assert.equal(readFileSync(env, "utf8"), served);
  });
});

describe("soulsync rollback: the pipeline follows", () => {
  it("re-renders the kept soul and restarts the service on it", () => {
    const root = tmpDir("soulsync-rollback-");
    const { bare, work } = soulOrigin(root);
    writeTree(join(root, "host"), {
      "host.yaml": `version: 1\nagents:\n  - name: atlas\n    soul: { url: ${JSON.stringify(bare)} }\n    harnesses: [codex]\n    brain: { memories: none, skills: none }\n`,
      "agents/atlas.env": readFileSync(join(ROOT, "examples/host/agents/atlas.env"), "utf8"),
    });
    const config = join(root, "soulsync.yaml");
    writeFileSync(config, "host_repo: { path: host }\nstate_dir: state\nsecrets_dir: secrets\ndriver: sim\nsteps: [import, render, service]\n");
    const codex = join(root, "state/sim/root/home/atlas/.codex/AGENTS.md");
    const env = join(root, "state/sim/root/home/atlas/clawdie/.env");
    assert.equal(soulsync(["sync", "--config", config]).status, 0);
    const first = readFileSync(env, "utf8").match(/SOULSYNC_SOUL_COMMIT=(.+)/)?.[1];
    push(work, { "SOUL.md": "# Atlas\n\nA rewritten soul.\n" }, "rewrite");
    assert.equal(soulsync(["sync", "--config", config]).status, 0);
    assert.match(readFileSync(codex, "utf8"), /A rewritten soul/);

    const r = soulsync(["rollback", "--agent", "atlas", "--config", config, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(readFileSync(codex, "utf8"), /A rewritten soul/);
    assert.equal(readFileSync(env, "utf8").match(/SOULSYNC_SOUL_COMMIT=(.+)/)?.[1], first);
  });
});

describe("soulsync sync on the sim driver: harness versions come from the simulated host", () => {
  it("asks the pi in the simulated root, never the one on this machine's PATH", () => {
    const root = tmpDir("soulsync-host-bin-");
    const { bare } = soulOrigin(root);
    writeTree(join(root, "host"), {
      "host.yaml": `version: 1\nagents:\n  - name: atlas\n    soul: { url: ${JSON.stringify(bare)} }\n    harnesses: [pi]\n    brain: { memories: none, skills: none }\n`,
      "agents/atlas.env": readFileSync(join(ROOT, "examples/host/agents/atlas.env"), "utf8"),
    });
    const config = join(root, "soulsync.yaml");
    writeFileSync(config, "host_repo: { path: host }\nstate_dir: state\nsecrets_dir: secrets\ndriver: sim\nsteps: [render]\n");
    // One pi on this machine's PATH, one installed on the simulated host; each notes that it was asked.
    const fakePi = (dir: string, version: string, mark: string) => {
      writeTree(dir, { pi: `#!/bin/sh\necho ${mark} >> ${JSON.stringify(join(root, "asked"))}\necho "pi ${version}"\n` });
      chmodSync(join(dir, "pi"), 0o755);
    };
    fakePi(join(root, "machine-bin"), "0.50.0", "machine");
    fakePi(join(root, "state/sim/root/usr/local/bin"), "0.73.1", "host");
    const r = soulsync(["sync", "--config", config], { env: { PATH: `${join(root, "machine-bin")}:${process.env.PATH}` } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(root, "asked"), "utf8"), "host\n");
    const manifest = JSON.parse(readFileSync(join(root, "state/sim/root/home/atlas/.soulsync-render.json"), "utf8")) as { versions: { pi: { version: string; from: string } } };
    assert.deepEqual([manifest.versions.pi.version, manifest.versions.pi.from], ["0.73.1", "detected"]);
  });
});
