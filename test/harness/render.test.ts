// renderSoul is pure: a soul and a context in, files, rows and problems out.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HARNESS_BUDGETS } from "../../src/harness/budget.js";
import { renderSoul } from "../../src/harness/render.js";
import { hermesEntries, HERMES_ENTRY_DELIMITER } from "../../src/harness/renderers/hermes.js";
import { HARNESSES } from "../../src/soul/schema/names.js";
import { at, ctxFor, decode, HOME, soulFiles, soulFrom } from "./helpers.js";

const render = async (manifest: Record<string, unknown> = {}, files = {}, env = {}) =>
  renderSoul(await soulFrom(soulFiles(manifest, files)), HARNESSES, ctxFor(HOME, env));

const fileOf = (r: Awaited<ReturnType<typeof render>>, rel: string) => {
  for (const h of r.harnesses) for (const f of h.files) if (f.path === at(rel)) return decode(f.content);
  return undefined;
};

const everyPath = (r: Awaited<ReturnType<typeof render>>) => r.harnesses.flatMap((h) => h.files.map((f) => f.path)).sort();

const USER_EVERYWHERE = { privacy: { user_context: "all", memories: "curated", skills: "all" } };

describe("renderSoul: layout", () => {
  it("lays every harness out where it reads its files", async () => {
    const r = await render(USER_EVERYWHERE);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      everyPath(r),
      [
        ".agents/skills/daily-summary/SKILL.md",
        ".claude/CLAUDE.md",
        ".claude/skills/daily-summary/SKILL.md",
        ".claude/soulsync/AGENTS.md",
        ".claude/soulsync/IDENTITY.md",
        ".claude/soulsync/SOUL.md",
        ".claude/soulsync/USER.md",
        ".codex/AGENTS.md",
        ".hermes/SOUL.md",
        ".hermes/memories/USER.md",
        ".hermes/skills/daily-summary/SKILL.md",
        ".openclaw/workspace/AGENTS.md",
        ".openclaw/workspace/IDENTITY.md",
        ".openclaw/workspace/SOUL.md",
        ".openclaw/workspace/USER.md",
        ".openclaw/workspace/skills/daily-summary/SKILL.md",
        ".pi/agent/AGENTS.md",
        ".pi/agent/APPEND_SYSTEM.md",
        ".pi/agent/skills/daily-summary/SKILL.md",
      ].map(at),
    );
    assert.deepEqual(r.harnesses.find((h) => h.harness === "colibri")?.colibri.map((c) => c.name), ["daily-summary"]);
  });

  it("honours PI_CODING_AGENT_DIR, HERMES_HOME, CODEX_HOME and CLAUDE_CONFIG_DIR", async () => {
    const r = await render({}, {}, { PI_CODING_AGENT_DIR: "/srv/pi", HERMES_HOME: "~/h", CODEX_HOME: "codex-home", CLAUDE_CONFIG_DIR: "/etc/claude" });
    const paths = everyPath(r);
    for (const p of ["/srv/pi/AGENTS.md", "/home/atlas/h/SOUL.md", "/home/atlas/codex-home/AGENTS.md", "/etc/claude/CLAUDE.md", "/etc/claude/skills/daily-summary/SKILL.md"]) {
      assert.ok(paths.includes(p), p);
    }
    assert.ok(paths.includes(at(".agents/skills/daily-summary/SKILL.md")), "CODEX_HOME does not move ~/.agents/skills");
  });

  it("starts every Markdown file with the provenance line (SKILL.md right after its front matter)", async () => {
    const r = await render(USER_EVERYWHERE);
    const line = /^Provenance: rendered by soulsync from https:\/\/git\.example\.org\/ops\/atlas-soul\.git at v1\.4\.0@sha1:1{40}, source [^\n]+\. The next soulsync render replaces this file\.$/m;
    for (const h of r.harnesses) {
      for (const f of h.files) {
        const text = decode(f.content);
        if (f.path.endsWith("SKILL.md")) {
          assert.match(text, /^---\nname: daily-summary\n[\s\S]*?\n---\n\nProvenance: /, f.path);
        } else {
          assert.match(text.split("\n")[0]!, line, f.path);
        }
      }
    }
    assert.match(fileOf(r, ".codex/AGENTS.md")!, /source SOUL\.md, IDENTITY\.md, USER\.md, AGENTS\.md\./);
  });

  it("is byte-identical for the same revision", async () => {
    const soul = await soulFrom(soulFiles(USER_EVERYWHERE));
    const a = renderSoul(soul, HARNESSES, ctxFor(HOME));
    const b = renderSoul(soul, HARNESSES, ctxFor(HOME));
    assert.deepEqual(a, b);
  });

  it("imports the soul's parts into CLAUDE.md one hop deep", async () => {
    const r = await render(USER_EVERYWHERE);
    const main = fileOf(r, ".claude/CLAUDE.md")!;
    assert.deepEqual(main.split("\n").filter((l) => l.startsWith("@")), ["@soulsync/SOUL.md", "@soulsync/IDENTITY.md", "@soulsync/USER.md", "@soulsync/AGENTS.md"]);
    for (const rel of ["SOUL", "IDENTITY", "USER", "AGENTS"]) {
      assert.equal(fileOf(r, `.claude/soulsync/${rel}.md`)!.split("\n").filter((l) => l.startsWith("@")).length, 0, "no second hop");
    }
  });
});

describe("renderSoul: privacy", () => {
  it("sends USER.md only to the harnesses privacy.user_context lists", async () => {
    const r = await render({ privacy: { user_context: ["codex"], memories: "curated", skills: "all" } });
    const marker = "Describe the people Atlas works with";
    assert.match(fileOf(r, ".codex/AGENTS.md")!, new RegExp(marker));
    assert.equal(fileOf(r, ".hermes/memories/USER.md"), undefined);
    assert.equal(fileOf(r, ".openclaw/workspace/USER.md"), undefined);
    assert.equal(fileOf(r, ".claude/soulsync/USER.md"), undefined);
    assert.doesNotMatch(fileOf(r, ".claude/CLAUDE.md")!, /USER/);
    assert.doesNotMatch(fileOf(r, ".pi/agent/AGENTS.md")!, new RegExp(marker));
    for (const h of r.harnesses) for (const f of h.files) if (h.harness !== "codex") assert.doesNotMatch(decode(f.content), new RegExp(marker), f.path);
  });

  it("sends skills only where privacy.skills and skills_audience allow", async () => {
    const extra = { "skills/secret-sauce/SKILL.md": "---\nname: secret-sauce\ndescription: Internal only.\n---\n\nDo it.\n" };
    const r = await render({ privacy: { user_context: "none", memories: "none", skills: ["daily-summary"], skills_audience: ["pi", "colibri"] } }, extra);
    const skills = everyPath(r).filter((p) => p.includes("/skills/"));
    assert.deepEqual(skills, [at(".pi/agent/skills/daily-summary/SKILL.md")]);
    assert.deepEqual(r.harnesses.find((h) => h.harness === "colibri")?.colibri.map((c) => c.name), ["daily-summary"]);
  });

  it("renders nothing for a harness the manifest's adapters leave out", async () => {
    const r = await render({ adapters: { codex: { enabled: true }, pi: { enabled: false } } });
    const on = r.harnesses.filter((h) => h.enabled).map((h) => h.harness);
    assert.deepEqual(on, ["codex"]);
    assert.ok(everyPath(r).every((p) => p.startsWith(at(".codex")) || p.startsWith(at(".agents"))));
  });
});

describe("renderSoul: adapters", () => {
  it("appends adapters/<harness>.md to the main file by default", async () => {
    const r = await render({}, { "adapters/codex.md": "## Codex notes\n\n- Run make check.\n" });
    const text = fileOf(r, ".codex/AGENTS.md")!;
    assert.match(text, /# Operating rules[\s\S]*## Codex notes\n\n- Run make check\.\n$/);
    assert.match(text.split("\n")[0]!, /source SOUL\.md, IDENTITY\.md, AGENTS\.md, adapters\/codex\.md\./);
  });

  it("replaces the target file with mode: replace, and targets another file with file:", async () => {
    const r = await render({}, {
      "adapters/openclaw.md": "---\nmode: replace\nfile: SOUL.md\n---\n# Just this\n",
      "adapters/pi.md": "---\nfile: APPEND_SYSTEM.md\n---\nPi only.\n",
    });
    assert.equal(fileOf(r, ".openclaw/workspace/SOUL.md")!.split("\n").slice(2).join("\n"), "# Just this\n");
    assert.match(fileOf(r, ".pi/agent/APPEND_SYSTEM.md")!, /Pi only\.\n$/);
  });

  it("refuses an unknown mode or target, naming the adapter", async () => {
    const r = await render({}, { "adapters/hermes.md": "---\nmode: merge\nfile: NOPE.md\n---\nx\n" });
    assert.deepEqual(
      r.problems.filter((p) => p.severity === "error").map((p) => [p.file, p.code]),
      [
        ["adapters/hermes.md", "E_ADAPTER_MODE"],
        ["adapters/hermes.md", "E_ADAPTER_FILE"],
      ],
    );
  });
});

describe("renderSoul: budgets", () => {
  it("refuses a Codex AGENTS.md over 32 KiB, naming the file and the overflow", async () => {
    const r = await render({}, { "AGENTS.md": `# Rules\n\n${"- keep it short\n".repeat(2200)}` });
    assert.deepEqual(r.problems.filter((x) => x.code === "E_RENDER_BUDGET").map((x) => x.file).sort(), [".codex/AGENTS.md", ".hermes/SOUL.md", ".openclaw/workspace/AGENTS.md"]);
    const p = r.problems.find((x) => x.file === ".codex/AGENTS.md");
    assert.ok(p);
    const size = Buffer.byteLength(fileOf(r, ".codex/AGENTS.md")!);
    assert.match(p.message, new RegExp(`${(size - HARNESS_BUDGETS.codexBytes).toLocaleString("en-US")} over`));
    assert.match(p.message, /32,768 bytes/);
  });

  it("refuses Hermes user context over 1,375 characters (counted as Hermes counts)", async () => {
    const user = `# Operator\n\n${"Prefers short answers in Slovenian. ".repeat(40)}\n`;
    const r = await render(USER_EVERYWHERE, { "USER.md": user });
    const p = r.problems.find((x) => x.file === ".hermes/memories/USER.md");
    assert.equal(p?.code, "E_RENDER_BUDGET");
    assert.match(p!.message, /1,375 characters/);
  });

  it("checks OpenClaw per file (20,000) and in total (60,000)", async () => {
    const big = (n: number) => `# Big\n\n${"x".repeat(n)}\n`;
    const r = await render(USER_EVERYWHERE, { "SOUL.md": big(21_000), "USER.md": big(19_000), "IDENTITY.md": big(19_000), "AGENTS.md": big(5_000) });
    const files = r.problems.filter((p) => p.code === "E_RENDER_BUDGET" && p.file.startsWith(".openclaw")).map((p) => p.file);
    assert.deepEqual(files, [".openclaw/workspace/SOUL.md", ".openclaw/workspace"]);
  });
});

describe("renderSoul: Hermes USER.md entries", () => {
  it("writes entries that round-trip through Hermes' memory format", async () => {
    const r = await render(USER_EVERYWHERE, { "USER.md": "# Operator\n\nMatej.\n\n## Language\n\nSlovenian.\n\n## Hours\n\nMornings.\n" });
    const raw = fileOf(r, ".hermes/memories/USER.md")!;
    const parsed = raw.split(HERMES_ENTRY_DELIMITER).map((e) => e.trim()).filter((e) => e);
    assert.equal(raw.trim(), parsed.join(HERMES_ENTRY_DELIMITER), "round-trips (no drift)");
    assert.match(parsed[0]!, /^Provenance: /);
    assert.deepEqual(parsed.slice(1), ["# Operator\n\nMatej.", "## Language\n\nSlovenian.", "## Hours\n\nMornings."]);
    assert.deepEqual(hermesEntries("# A\n\none\n# B\n\ntwo\n# A\n\none\n"), ["# A\n\none", "# B\n\ntwo"]);
  });
});

describe("renderSoul: Claude Code imports in soul text", () => {
  it("refuses an @~ or @/ import that would pull a host file into context", async () => {
    const r = await render(USER_EVERYWHERE, { "USER.md": "# Operator\n\nKeys: @~/.ssh/id_ed25519\n\nMail: ops@example.org, `@~/ok`\n" });
    const errors = r.problems.filter((p) => p.severity === "error");
    assert.deepEqual(errors.map((p) => [p.file, p.line, p.code]), [["USER.md", 3, "E_RENDER_CLAUDE_IMPORT"]]);
  });
});
