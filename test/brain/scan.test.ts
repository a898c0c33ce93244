// soulsync brain scan: a secret already stored in the brain (imported before a rule existed, kept
// in a retired row) is found where it is kept, on the embedded database and on the real server,
// reported like `soulsync scan` and never printed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { openAgentBrain } from "../../src/brain/open.js";
import { soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";
import { PG_URL, backends, uniqueAgent } from "./helpers/backends.js";
import { writeSoul } from "./helpers/soul.js";

/** An unencrypted key from the real ssh-keygen, the case issue 12 starts from. */
function sshKey(): string {
  const dir = tmpDir("soulsync-key-");
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "atlas@host", "-f", join(dir, "deploy")]);
  return readFileSync(join(dir, "deploy"), "utf8");
}

for (const backend of await backends()) {
  describe(`soulsync brain scan on ${backend.name}`, { skip: backend.unavailable && `server unreachable: ${backend.unavailable}` }, () => {
    const state = tmpDir("soulsync-state-");
    const env = { SOULSYNC_STATE_DIR: state, SOULSYNC_DATABASE_URL: "", DATABASE_URL: "" };
    const db = backend.name === "pg" ? ["--database", PG_URL] : [];
    const where = backend.name === "pg" ? backend.target : ({ kind: "pglite", root: join(state, "pglite") } as const);
    const agent = uniqueAgent("scan");
    const dir = writeSoul({
      agent,
      memories: { alpha: { title: "Deploy", body: "The deploy runs nightly." }, beta: { title: "Tea", body: "Green tea in the morning." } },
      skills: { "daily-summary": "Summarise the day." },
    });
    const run = (args: string[]) => soulsync([...args, ...db], { env });
    const key = sshKey();

    it("finds nothing in a clean brain: exit 0", () => {
      assert.equal(run(["brain", "import", "--soul", dir, "--json"]).status, 0);
      const r = run(["brain", "scan", "--agent", agent, "--json"]);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.agents[0].agent, agent);
      assert.deepEqual(out.agents[0].findings, []);
      assert.ok(out.agents[0].texts >= 5, "memories (meta and body) and the skill were read");
    });

    it("finds a key in a live memory and a token in a retired one and in a skill: exit 1, located, never printed", async () => {
      // As an older soulsync would have left them: the rows hold what the scanner then missed.
      const b = await openAgentBrain(where, agent, { create: false });
      try {
        await b.brain.query("UPDATE system_brain.memories SET body = $1 WHERE agent = $2 AND path = $3", [`Deploy notes.\n\n${key}`, agent, "memories/curated/alpha.md"]);
        await b.brain.query("UPDATE system_brain.memories SET body = $1, retired_at = now() WHERE agent = $2 AND path = $3", [
          "Tea notes.\ncurl -u atlas:Zq8rT2mPx4vB7 https://api.internal/",
          agent,
          "memories/curated/beta.md",
        ]);
        await b.skills.query("UPDATE system_skills.skills SET raw = raw || $1 WHERE agent = $2", ["\nAuthorization: Bearer 9f8eA7d6c5b4a3928170f6e5d4c3b2a1\n", agent]);
      } finally {
        await b.close();
      }
      const r = run(["brain", "scan", "--agent", agent, "--json"]);
      assert.equal(r.status, 1, r.stderr);
      const findings = JSON.parse(r.stdout).agents[0].findings as Array<Record<string, unknown>>;
      const got = findings.map((f) => `${f.file}:${f.line} ${f.rule}${f.retired ? " retired" : ""}`).sort();
      assert.deepEqual(got, [
        "system_brain.memories/memories/curated/alpha.md:3 openssh-private-key",
        "system_brain.memories/memories/curated/beta.md:2 curl-user-password retired",
        `system_skills.skills/daily-summary/SKILL.md:${findings.find((f) => String(f.file).startsWith("system_skills"))?.line} authorization-header`,
      ]);
      const body = key.split("\n")[1] as string;
      const human = run(["brain", "scan", "--agent", agent]);
      assert.equal(human.status, 1);
      assert.match(human.stdout, new RegExp(`${agent}: system_brain\\.memories/memories/curated/beta\\.md:2:\\d+: E_SECRET curl-user-password .*\\[retired\\]`));
      for (const out of [r.stdout, human.stdout, human.stderr]) {
        assert.ok(!out.includes(body.slice(8, 40)) && !out.includes("Zq8rT2mPx4vB7") && !out.includes("9f8eA7d6c5b4"), "a secret was printed");
      }
    });

    it("accepts a finding the operator allowlisted", () => {
      const r = JSON.parse(run(["brain", "scan", "--agent", agent, "--json"]).stdout);
      const allow = join(tmpDir(), "allow");
      execFileSync("sh", ["-c", `printf '%s\\n' "$@" > ${allow}`, "sh", ...r.agents[0].findings.map((f: { fingerprint: string }) => f.fingerprint)]);
      assert.equal(run(["brain", "scan", "--agent", agent, "--allowlist", allow]).status, 0);
    });

    it("refuses an agent with no brain: exit 2", () => {
      const r = run(["brain", "scan", "--agent", uniqueAgent("none")]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /E_BRAIN_MISSING/);
    });
  });
}
