// The content scan (pure: text in, hits out). One combined regex finds every rule's anchors in a
// single pass; anchored rules run only where their anchor occurs, other rules only when their
// anchors occur at all. Placeholders are dropped, and where two rules report the same text the
// more specific one is kept.
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

interface Plan {
  anchorRe: RegExp;
  /** Rules to call at an anchor's offset, by anchor. */
  atAnchor: Map<string, Rule[]>;
  /** Rules that scan the whole text when any of their anchors occurs. */
  whenPresent: Map<string, Rule[]>;
  always: Rule[];
}

const plans = new WeakMap<readonly Rule[], Plan>();

function planFor(rules: readonly Rule[]): Plan {
  const cached = plans.get(rules);
  if (cached) return cached;
  const atAnchor = new Map<string, Rule[]>();
  const whenPresent = new Map<string, Rule[]>();
  const always: Rule[] = [];
  for (const r of rules) {
    if (!r.anchors) {
      always.push(r);
      continue;
    }
    const into = r.at ? atAnchor : whenPresent;
    for (const a of r.anchors) into.set(a, [...(into.get(a) ?? []), r]);
  }
  const all = [...new Set([...atAnchor.keys(), ...whenPresent.keys()])].sort((a, b) => b.length - a.length);
  const anchorRe = new RegExp(all.map((a) => a.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")).join("|"), "g");
  const plan = { anchorRe, atAnchor, whenPresent, always };
  plans.set(rules, plan);
  return plan;
}

/** Every hit of `rules` in `text`, overlaps resolved in favour of the higher priority. */
export function scanText(text: string, rules: readonly Rule[] = CONTENT_RULES): RuleHit[] {
  const plan = planFor(rules);
  const hits: RuleHit[] = [];
  const push = (rule: Rule, h: Hit) => {
    if (!isPlaceholder(h.secret)) hits.push(toRuleHit(rule, h));
  };
  const present = new Set<Rule>(plan.always);
  const re = plan.anchorRe;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const anchor = m[0];
    for (const r of plan.whenPresent.get(anchor) ?? []) present.add(r);
    for (const r of plan.atAnchor.get(anchor) ?? []) {
      const h = r.at?.(text, m.index);
      if (h) push(r, h);
    }
    // Anchors may overlap ("xoxb-" inside a longer token): look again one character on.
    re.lastIndex = m.index + 1;
  }
  for (const r of present) for (const h of r.scan(text)) push(r, h);
  return resolveOverlaps(hits);
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
