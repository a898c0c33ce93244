// Mutations a hostile user makes to a soul or a host repo: device files, links, deep and huge
// trees, odd names, prototype-named keys, YAML tags and aliases, planted secrets.
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checksummedToken, seeded } from "../secrets/corpus/random.js";

export const PLANTED = checksummedToken(seeded(5), "ghp_");

export type Mutation = { name: string; apply(dir: string, target: string): void };

const replaceWith = (make: (p: string) => void) => (dir: string, target: string) => {
  const p = join(dir, target);
  rmSync(p, { recursive: true, force: true });
  make(p);
};
const prepend = (text: string) => (dir: string, target: string) => {
  const p = join(dir, target);
  let old = "";
  try {
    old = readFileSync(p, "utf8");
  } catch {}
  writeFileSync(p, text + old);
};

export const MUTATIONS: Mutation[] = [
  { name: "fifo", apply: replaceWith((p) => execFileSync("mkfifo", [p])) },
  { name: "link-dev-zero", apply: replaceWith((p) => symlinkSync("/dev/zero", p)) },
  { name: "link-self", apply: replaceWith((p) => symlinkSync(p.split("/").pop()!, p)) },
  { name: "link-outside", apply: replaceWith((p) => symlinkSync("/etc/passwd", p)) },
  { name: "dir-instead", apply: replaceWith((p) => mkdirSync(p)) },
  { name: "huge", apply: replaceWith((p) => writeFileSync(p, Buffer.alloc(5 * 1024 * 1024, 0x61))) },
  { name: "front-js", apply: prepend("---js\nglobalThis.pwned = 1\n---\n") },
  { name: "front-tag", apply: prepend("---\nx: !!js/function 'function(){}'\ny: !!binary aGk=\n---\n") },
  { name: "front-proto", apply: prepend("---\n__proto__: {polluted: 1}\nconstructor: 1\ntoString: x\n---\n") },
  { name: "yaml-alias-bomb", apply: (d, t) => appendFileSync(join(d, t), "\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n") },
  { name: "yaml-dangling-alias", apply: (d, t) => appendFileSync(join(d, t), "\nzz: *nowhere\n") },
  { name: "deep-nesting", apply: (d, t) => appendFileSync(join(d, t), `\nzz: ${"[".repeat(5000)}\n`) },
  { name: "secret", apply: (d, t) => appendFileSync(join(d, t), `\ntoken = "${PLANTED}"\nWARDEN_GIT_IP=${PLANTED}\n`) },
  { name: "bidi", apply: (d, t) => appendFileSync(join(d, t), "\nASSISTANT_NAME=\"a\u202eb\"\n") },
  { name: "bad-name", apply: (d) => writeFileSync(Buffer.from(join(d, "odd-\xfe\xff.md"), "latin1"), "x\n") },
  { name: "newline-name", apply: (d) => writeFileSync(join(d, "line\nbreak.md"), "x\n") },
  { name: "deep-tree", apply: (d) => mkdirSync(join(d, ...Array.from({ length: 60 }, () => "deep")), { recursive: true }) },
  {
    name: "many-files",
    apply: (d) => {
      mkdirSync(join(d, "many"), { recursive: true });
      for (let i = 0; i < 10_050; i++) writeFileSync(join(d, "many", `${i}.md`), "");
    },
  },
];

export const SOUL_TARGETS = ["SOUL.md", "USER.md", "IDENTITY.md", "AGENTS.md", "manifest.json", "memories/curated/first-day.md", "skills/x/SKILL.md"];
export const HOST_TARGETS = ["host.yaml", "agents/atlas.env", "agents/mevy.env"];
