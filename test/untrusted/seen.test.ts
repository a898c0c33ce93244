// Issue 11's "What was seen", one case a class, through the real command line: each now exits 1
// with file and code (never 2 with E_INTERNAL, never a hang, never a quoted secret).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT, soulsync } from "../helpers/cli.js";
import { validManifest, validSoulFiles } from "../helpers/souls.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";

/** A token of GitHub's shape (from the scanner's own corpus rules), never to be echoed. */
const TOKEN = "ghp_R7qZ1xK9mW3vT8pL2nB6cY4hJ0sD5fG1aE3k";

function soul(edit: (dir: string) => void): string {
  const dir = writeTree(tmpDir(), validSoulFiles());
  edit(dir);
  return dir;
}
function host(edit: (dir: string) => void): string {
  const dir = join(tmpDir(), "host");
  cpSync(join(ROOT, "examples/host"), dir, { recursive: true });
  edit(dir);
  return dir;
}
const sub = (dir: string, file: string, from: string | RegExp, to: string) =>
  writeFileSync(join(dir, file), readFileSync(join(dir, file), "utf8").replace(from, to));

function expectRefused(args: string[], code: RegExp, input?: string) {
  const r = soulsync(args, input === undefined ? {} : { input });
  const all = r.stdout + r.stderr;
  assert.equal(r.status, 1, all);
  assert.match(all, code);
  assert.doesNotMatch(all, /E_INTERNAL|\n\s+at /);
  assert.ok(!all.includes(TOKEN), "the secret is echoed");
  return all;
}

describe("internal errors on bad input are located exit-1 errors", () => {
  for (const key of ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"]) {
    it(`a key named ${key} in a memory, a skill and the manifest`, () => {
      const dir = soul((d) => {
        const m = validManifest() as Record<string, unknown>;
        const text = JSON.stringify(m, null, 2).replace("{", `{\n  "${key}": {"x": 1},`);
        writeFileSync(join(d, "manifest.json"), text);
        const mem = join(d, "memories/curated");
        mkdirSync(mem, { recursive: true });
        writeFileSync(join(mem, "p.md"), `---\n${key}: 1\ntitle: P\ntopics: [a]\nimportance: 2\ncreated: 2026-01-01\n---\nBody.\n`);
        mkdirSync(join(d, "skills/probe"), { recursive: true });
        writeFileSync(join(d, "skills/probe/SKILL.md"), `---\nname: probe\ndescription: d\n${key}: x\n---\nSteps.\n`);
      });
      const r = soulsync(["validate", dir]);
      // Never an internal error: the manifest's and memory's key are located warnings, and the
      // skill's is refused at its file by the Agent Skills rules (no fields outside the spec).
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.doesNotMatch(r.stdout + r.stderr, /E_INTERNAL/);
      assert.match(r.stdout, new RegExp(`memories/curated/p\\.md:2:1: W_UNKNOWN_KEY ${key}`));
      assert.match(r.stdout, /skills\/probe\/SKILL\.md:[0-9:]*:? ?E_RENDER_SKILL_SPEC .*unexpected front matter fields/);
    });
  }
  it("a file name that is not UTF-8", () => {
    const dir = soul((d) => writeFileSync(Buffer.from(join(d, "notes-\xff.md"), "latin1"), "x\n"));
    expectRefused(["validate", dir], /notes-\\xff\.md:0:0: E_NAME_NOT_UTF8/);
  });
  it("an alias bomb and an unresolved alias in host.yaml", () => {
    const bomb = host((d) => {
      const l = (n: string, of: string) => `${n}: &${n} [${Array(9).fill(of).join(",")}]\n`;
      writeFileSync(join(d, "host.yaml"), `${readFileSync(join(d, "host.yaml"), "utf8")}${l("a", "x")}${l("b", "*a")}${l("c", "*b")}${l("d", "*c")}`);
    });
    expectRefused(["config", "check", bomb], /host\.yaml:\d+:\d+: E_HOST_SYNTAX .*alias/i);
    const dangling = host((d) => writeFileSync(join(d, "host.yaml"), `${readFileSync(join(d, "host.yaml"), "utf8")}x: *nope\n`));
    expectRefused(["config", "check", dangling], /host\.yaml:\d+:\d+: E_HOST_SYNTAX alias \*nope/);
  });
});

describe("no hangs, no memory blow-ups on device files", () => {
  it("a FIFO as host.yaml", () => {
    const dir = host((d) => {
      rmSync(join(d, "host.yaml"));
      execFileSync("mkfifo", [join(d, "host.yaml")]);
    });
    expectRefused(["config", "check", dir], /E_SPECIAL_FILE: .*host\.yaml is a FIFO/);
  });
  it("a symlink to /dev/zero as an agent .env, and one leaving the repo", () => {
    const dir = host((d) => {
      rmSync(join(d, "agents/atlas.env"));
      symlinkSync("/dev/zero", join(d, "agents/atlas.env"));
    });
    expectRefused(["config", "check", dir], /agents\/atlas\.env:0:0: E_SYMLINK_ESCAPE/);
  });
  it("a FIFO in place of AGENTS.md", () => {
    const dir = soul((d) => {
      rmSync(join(d, "AGENTS.md"), { force: true });
      execFileSync("mkfifo", [join(d, "AGENTS.md")]);
    });
    expectRefused(["validate", dir], /AGENTS\.md:0:0: E_CORE_TYPE/);
  });
});

describe("secrets are described, never echoed", () => {
  it("config check on a token pasted as an IP address", () => {
    const dir = host((d) => sub(d, "agents/atlas.env", "WARDEN_GIT_IP=10.0.1.2", `WARDEN_GIT_IP=${TOKEN}`));
    expectRefused(["config", "check", dir], /E_IP WARDEN_GIT_IP: a 40-character value/);
  });
  it("the front-matter language error", () => {
    const dir = soul((d) => writeFileSync(join(d, "memories/curated/t.md"), `---${TOKEN}\ntitle: x\n---\nbody\n`));
    expectRefused(["validate", dir], /E_FRONTMATTER_LANG/);
  });
});

describe("hostile trees are refused", () => {
  it("front matter in the core files is parsed: ---js and !!js/function", () => {
    const dir = soul((d) => {
      writeFileSync(join(d, "SOUL.md"), `---js\nglobalThis.pwned = 1\n---\n${readFileSync(join(d, "SOUL.md"), "utf8")}`);
      writeFileSync(join(d, "IDENTITY.md"), `---\nx: !!js/function "function () {}"\n---\n# Identity\n`);
    });
    const out = expectRefused(["validate", dir], /SOUL\.md:1:4: E_FRONTMATTER_LANG/);
    assert.match(out, /IDENTITY\.md:\d+:\d+: E_FRONTMATTER_SYNTAX YAML tag !!js\/function is not allowed/);
  });
  it("render refuses a soul that carries a secret and writes nothing", () => {
    const dir = soul((d) => writeFileSync(join(d, "USER.md"), `# User\n\ntoken = "${TOKEN}"\n`));
    const out = join(tmpDir(), "out");
    expectRefused(["render", "--soul", dir, "--harness", "all", "--out", out], /USER\.md:3:\d+: E_SECRET/);
    assert.throws(() => readFileSync(join(out, ".pi/agent/AGENTS.md")));
  });
  it("host.yaml: unresolved tags, home /, project_dir /etc, hostile ref names, a URL with a newline", () => {
    const dir = host((d) => {
      sub(d, "host.yaml", "home: /home/atlas", "home: /");
      sub(d, "host.yaml", "project_dir: /home/atlas/clawdie", "project_dir: /etc");
      sub(d, "host.yaml", "release: 14.3-RELEASE", "release: !unknown 14.3-RELEASE");
    });
    expectRefused(["config", "check", dir], /host\.yaml:\d+:\d+: E_HOST_SYNTAX YAML tag !unknown/);
    sub(dir, "host.yaml", "release: !unknown 14.3-RELEASE", "release: 14.3-RELEASE");
    let out = expectRefused(["config", "check", dir], /agents\.0\.home: it is \//);
    assert.match(out, /agents\.0\.project_dir: it is inside \/etc/);
    for (const [ref, why] of [["--upload-pack=x", "starts with -"], ["../../x", "contains \\.\\."], ["a\\nb", "contains a space, a control character"]]) {
      const d = host((h) => sub(h, "host.yaml", /ref: \{ branch: main \}/, `ref: { branch: "${ref}" }`));
      out = expectRefused(["config", "check", d], new RegExp(`host\\.yaml:\\d+:1: E_HOST_SCHEMA agents\\.0\\.soul\\.ref\\.branch: not a valid git branch name: it ${why}`));
    }
    const url = host((h) => sub(h, "host.yaml", "url: examples/souls/atlas", 'url: "examples/souls/atlas\\n--upload-pack=x"'));
    expectRefused(["config", "check", url], /agents\.0\.soul\.url: it has a control or invisible character U\+000A/);
  });
  it("a right-to-left override in ASSISTANT_NAME, with file and line", () => {
    const dir = host((d) => sub(d, "agents/atlas.env", 'ASSISTANT_NAME="Atlas"', 'ASSISTANT_NAME="At\u202Elas"'));
    expectRefused(["config", "check", dir], /agents\/atlas\.env:4:1: E_ASSISTANT_NAME .*U\+202E/);
  });
  it("a symlink to itself or a directory in place of AGENTS.md", () => {
    const self = soul((d) => {
      rmSync(join(d, "AGENTS.md"), { force: true });
      symlinkSync("AGENTS.md", join(d, "AGENTS.md"));
    });
    expectRefused(["validate", self], /AGENTS\.md:0:0: E_CORE_TYPE AGENTS\.md must be a regular file, not a symlink/);
    const folder = soul((d) => {
      rmSync(join(d, "AGENTS.md"), { force: true });
      mkdirSync(join(d, "AGENTS.md"));
      writeFileSync(join(d, "AGENTS.md/x.md"), "x\n");
    });
    expectRefused(["validate", folder], /AGENTS\.md:0:0: E_CORE_TYPE AGENTS\.md must be a regular file, not a directory/);
  });
});
