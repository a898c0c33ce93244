// config check: the example passes; a table of hostile host repos each fails with a clear
// error at file, line and key — and `apply` on them exits 1 with nothing applied.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadHostConfig } from "../../src/config/check.js";
import { soulsync } from "../helpers/cli.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { type AgentFixture, envText, hostYaml } from "../reconcile/helpers.js";

interface Hostile {
  name: string;
  agents: AgentFixture[];
  /** Files to write over the generated ones. */
  files?: Record<string, string | Uint8Array>;
  code: string;
  file: string;
  line: number;
  message?: RegExp;
}

const A: AgentFixture = { name: "atlas", base: "10.0.1" };
const M: AgentFixture = { name: "mevy", base: "192.168.72" };

const hostile: Hostile[] = [
  { name: "colliding subnets", agents: [A, { name: "mevy", base: "10.0.1" }], code: "E_SUBNET_COLLISION", file: "agents/mevy.env", line: 3, message: /already used by atlas/ },
  { name: "gateway not .1", agents: [{ ...A, env: { WARDEN_GATEWAY: "10.0.1.254" } }], code: "E_GATEWAY", file: "agents/atlas.env", line: 4, message: /must be 10\.0\.1\.1/ },
  { name: "IP outside the subnet", agents: [{ ...A, env: { WARDEN_GIT_IP: "10.0.2.2" } }], code: "E_IP_OUTSIDE_SUBNET", file: "agents/atlas.env", line: 6 },
  { name: "IP is the gateway", agents: [{ ...A, env: { WARDEN_CMS_IP: "10.0.1.1" } }], code: "E_IP_GATEWAY", file: "agents/atlas.env", line: 7 },
  { name: "two jails on one IP", agents: [{ ...A, env: { WARDEN_CMS_IP: "10.0.1.2" } }], code: "E_IP_COLLISION", file: "agents/atlas.env", line: 7 },
  { name: "duplicate jail names across agents", agents: [A, { ...M, env: { GIT_JAIL_NAME: "atlas-git" } }], code: "E_JAIL_NAME_COLLISION", file: "agents/mevy.env", line: 10 },
  {
    name: "a shared ollama jail with a different IP",
    agents: [{ ...A, env: { WARDEN_OLLAMA_IP: "10.0.1.4" } }, { ...M, env: { OLLAMA_JAIL_NAME: "atlas-ollama", WARDEN_OLLAMA_IP: "10.0.1.5" } }],
    code: "E_JAIL_NAME_COLLISION",
    file: "agents/mevy.env",
    line: 10,
  },
  { name: "non-UTF-8 SYSTEM_LOCALE", agents: [{ ...A, env: { SYSTEM_LOCALE: "sl_SI.ISO8859-2" } }], code: "E_LOCALE_NOT_UTF8", file: "agents/atlas.env", line: 8, message: /legacy encodings are refused/ },
  { name: "a DISPLAY_LOCALE that is not BCP 47", agents: [{ ...A, env: { DISPLAY_LOCALE: "sl_SI" } }], code: "E_LOCALE", file: "agents/atlas.env", line: 9 },
  { name: "a public subnet", agents: [{ name: "atlas", base: "8.8.8" }], code: "E_SUBNET_BASE", file: "agents/atlas.env", line: 3 },
  { name: "shell metacharacters in AGENT_NAME", agents: [{ ...A, env: { AGENT_NAME: "'atlas;reboot'" } }], code: "E_AGENT_NAME", file: "agents/atlas.env", line: 1 },
  { name: "SQL in AGENT_NAME", agents: [{ ...A, env: { AGENT_NAME: '"atlas\\"; DROP ROLE postgres; --"' } }], code: "E_AGENT_NAME", file: "agents/atlas.env", line: 1 },
  { name: "pf metacharacters in a jail name", agents: [{ ...A, env: { GIT_JAIL_NAME: '"git { any }"' } }], code: "E_JAIL_NAME", file: "agents/atlas.env", line: 10 },
  {
    name: "shell metacharacters in the host.yaml agent name",
    agents: [A],
    files: { "host.yaml": 'version: 1\nagents:\n  - name: "atlas$(reboot)"\n    soul: { url: /srv/git/a.git }\n' },
    code: "E_HOST_SCHEMA",
    file: "host.yaml",
    line: 3,
  },
  {
    name: "shell metacharacters in the agent command",
    agents: [A],
    files: { "host.yaml": 'version: 1\nagents:\n  - name: atlas\n    soul: { url: /srv/git/a.git }\n    command: "/bin/start; rm -rf /"\n' },
    code: "E_COMMAND",
    file: "host.yaml",
    line: 5,
  },
  { name: "an AGENT_NAME that differs from host.yaml", agents: [{ ...A, env: { AGENT_NAME: "other" } }], code: "E_AGENT_NAME_MISMATCH", file: "agents/atlas.env", line: 1 },
  { name: "a .env that is not UTF-8", agents: [A], files: { "agents/atlas.env": Buffer.from("AGENT_NAME=atlas\nASSISTANT_NAME=\xff\xfe\n", "latin1") }, code: "E_ENV_ENCODING", file: "agents/atlas.env", line: 2 },
  { name: "a .env line that is not an assignment", agents: [A], files: { "agents/atlas.env": `${envText(A)}$(reboot)\n` }, code: "E_ENV_SYNTAX", file: "agents/atlas.env", line: 10 },
  { name: "a key set twice", agents: [A], files: { "agents/atlas.env": `${envText(A)}AGENT_SUBNET_BASE=10.0.9\n` }, code: "E_ENV_DUPLICATE", file: "agents/atlas.env", line: 10 },
  { name: "a missing .env", agents: [A], files: { "host.yaml": "version: 1\nagents:\n  - name: nova\n    soul: { url: /srv/git/a.git }\n" }, code: "E_ENV_MISSING_FILE", file: "host.yaml", line: 3 },
  {
    name: "an env path leaving the repo",
    agents: [A],
    files: { "host.yaml": "version: 1\nagents:\n  - name: atlas\n    env: ../../etc/atlas.env\n    soul: { url: /srv/git/a.git }\n" },
    code: "E_ENV_PATH",
    file: "host.yaml",
    line: 4,
  },
  { name: "an agent listed twice", agents: [A, A], code: "E_AGENT_DUPLICATE", file: "host.yaml", line: 10 },
];

function repoFor(h: Hostile): string {
  const dir = tmpDir("soulsync-hostile-");
  const files: Record<string, string | Uint8Array> = { "host.yaml": hostYaml(h.agents) };
  for (const a of h.agents) files[`agents/${a.name}.env`] = envText(a);
  return writeTree(dir, { ...files, ...h.files });
}

test("the bundled example host passes", async () => {
  const r = soulsync(["config", "check", "examples/host", "--json"]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { ok: true, errors: [], warnings: [] });
});

for (const h of hostile) {
  test(`hostile: ${h.name} → ${h.code} at ${h.file}:${h.line}, and apply changes nothing`, async () => {
    const dir = repoFor(h);
    const { problems, host } = await loadHostConfig(dir);
    assert.equal(host, undefined);
    const hit = problems.find((p) => p.code === h.code);
    assert.ok(hit, `expected ${h.code}, got ${JSON.stringify(problems)}`);
    assert.equal(hit.file, h.file);
    assert.equal(hit.line, h.line, JSON.stringify(hit));
    if (h.message) assert.match(hit.message, h.message);

    const state = tmpDir("soulsync-hostile-state-");
    const config = join(state, "soulsync.yaml");
    writeTree(state, { "soulsync.yaml": `host_repo: { path: ${dir} }\nstate_dir: ${state}/s\ndriver: sim\n` });
    const r = soulsync(["apply", "--yes", "--json", "--config", config]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.ok, false);
    assert.ok(out.errors.some((e: { code: string }) => e.code === h.code));
    assert.equal(existsSync(join(state, "s")), false, "nothing applied, no state written");
  });
}

test("config check reports every problem in one pass, across files, as file:line:col", () => {
  const dir = repoFor({
    name: "many",
    agents: [
      { ...A, env: { WARDEN_GATEWAY: "10.0.1.9", SYSTEM_LOCALE: "C" } },
      { name: "mevy", base: "10.0.1", env: { WARDEN_GIT_IP: "10.0.3.2" } },
    ],
    code: "",
    file: "",
    line: 0,
  });
  const r = soulsync(["config", "check", dir, "--json"]);
  assert.equal(r.status, 1);
  const codes = JSON.parse(r.stdout).errors.map((e: { file: string; line: number; code: string }) => `${e.file}:${e.line}:${e.code}`);
  assert.deepEqual(codes, [
    "agents/atlas.env:4:E_GATEWAY",
    "agents/atlas.env:8:E_LOCALE_NOT_UTF8",
    "agents/mevy.env:6:E_IP_OUTSIDE_SUBNET",
  ]);
  const human = soulsync(["config", "check", dir]);
  assert.match(human.stdout, /^agents\/atlas\.env:4:1: E_GATEWAY WARDEN_GATEWAY: "10\.0\.1\.9" must be 10\.0\.1\.1/m);
  assert.match(human.stderr, /3 errors/);
});

test("a shared ollama jail with the same IP is accepted and created once", async () => {
  const dir = repoFor({
    name: "shared",
    agents: [{ ...A, env: { WARDEN_OLLAMA_IP: "10.0.1.4", WARDEN_LLAMA_CPP_IP: "10.0.1.4" } }, { ...M, env: { OLLAMA_JAIL_NAME: "atlas-ollama", WARDEN_OLLAMA_IP: "10.0.1.4" } }],
    code: "",
    file: "",
    line: 0,
  });
  const { problems, host } = await loadHostConfig(dir);
  assert.deepEqual(problems, []);
  const jails = host!.agents.flatMap((a) => a.runtime.jails.map((j) => j.name));
  assert.deepEqual(jails, ["atlas-git", "atlas-cms", "atlas-ollama", "mevy-git", "mevy-cms"]);
});

test("config check takes the host repo's folder or its host.yaml, and refuses another file", () => {
  const viaFile = soulsync(["config", "check", "examples/host/host.yaml", "--json"]);
  assert.equal(viaFile.status, 0, viaFile.stdout + viaFile.stderr);
  assert.deepEqual(JSON.parse(viaFile.stdout), { ok: true, errors: [], warnings: [] });
  const other = soulsync(["config", "check", "examples/host/agents/atlas.env"]);
  assert.equal(other.status, 2);
  assert.match(other.stderr, /E_USAGE: examples\/host\/agents\/atlas\.env: config check takes a host repo directory or its host\.yaml/);
});

test("with no bootstrap file, a missing host repo says the embedded defaults were used and from which directory", () => {
  const cwd = tmpDir();
  // SOULSYNC_CONFIG unset and the default file absent on this machine: the embedded defaults.
  assert.equal(existsSync("/usr/local/etc/soulsync/soulsync.yaml"), false, "this test needs no system bootstrap file");
  const r = soulsync(["plan"], { cwd, env: { SOULSYNC_CONFIG: undefined } });
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /E_HOST_READ: cannot read .*examples\/host\/host\.yaml: it does not exist/);
  assert.match(r.stderr, /embedded defaults are in use, resolved from the working directory /);
  assert.ok(r.stderr.includes(cwd), r.stderr);
  // A bootstrap file that names a missing host repo says so instead.
  const config = join(cwd, "soulsync.yaml");
  writeTree(cwd, { "soulsync.yaml": "host_repo: { path: nowhere }\nstate_dir: state\ndriver: sim\n" });
  const named = soulsync(["plan", "--config", config]);
  assert.equal(named.status, 2);
  assert.match(named.stderr, new RegExp(`host_repo\\.path in ${config.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`));
});
