// The content scan (pure: text in, hits out). One pass over the text with rolling trigram tables
// finds every rule's anchors (case-sensitive) and every keyword (case-insensitive) at once;
// anchored rules then run only where their anchor occurs, other anchored rules only when one of
// their anchors occurs at all. Placeholders are dropped, and where two rules report the same
// text the more specific one is kept.
import { isPlaceholder } from "./placeholder.js";
import type { Hit, Rule } from "./rule.js";
import { CONTENT_RULES } from "./rules/index.js";

export interface RuleHit {
  rule: string;
  priority: number;
  index: number;
  end: number;
  secret: string;
  preview?: string;
}

/** Anchors and keywords whose first three characters share one folded trigram. */
interface Group {
  anchors: string[];
  keywords: string[];
  /** Bit (c & 31) set for each folded fourth character a member can have; all set for 3-character members. */
  next: number;
}

interface Plan {
  /** Folded trigram (3 × 5 bits) → 1 + index into groups; 0 when nothing starts so. */
  table: Uint16Array;
  groups: Group[];
  keywordRules: Rule[];
  atAnchor: Map<string, Rule[]>;
  whenPresent: Map<string, Rule[]>;
  always: Rule[];
}

const plans = new WeakMap<readonly Rule[], Plan>();

/**
 * Each ASCII character folded to 5 bits (so "K" and "k" agree), three of them hashed into a
 * 64 KB table (16-bit entries: there are more than 255 groups) that stays in the CPU cache. Collisions are resolved by checking the candidates.
 */
const fold3 = (s: string) => [...s.slice(0, 3)].reduce((h, ch) => ((h << 5) | (ch.charCodeAt(0) & 31)) & 0x7fff, 0);

function planFor(rules: readonly Rule[]): Plan {
  const cached = plans.get(rules);
  if (cached) return cached;
  const atAnchor = new Map<string, Rule[]>();
  const whenPresent = new Map<string, Rule[]>();
  const always: Rule[] = [];
  const keywordRules: Rule[] = [];
  const table = new Uint16Array(1 << 15);
  const groups: Group[] = [];
  const groupFor = (s: string): Group => {
    if (s.length < 3 || /[^\x00-\x7f]/.test(s)) throw new Error(`anchors and keywords are ASCII, 3+ characters: ${s}`);
    const h = fold3(s);
    if (!table[h]) {
      groups.push({ anchors: [], keywords: [], next: 0 });
      table[h] = groups.length;
    }
    const g = groups[(table[h] as number) - 1] as Group;
    g.next |= s.length > 3 ? 1 << (s.charCodeAt(3) & 31) : -1;
    return g;
  };
  for (const r of rules) {
    if (r.keywords && r.scanAt) {
      keywordRules.push(r);
      for (const k of r.keywords) {
        if (!/^[a-z]+$/.test(k)) throw new Error(`keywords are lower-case letters: ${k}`);
        const g = groupFor(k);
        if (!g.keywords.includes(k)) g.keywords.push(k);
      }
    } else if (!r.anchors) always.push(r);
    else {
      for (const a of r.anchors) {
        const into = r.at ? atAnchor : whenPresent;
        into.set(a, [...(into.get(a) ?? []), r]);
        const g = groupFor(a);
        if (!g.anchors.includes(a)) g.anchors.push(a);
      }
    }
  }
  const plan = { table, groups, keywordRules, atAnchor, whenPresent, always };
  plans.set(rules, plan);
  return plan;
}

/** True when `word` (lower case letters) occurs at `at` in any letter case. */
function matchesFolded(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** What one scan collects; passed to module-level helpers so the hot loop allocates no closures. */
interface ScanState {
  text: string;
  plan: Plan;
  hits: RuleHit[];
  present: Set<Rule>;
  keywordEnds: number[];
}

function push(s: ScanState, rule: Rule, h: Hit): void {
  if (!isPlaceholder(h.secret)) s.hits.push(toRuleHit(rule, h));
}

/** Checks the anchors and keywords of a group at `start`. */
function candidates(s: ScanState, g: Group, start: number): void {
  for (const a of g.anchors) {
    if (!s.text.startsWith(a, start)) continue;
    for (const r of s.plan.whenPresent.get(a) ?? []) s.present.add(r);
    for (const r of s.plan.atAnchor.get(a) ?? []) {
      const h = r.at?.(s.text, start);
      if (h) push(s, r, h);
    }
  }
  for (const k of g.keywords) if (matchesFolded(s.text, start, k)) s.keywordEnds.push(start + k.length);
}

/** Every hit of `rules` in `text`, overlaps resolved in favour of the higher priority. */
export function scanText(text: string, rules: readonly Rule[] = CONTENT_RULES): RuleHit[] {
  const plan = planFor(rules);
  const { table, groups } = plan;
  const s: ScanState = { text, plan, hits: [], present: new Set(plan.always), keywordEnds: [] };
  // The hot loop: fold, hash, look up. Any character folds to 5 bits (non-ASCII ones too); a
  // false candidate costs only the check in `candidates`, which compares the real characters.
  const n = text.length;
  let h = n > 1 ? (((text.charCodeAt(0) & 31) << 5) | (text.charCodeAt(1) & 31)) : 0;
  for (let i = 2; i < n; i++) {
    h = ((h << 5) | (text.charCodeAt(i) & 31)) & 0x7fff;
    const g = table[h] as number;
    if (g !== 0) {
      const group = groups[g - 1] as Group;
      if ((group.next >>> (text.charCodeAt(i + 1) & 31)) & 1) candidates(s, group, i - 2);
    }
  }
  for (const r of plan.keywordRules) for (const hit of r.scanAt?.(text, s.keywordEnds) ?? []) push(s, r, hit);
  for (const r of s.present) for (const hit of r.scan(text)) push(s, r, hit);
  return resolveOverlaps(s.hits);
}

function toRuleHit(rule: Rule, h: Hit): RuleHit {
  return {
    rule: h.rule ?? rule.id,
    priority: h.priority ?? rule.priority,
    index: h.index,
    end: h.index + Math.max(1, h.secret.length),
    secret: h.secret,
    preview: h.preview,
  };
}

/** Sweeps hits in text order; within each run of overlapping hits the highest priority wins. */
function resolveOverlaps(hits: RuleHit[]): RuleHit[] {
  hits.sort((a, b) => a.index - b.index || b.priority - a.priority);
  const out: RuleHit[] = [];
  let cluster: RuleHit[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const kept: RuleHit[] = [];
    for (const h of [...cluster].sort((a, b) => b.priority - a.priority || a.index - b.index)) {
      if (!kept.some((k) => h.index < k.end && k.index < h.end)) kept.push(h);
    }
    out.push(...kept.sort((a, b) => a.index - b.index));
  };
  for (const h of hits) {
    if (h.index >= clusterEnd && cluster.length > 0) {
      flush();
      cluster = [];
    }
    cluster.push(h);
    clusterEnd = Math.max(clusterEnd, h.end);
  }
  if (cluster.length > 0) flush();
  return out;
}
