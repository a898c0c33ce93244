// soulsync brain … as an operator runs it: the built binary, on the embedded database and on
// the real server.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { soulsync } from "../helpers/cli.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { PG_URL, backends, uniqueAgent } from "./helpers/backends.js";
import { writeSoul } from "./helpers/soul.js";

const memories = {
  alpha: { title: "Backup schedule", body: "Backups of the garden server run nightly at three." },
  beta: { title: "Favourite tea", body: "The operator drinks green tea in the morning." },
};

for (const backend of await backends()) {
  describe(`soulsync brain on ${backend.name}`, { skip: backend.unavailable && `server unreachable: ${backend.unavailable}` }, () => {
    const state = tmpDir("soulsync-state-");
    // No URL in the environment: PGlite in the state directory, unless --database names the server.
    const env = { SOULSYNC_STATE_DIR: state, SOULSYNC_DATABASE_URL: "", DATABASE_URL: "" };
    const db = backend.name === "pg" ? ["--database", PG_URL] : [];
    const agent = uniqueAgent("cli");
    const dir = writeSoul({ agent, memories, skills: { "daily-summary": "Summarise the day." } });
    const run = (args: string[]) => soulsync([...args, ...db], { env });

    it("imports, re-imports nothing, searches, counts", () => {
      const first = run(["brain", "import", "--soul", dir, "--json"]);
      assert.equal(first.status, 0, first.stderr);
      const r = JSON.parse(first.stdout);
      assert.equal(r.ok, true);
      assert.equal(r.agent, agent);
      assert.equal(r.actions["memory.insert"], 2);
      assert.match(r.revision, /^tree@sha256:[0-9a-f]{16}$/);
      assert.equal(r.target.includes(backend.name === "pg" ? "postgres://" : "PGlite"), true);

      const again = JSON.parse(run(["brain", "import", "--soul", dir, "--agent", agent, "--json"]).stdout);
      assert.equal(again.rowsWritten, 0);

      const search = run(["brain", "search", "green tea", "--agent", agent, "--json"]);
      assert.equal(search.status, 0, search.stderr);
      const hits = JSON.parse(search.stdout).hits;
      assert.equal(hits[0].path, "memories/curated/beta.md");
      assert.match(hits[0].snippet, /«green» «tea»/);

      const human = run(["brain", "search", "garden", "--agent", agent]);
      assert.match(human.stdout, /memories\/curated\/alpha\.md {2}Backup schedule/);

      const stats = JSON.parse(run(["brain", "stats", "--agent", agent, "--json"]).stdout);
      assert.deepEqual([stats.agents[0].memories.live, stats.agents[0].skills.live], [2, 1]);
      assert.equal(stats.agents[0].revision, r.revision);

      const migrate = JSON.parse(run(["brain", "migrate", "--agent", agent, "--json"]).stdout);
      assert.deepEqual(migrate.agents[0].parts.map((p: { version: number }) => p.version), [1, 1, 2], "system_ops is at v2 (runs name their host)");
    });

    it("stops at validation on bad front matter: exit 1, file and line, nothing imported", () => {
      writeFileSync(join(dir, "memories/curated/gamma.md"), "---\ntitle: New\ntopics: [x]\nimportance: 3\ncreated: 2026-01-01\n---\n\nA brand new memory.\n");
      writeFileSync(join(dir, "memories/curated/bad.md"), "---\ntitle: Bad\ntopics: [x]\nimportance: high\ncreated: 2026-01-01\n---\n\nbody\n");
      const r = run(["brain", "import", "--soul", dir]);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /memories\/curated\/bad\.md:\d+:\d+: E_MEMORY_SCHEMA/);
      const stats = JSON.parse(run(["brain", "stats", "--agent", agent, "--json"]).stdout);
      assert.equal(stats.agents[0].memories.live, 2, "gamma was not imported either");
    });

    it("imports a commit of a git repo with --rev and records <rev>@sha1:<commit>", () => {
      const revAgent = uniqueAgent("rev");
      const repo = join(tmpDir(), "soul");
      const init = soulsync(["init", repo, "--agent", revAgent, "--json"]);
      assert.equal(init.status, 0, init.stderr);
      const r = run(["brain", "import", "--soul", repo, "--rev", "main", "--json"]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).revision, `main@sha1:${JSON.parse(init.stdout).commit}`);
    });

    it("takes the brain policy and locale from a host repo", () => {
      const host = writeTree(tmpDir("soulsync-host-"), {
        "host.yaml": `version: 1\nagents:\n  - name: ${agent}\n    soul: { url: /srv/git/${agent}.git }\n    brain: { memories: curated, skills: none }\n`,
        [`agents/${agent}.env`]: `AGENT_NAME=${agent}\nASSISTANT_LOCALE=de-DE\n`,
      });
      const good = writeSoul({ agent, memories, skills: { "daily-summary": "Summarise the day." } });
      const dry = JSON.parse(run(["brain", "import", "--soul", good, "--host", host, "--dry-run", "--json"]).stdout);
      assert.equal(dry.dryRun, true);
      assert.deepEqual(
        dry.changes.filter((c: { kind: string }) => c.kind !== "memory.update"),
        [{ kind: "skill.retire", id: "daily-summary" }],
      );
      const unchanged = JSON.parse(run(["brain", "stats", "--agent", agent, "--json"]).stdout);
      assert.equal(unchanged.agents[0].skills.live, 1, "a dry run writes nothing");
      const r = JSON.parse(run(["brain", "import", "--soul", good, "--host", host, "--json"]).stdout);
      assert.equal(r.tsConfig, "german");
      assert.equal(r.actions["skill.retire"], 1);
      assert.equal(r.actions["memory.update"], 2, "re-chunked for german");
    });
  });
}

describe("soulsync brain, errors", () => {
  it("a server that is down is exit 2, kind transient, and never shows the password", () => {
    const r = soulsync(["brain", "import", "--soul", writeSoul({ agent: "nobody", memories }), "--database", "postgres://u:hunter2@127.0.0.1:1/x", "--retries", "0", "--json"]);
    assert.equal(r.status, 2);
    const out = JSON.parse(r.stdout);
    assert.equal(out.error.kind, "transient");
    assert.equal(out.error.code, "E_DB_UNAVAILABLE");
    assert.doesNotMatch(r.stdout + r.stderr, /hunter2/);
  });

  it("refuses a bad agent name and a non-PostgreSQL URL (exit 2)", () => {
    assert.equal(soulsync(["brain", "search", "x", "--agent", "Bad-Name"]).status, 2);
    const r = soulsync(["brain", "stats", "--database", "mysql://u:hunter2@h/x"]);
    assert.equal(r.status, 2);
    assert.doesNotMatch(r.stderr, /hunter2/);
  });

  it("has help with examples", () => {
    for (const sub of ["import", "search", "stats", "migrate"]) {
      const r = soulsync(["brain", sub, "--help"]);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /Examples:/);
    }
  });

  it("search on an agent with no brain is an environment error", () => {
    const r = soulsync(["brain", "search", "x", "--agent", "ghost"], { env: { SOULSYNC_STATE_DIR: tmpDir(), DATABASE_URL: "", SOULSYNC_DATABASE_URL: "" } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /E_BRAIN_MISSING/);
  });
});

if ((await backends()).some((b) => b.name === "pg" && !b.unavailable)) {
  describe("soulsync brain with a password in the URL", () => {
    it("prints the target without the password", () => {
      const u = new URL(PG_URL);
      u.password = "hunter2"; // trust auth on the test server ignores it
      const agent = uniqueAgent("pw");
      const r = soulsync(["brain", "import", "--soul", writeSoul({ agent, memories }), "--database", u.toString(), "--json"]);
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stdout + r.stderr, /hunter2/);
    });
  });
}

describe("the brain test suite under CI", () => {
  it("fails loudly, not skips, when CI=true and the server is unreachable", async () => {
    const { spawnSync } = await import("node:child_process");
    const { ROOT } = await import("../helpers/cli.js");
    const r = spawnSync(process.execPath, ["--import", "tsx", "-e", "const m = await import('./test/brain/helpers/backends.ts'); await m.backends();"], {
      cwd: ROOT,
      env: { ...process.env, CI: "true", DATABASE_URL: "postgres://postgres@127.0.0.1:1/test" },
      encoding: "utf8",
    });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /CI=true but the PostgreSQL server .* is unreachable/);
  });
});

