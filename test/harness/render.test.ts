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
        ".claude/CLAUDE.md",
        ".claude/skills/daily-summary/SKILL.md",
        ".claude/soulsync/AGENTS.md",
        ".claude/soulsync/IDENTITY.md",
        ".claude/soulsync/SOUL.md",
        ".claude/soulsync/USER.md",
        ".codex/AGENTS.md",
        ".codex/skills/daily-summary/SKILL.md",
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
    assert.ok(paths.includes("/home/atlas/codex-home/skills/daily-summary/SKILL.md"), "Codex skills follow CODEX_HOME");
    assert.ok(!paths.some((p) => p.startsWith(at(".agents/"))), "nothing goes to the shared ~/.agents/skills");
  });

  it("starts every Markdown file with the provenance line (SKILL.md right after its front matter)", async () => {
    const r = await render(USER_EVERYWHERE);
    const line = /^Provenance: rendered by soulsync from https:\/\/git\.example\.org\/ops\/atlas-soul\.git at v1\.4\.0@sha1:1{40}, source [^\n]+\. The next soulsync render replaces this file\.$/m;
    for (const h of r.harnesses) {
      for (const f of h.files) {
        const text = decode(f.content);
        if (f.path.endsWith(".hermes/memories/USER.md")) {
          assert.doesNotMatch(text, /Provenance/, "Hermes memory entries carry no provenance (the manifest has their hashes)");
        } else if (f.path.endsWith("SKILL.md")) {
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
    assert.ok(everyPath(r).every((p) => p.startsWith(at(".codex"))));
  });
});

describe("renderSoul: who reads what", () => {
  it("refuses skills laid out where a harness outside their audience also reads", async () => {
    const m = { privacy: { user_context: "none", memories: "none", skills: "all", skills_audience: ["claude-code"] } };
    const r = await render(m, {}, { CLAUDE_CONFIG_DIR: "~/.agents" });
    const errors = r.problems.filter((p) => p.code === "E_RENDER_AUDIENCE");
    assert.deepEqual(errors.map((p) => p.file), [".agents/skills/daily-summary/SKILL.md", ".agents/skills/daily-summary/SKILL.md", ".agents/skills/daily-summary/SKILL.md"]);
    assert.deepEqual(errors.map((p) => p.message.split(" ")[0]), ["pi", "codex", "openclaw"]);
    const ok = await render({ ...m, privacy: { ...m.privacy, skills_audience: "all" } }, {}, { CLAUDE_CONFIG_DIR: "~/.agents" });
    assert.deepEqual(ok.problems.filter((p) => p.code === "E_RENDER_AUDIENCE"), []);
  });

  it("follows the installed versions: Pi before 0.54 and Codex before 0.95 do not read ~/.agents/skills", async () => {
    const m = { privacy: { user_context: "none", memories: "none", skills: "all", skills_audience: ["claude-code", "openclaw"] } };
    const soul = await soulFrom(soulFiles(m));
    const ctx = { ...ctxFor(HOME, { CLAUDE_CONFIG_DIR: "~/.agents" }), versions: { pi: { version: "0.53.1", from: "flag" as const }, codex: { version: "0.94.0", from: "flag" as const } } };
    assert.deepEqual(renderSoul(soul, ["claude-code"], ctx).problems, []);
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
  it("puts no budget on Codex's global AGENTS.md (project_doc_max_bytes bounds project docs only)", async () => {
    const r = await render({}, { "AGENTS.md": `# Rules\n\n${"- keep it short\n".repeat(2200)}` });
    assert.ok(Buffer.byteLength(fileOf(r, ".codex/AGENTS.md")!) > HARNESS_BUDGETS.codexProjectDocBytes);
    assert.deepEqual(r.problems.filter((x) => x.code === "E_RENDER_BUDGET").map((x) => x.file).sort(), [".hermes/SOUL.md", ".openclaw/workspace/AGENTS.md"]);
    const p = r.problems.find((x) => x.file === ".hermes/SOUL.md")!;
    assert.match(p.message, /20,000 characters; the render has [0-9,]+, [0-9,]+ over \(from SOUL\.md, IDENTITY\.md, AGENTS\.md\)/);
  });

  it("refuses Hermes user context over 1,375 characters (counted as Hermes counts)", async () => {
    const user = `# Operator\n\n${"Prefers short answers in Slovenian. ".repeat(40)}\n`;
    const r = await render(USER_EVERYWHERE, { "USER.md": user });
    const p = r.problems.find((x) => x.file === ".hermes/memories/USER.md");
    assert.equal(p?.code, "E_RENDER_BUDGET");
    assert.match(p!.message, /1,375 characters/);
  });

  it("checks OpenClaw per file (20,000), USER.md (4,000) and in total (60,000)", async () => {
    const big = (n: number) => `# Big\n\n${"x".repeat(n)}\n`;
    const r = await render(USER_EVERYWHERE, { "SOUL.md": big(21_000), "USER.md": big(3_000), "IDENTITY.md": big(19_000), "AGENTS.md": big(16_000) });
    const files = r.problems.filter((p) => p.code === "E_RENDER_BUDGET" && p.file.startsWith(".openclaw")).map((p) => p.file);
    assert.deepEqual(files, [".openclaw/workspace/SOUL.md", ".openclaw/workspace"]);
    const user = await render(USER_EVERYWHERE, { "USER.md": big(4_100) });
    const p = user.problems.find((x) => x.file === ".openclaw/workspace/USER.md");
    assert.equal(p?.code, "E_RENDER_BUDGET");
    assert.match(p!.message, /fixed USER\.md cap \(USER_BOOTSTRAP_MAX_CHARS\) is 4,000 characters/);
  });

  it("counts OpenClaw's own MEMORY.md in the total and warns when little room is left for it", async () => {
    const soul = await soulFrom(
      soulFiles(USER_EVERYWHERE, { "SOUL.md": `# Big\n\n${"x".repeat(19_000)}\n`, "AGENTS.md": `# Rules\n\n${"y".repeat(17_500)}\n`, "USER.md": `# User\n\n${"z".repeat(3_500)}\n` }),
    );
    const ctx = ctxFor(HOME);
    const own = new Map([[at(".openclaw/workspace/MEMORY.md"), 30_000]]);
    const over = renderSoul(soul, ["openclaw"], { ...ctx, own });
    const p = over.problems.find((x) => x.code === "E_RENDER_BUDGET");
    assert.equal(p?.file, ".openclaw/workspace");
    assert.match(p!.message, /with its own MEMORY\.md, 30,000/);
    const room = renderSoul(soul, ["openclaw"], ctx).problems.find((x) => x.code === "W_RENDER_OPENCLAW_MEMORY_ROOM");
    assert.match(room!.message, /MEMORY\.md gets at most [0-9,]+ \(its cap is 20,000\)/);
  });
});

describe("renderSoul: Hermes USER.md entries", () => {
  it("writes entries that round-trip through Hermes' memory format", async () => {
    const r = await render(USER_EVERYWHERE, { "USER.md": "# Operator\n\nMatej.\n\n## Language\n\nSlovenian.\n\n## Hours\n\nMornings.\n" });
    const raw = fileOf(r, ".hermes/memories/USER.md")!;
    const parsed = raw.split(HERMES_ENTRY_DELIMITER).map((e) => e.trim()).filter((e) => e);
    assert.equal(raw.trim(), parsed.join(HERMES_ENTRY_DELIMITER), "round-trips (no drift)");
    assert.deepEqual(parsed, ["# Operator\n\nMatej.", "## Language\n\nSlovenian.", "## Hours\n\nMornings."], "no provenance entry");
    assert.deepEqual(hermesEntries("# A\n\none\n# B\n\ntwo\n# A\n\none\n"), ["# A\n\none", "# B\n\ntwo"]);
  });
});

describe("renderSoul: Claude Code imports in soul text", () => {
  it("refuses an @~ or @/ import that would pull a host file into context", async () => {
    const r = await render(USER_EVERYWHERE, { "USER.md": "# Operator\n\nKeys: @~/.ssh/id_ed25519\n\nMail: ops@example.org, `@~/ok`\n" });
    const errors = r.problems.filter((p) => p.severity === "error");
    assert.deepEqual(errors.map((p) => [p.file, p.line, p.code]).sort(), [
      ["USER.md", 3, "E_RENDER_CLAUDE_IMPORT"],
      ["USER.md", 3, "E_RENDER_HERMES_BLOCKED"],
    ]);
  });
});
