// The labelled corpus, generated deterministically: files, the positives expected in them
// (file, line, rule; line 0 = the whole file), and the number of negative traps.
import { type Placed, place } from "./contexts.js";
import { KINDS } from "./kinds.js";
import { ALNUM, B64, seeded } from "./random.js";
import { BLOCK_TRAPS, CODE_TRAPS, KEY_TRAPS, PROSE_TRAPS } from "./traps.js";
import { wrappedCases, wrappedTraps } from "./wrapped.js";

export interface CorpusFile {
  path: string;
  data: Uint8Array;
}

export interface Expected {
  file: string;
  line: number;
  rule: string;
}

export interface Corpus {
  files: CorpusFile[];
  positives: Expected[];
  /** Files that hold exactly one trap each and must produce no finding. */
  negatives: string[];
  kinds: Set<string>;
}

const enc = (s: string) => new TextEncoder().encode(s);

/** Builds the corpus from `seed` (the same seed gives the same bytes). */
export function buildCorpus(seed = 20261121): Corpus {
  const rng = seeded(seed);
  const files: CorpusFile[] = [];
  const positives: Expected[] = [];
  const negatives: string[] = [];
  let n = 0;
  const add = (p: Placed, rule?: string) => {
    files.push({ path: p.path, data: enc(p.text) });
    if (rule) positives.push({ file: p.path, line: p.line, rule });
    else negatives.push(p.path);
  };

  for (const kind of KINDS) {
    for (const context of kind.contexts) {
      n++;
      const value = kind.gen(rng);
      if (kind.rule === "npmrc-auth-token") {
        add({ path: `npmrc-${n}/.npmrc`, text: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${value}\n`, line: 2 }, kind.rule);
        continue;
      }
      add(place(context, kind.key, value, n, kind.block), kind.rule);
    }
  }

  // Secrets by name, credential files, and encodings other than UTF-8.
  const sshKey = `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${rng.pick(B64, 40)}\n${rng.pick(B64, 70)}\n${rng.pick(B64, 70)}\n-----END OPENSSH PRIVATE KEY-----\n`;
  files.push({ path: ".ssh/id_ed25519", data: enc(sshKey) });
  positives.push({ file: ".ssh/id_ed25519", line: 0, rule: "ssh-private-key-file" }, { file: ".ssh/id_ed25519", line: 1, rule: "openssh-private-key" });
  for (const [path, rule] of [["certs/agent.p12", "pkcs12-file"], ["certs/bridge.pfx", "pkcs12-file"], ["backup/agents.kdbx", "keepass-file"], ["certs/bridge.jks", "java-keystore-file"]] as const) {
    files.push({ path, data: binary(rng.next) });
    positives.push({ file: path, line: 0, rule });
  }
  files.push({ path: "home/.netrc", data: enc(`machine git.internal\n  login atlas\n  password ${rng.pick(ALNUM, 18)}\n`) });
  positives.push({ file: "home/.netrc", line: 3, rule: "netrc-password" });
  files.push({ path: "home/.pgpass", data: enc(`# host:port:db:user:password\n10.0.1.5:5432:system_brain:atlas:${rng.pick(ALNUM, 20)}\n`) });
  positives.push({ file: "home/.pgpass", line: 2, rule: "pgpass-password" });
  const latin1 = `Notizen für den Agenten\nGITHUB_TOKEN=${KINDS[8]?.gen(rng)}\nGrüße\n`;
  files.push({ path: "memories/curated/latin1.md", data: Uint8Array.from(latin1, (c) => c.charCodeAt(0)) });
  positives.push({ file: "memories/curated/latin1.md", line: 2, rule: "github-pat" });
  const utf16 = `\ufeffnotes\r\nSLACK_BOT_TOKEN=${KINDS.find((k) => k.rule === "slack-bot-token")?.gen(rng)}\r\n`;
  files.push({ path: "notes/windows.txt", data: new Uint8Array(Buffer.from(utf16, "utf16le")) });
  positives.push({ file: "notes/windows.txt", line: 2, rule: "slack-bot-token" });

  // Wrapped and contextual secrets, and their look-alikes (issue 12).
  for (const c of wrappedCases(rng)) add(c, c.rule);
  for (const t of wrappedTraps(rng)) add(t);

  // Negatives: one trap per file.
  for (const trap of KEY_TRAPS) {
    for (const context of ["env", "yaml", "json"] as const) add(place(context, trap.key, trap.value(rng), ++n));
  }
  for (const trap of PROSE_TRAPS) {
    add({ path: `memories/curated/trap-${++n}.md`, text: `---\ntitle: Notes\n---\n\n${trap(rng)}\n`, line: 5 });
  }
  for (const trap of BLOCK_TRAPS) add(place("code", "KEY", trap(rng), ++n, true));
  for (const trap of CODE_TRAPS) {
    add({ path: `skills/code-${++n}/scripts/run.js`, text: `// helper\n${trap}\n`, line: 2 });
  }
  const withToken = binary(rng.next);
  withToken.set(enc(`GITHUB_TOKEN=${KINDS[8]?.gen(rng)}`), 100);
  files.push({ path: "assets/logo.png", data: withToken });
  negatives.push("assets/logo.png");

  return { files, positives, negatives, kinds: new Set(positives.map((p) => p.rule)) };
}

/** Bytes with NULs, the way binary formats look to a sniffer. */
function binary(next: () => number): Uint8Array {
  const out = new Uint8Array(2048);
  for (let i = 0; i < out.length; i++) out[i] = i % 7 === 0 ? 0 : Math.floor(next() * 256);
  return out;
}
