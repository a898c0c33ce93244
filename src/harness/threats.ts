// Content Hermes would refuse. Hermes scans every context file (SOUL.md, AGENTS.md, …) before it
// enters the prompt and replaces the whole file with "[BLOCKED: … potential prompt injection …]"
// on any hit; it scans each memories/USER.md entry with a wider set at load time and replaces that
// entry. soulsync finds the same kinds of text first, so a soul is refused with file:line instead
// of being dropped in silence. The rules below are soulsync's own, written from Hermes' documented
// behaviour (website/docs/user-guide/features/context-files.md, "Security: Prompt Injection
// Protection") and the kinds of pattern its threat library names (tools/threat_patterns.py as of
// hermes-agent 00fd54f: instruction overrides, deception, hidden HTML, role hijack, C2 vocabulary,
// exfiltration; and for memory also SSH/persistence, config edits and hard-coded secrets).
// Like Hermes, text is NFKC-folded before matching, case is ignored, and invisible characters count.

/** `context`: what Hermes checks in context files; `memory`: that plus what it checks in memory entries. */
export type ThreatScope = "context" | "memory";

interface Rule {
  id: string;
  /** Lower-case words one of which must be in the text for the rule to be tried (a cheap first pass). */
  hints: string[];
  what: string;
  re: RegExp;
  scope: ThreatScope;
}

// A few words between the key words, bounded (as Hermes bounds its filler).
const W = String.raw`(?:[\w'-]+\s+){0,8}`;
const SECRET_VAR = String.raw`\$\{?\w*(?:KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL)S?\b`;
const EDIT = String.raw`(?:update|modify|edit|write|change|append|add\s+to)\s+[^\n]{0,200}?`;

const rule = (id: string, hints: string[], what: string, source: string, scope: ThreatScope = "context"): Rule => ({
  id,
  hints,
  what,
  re: new RegExp(source, "giu"),
  scope,
});

const RULES: Rule[] = [
  rule("override-instructions", ["ignore"], "asks to ignore earlier instructions", String.raw`\bignore\s+${W}(?:previous|all|above|prior)\s+${W}instructions`),
  rule("disregard-rules", ["disregard"], "asks to disregard rules", String.raw`\bdisregard\s+${W}(?:your|all|any)\s+${W}(?:instructions|rules|guidelines)`),
  rule("prompt-override", ["override"], "claims a system prompt override", String.raw`system\s+prompt\s+override`),
  rule("no-restrictions", ["act"], "asks to act without restrictions", String.raw`\bact\s+as\s+(?:if|though)\s+${W}you\s+${W}(?:have\s+no|don't\s+have)\s+${W}(?:restrictions|limits|rules)`),
  rule("hide-from-user", ["tell"], "asks to keep something from the user", String.raw`\bdo\s+not\s+${W}tell\s+${W}the\s+user`),
  rule("hidden-comment", ["<!--"], "hides words like ignore/override/system/secret/hidden in an HTML comment", "<!--[^>]{0,512}?(?<![a-z])(?:ignore|override|system|secret|hidden)(?![a-z])[^>]{0,512}?-->"),
  rule("hidden-div", ["div"], "hides text in a display:none element", String.raw`<\s*div\s+style\s*=\s*["'][^>]{0,2048}?display\s*:\s*none`),
  rule("translate-execute", ["translate"], "asks to translate and then run something", String.raw`\btranslate\s+[^\n]{0,512}?\s+into\s+\w+(?:[\s-]+\w+){0,2}\s+and\s+(?:execute|run|eval)\b`),
  rule("exfil-curl", ["curl", "wget"], "sends a secret-named variable with curl or wget", String.raw`\b(?:curl|wget)\s+[^\n]{0,2048}?${SECRET_VAR}`),
  rule("read-secret-file", ["cat"], "reads a credentials file (.env, .netrc, .pgpass, …) with cat", String.raw`\bcat\s+[^\n]{0,2048}?(?:\.env|credentials|\.netrc|\.pgpass|\.npmrc|\.pypirc)`),
  rule("role-hijack", ["now"], `says "you are now a …"`, String.raw`\byou\s+are\s+${W}now\s+(?:a|an|the)\s`),
  rule("pretend", ["pretend"], `says "pretend you are / to be"`, String.raw`\bpretend\s+${W}(?:you\s+are|to\s+be)\s`),
  rule("leak-prompt", ["prompt"], "asks to output the system prompt", String.raw`\boutput\s+${W}(?:system|initial)\s+prompt`),
  rule("no-filters", ["without"], "asks to answer without safety limits", String.raw`\b(?:respond|answer|reply)\s+without\s+${W}(?:restrictions|limitations|filters|safety)`),
  rule("fake-update", ["been"], `says "you have been updated to"`, String.raw`\byou\s+have\s+been\s+${W}(?:updated|upgraded|patched)\s+to`),
  rule("name-yourself", ["yourself"], `says "name yourself …"`, String.raw`\bname\s+yourself\s+\w`),
  rule("c2-register", ["register"], `says "register as a node"`, String.raw`\bregister\s+(?:as\s+)?a?\s*node`),
  rule("c2-check-in", ["heartbeat", "beacon", "check"], `uses heartbeat/beacon/check-in "to/with" wording (Hermes reads it as command-and-control)`, String.raw`\b(?:heartbeat|beacon|check[\s-]?in)\s+(?:to|with)\s`),
  rule("c2-task-pull", ["pull"], `says "pull tasks"`, String.raw`\bpull\s+(?:down\s+)?(?:new\s+)?task(?:ing|s)?\b`),
  rule("c2-network", ["network"], `says "connect to the network"`, String.raw`\bconnect\s+to\s+the\s+network\b`),
  rule("forced-action", ["must"], `says "you must … register/connect/report/beacon"`, String.raw`\byou\s+must\s+(?:\w+\s+){0,3}(?:register|connect|report|beacon)\b`),
  rule("one-liners", ["one"], `says "only use one-liners"`, String.raw`\bonly\s+use\s+one[\s-]?liners?\b`),
  rule("no-disk", ["disk"], "asks never to write scripts or files to disk", String.raw`\bnever\s+${W}(?:create|write)\s+${W}(?:script|file)\s+${W}disk`),
  rule("unset-agent-env", ["unset"], "unsets an agent runtime variable", String.raw`\bunset\s+\w*(?:CLAUDE|CODEX|HERMES|AGENT|OPENAI|ANTHROPIC)`),
  rule("c2-framework", ["cobalt", "sliver", "havoc", "mythic", "metasploit", "brainworm"], "names an offensive-security framework (cobalt strike, sliver, havoc, mythic, metasploit)", String.raw`\b(?:cobalt\s*strike|sliver|havoc|mythic|metasploit|brainworm)\b`),
  rule("c2-words", ["c2", "control"], `says "C2 server/channel" or "command and control"`, String.raw`\bc2\s+(?:server|channel|infrastructure|beacon)\b|\bcommand\s+and\s+control\b`),
  rule("send-to-url", ["http"], "asks to send or upload something to a URL", String.raw`\b(?:send|post|upload|transmit)\s+[^\n]{0,2048}?\s+(?:to|at)\s+https?://`, "memory"),
  rule("share-context", ["conversation", "chat", "messages", "context"], "asks to share the conversation or context", String.raw`\b(?:include|output|print|share)\s+${W}(?:conversation|chat\s+history|previous\s+messages|full\s+context|entire\s+context)`, "memory"),
  rule("ssh-keys", ["authorized_keys"], "mentions authorized_keys", "authorized_keys", "memory"),
  rule("ssh-dir", [".ssh"], "mentions ~/.ssh", String.raw`\$HOME/\.ssh|~/\.ssh`, "memory"),
  rule("hermes-env", [".hermes/.env"], "mentions ~/.hermes/.env", String.raw`\$HOME/\.hermes/\.env|~/\.hermes/\.env`, "memory"),
  rule("agent-config-edit", ["agents.md", "claude.md", ".cursorrules", ".clinerules"], "asks to edit an agent instruction file (AGENTS.md, CLAUDE.md, …)", String.raw`\b${EDIT}(?:AGENTS\.md|CLAUDE\.md|\.cursorrules|\.clinerules)`, "memory"),
  rule("hermes-config-edit", [".hermes/"], "asks to edit Hermes' config.yaml or SOUL.md", String.raw`\b${EDIT}\.hermes/(?:config\.yaml|SOUL\.md)`, "memory"),
  rule("hardcoded-secret", ["key", "token", "secret", "password"], "holds a quoted key/token/password value", String.raw`(?:api[_-]?key|token|secret|password)\s*[=:]\s*["'][A-Za-z0-9+/=_-]{20,}`, "memory"),
];

/** Zero-width, word-joiner, invisible-operator, BOM and bidirectional control characters. */
const INVISIBLE = /[\u200b-\u200d\u2060\u2062-\u2064\ufeff\u202a-\u202e\u2066-\u2069]/gu;

export interface ThreatFinding {
  rule: string;
  what: string;
  /** 1-based, in the text given. */
  line: number;
  column: number;
}

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

/** Every rule `text` trips in `scope` (pure). A leading BOM is ignored, as Hermes ignores it. */
export function scanThreats(text: string, scope: ThreatScope): ThreatFinding[] {
  const body = text.startsWith("\ufeff") ? ` ${text.slice(1)}` : text;
  const findings: ThreatFinding[] = [];
  for (const m of body.matchAll(INVISIBLE)) {
    const cp = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    findings.push({ rule: "invisible-character", what: `holds the invisible character U+${cp}`, ...position(body, m.index ?? 0) });
  }
  const folded = body.normalize("NFKC");
  const lower = folded.toLowerCase();
  for (const r of RULES) {
    if (r.scope === "memory" && scope === "context") continue;
    if (!r.hints.some((h) => lower.includes(h))) continue;
    r.re.lastIndex = 0;
    const m = r.re.exec(folded);
    if (m) findings.push({ rule: r.id, what: r.what, ...position(folded, m.index) });
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
