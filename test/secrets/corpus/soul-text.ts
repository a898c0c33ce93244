// Realistic soul-repo text for throughput measurements: Markdown memories and skills with front
// matter, YAML and .env configuration, code blocks, links, ids and hashes, and no secrets.
import { HEX, type Rng, seeded } from "./random.js";

const WORDS = (
  "the agent keeps a calm voice and answers in short clear sentences when the operator asks about the " +
  "deploy it reads memories from git and renders skills for every harness before the bridge restarts " +
  "notes on the database migration were reviewed yesterday and the jail network stays on warden0 " +
  "never store a token or password in the repo ask for a reference to the secrets directory instead " +
  "curated memories describe preferences projects people places schedules and the tone of replies " +
  "slovenian and english are both fine dates use the iso format times are local to ljubljana"
).split(" ");

function sentence(r: Rng): string {
  const n = r.int(8, 22);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[r.int(0, WORDS.length - 1)] as string);
  const s = words.join(" ");
  return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
}

function memory(r: Rng, i: number): string {
  const paras = Array.from({ length: r.int(2, 6) }, () => Array.from({ length: r.int(2, 5) }, () => sentence(r)).join(" "));
  return [
    "---",
    `title: Memory ${i}`,
    `topics: [deploy, people, schedule]`,
    `importance: ${r.int(1, 5)}`,
    `source_revision: main@sha1:${r.pick(HEX, 40)}`,
    "---",
    "",
    `# Memory ${i}`,
    "",
    ...paras.flatMap((p) => [p, ""]),
    `- See [the runbook](https://docs.example.org/runbooks/${i}) and commit ${r.pick(HEX, 12)}.`,
    `- Session ${r.pick(HEX, 8)}-${r.pick(HEX, 4)}-4${r.pick(HEX, 3)}-a${r.pick(HEX, 3)}-${r.pick(HEX, 12)} ended at 14:${r.int(10, 59)}.`,
    "",
  ].join("\n");
}

function skill(r: Rng, i: number): string {
  return [
    "---",
    `name: skill-${i}`,
    `description: ${sentence(r)}`,
    "---",
    "",
    `# Skill ${i}`,
    "",
    sentence(r),
    "",
    "```sh",
    `soulsync sync --agent atlas`,
    `curl -fsS -H "Authorization: Bearer $TOKEN" https://api.example.org/v1/items/${r.int(1, 9999)}`,
    `export DATABASE_URL="postgres://atlas@10.0.1.5:5432/system_brain"`,
    "```",
    "",
    sentence(r),
    "",
  ].join("\n");
}

function config(r: Rng, i: number): string {
  return [
    `AGENT_NAME=agent${i}`,
    `ASSISTANT_NAME="Atlas ${i}"`,
    `AGENT_SUBNET_BASE=10.0.${i % 250}`,
    `WARDEN_GATEWAY=10.0.${i % 250}.1`,
    `SYSTEM_LOCALE=sl_SI.UTF-8`,
    `OPENAI_API_KEY=\${OPENAI_API_KEY}`,
    `MAX_TOKENS=${r.int(1000, 8000)}`,
    "",
  ].join("\n");
}

/** About `bytes` of soul-repo files (memories, skills, .env), the same every time. */
export function soulFiles(bytes: number, seed = 7): { path: string; text: string }[] {
  const r = seeded(seed);
  const files: { path: string; text: string }[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const file =
      i % 10 === 9
        ? { path: `agents/agent${i}.env`, text: config(r, i) }
        : i % 4 === 3
          ? { path: `skills/skill-${i}/SKILL.md`, text: skill(r, i) }
          : { path: `memories/curated/m${i}.md`, text: memory(r, i) };
    files.push(file);
    size += file.text.length;
  }
  return files;
}

/** About `bytes` of soul text in one string. */
export function soulText(bytes: number, seed = 7): string {
  return soulFiles(bytes, seed)
    .map((f) => f.text)
    .join("\n")
    .slice(0, bytes);
}
