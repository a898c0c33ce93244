// The content scan (pure: text in, hits out): runs every rule, drops placeholders, and keeps
// the most specific rule where two rules report the same text.
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

/** Every hit of `rules` in `text`, overlaps resolved in favour of the higher priority. */
export function scanText(text: string, rules: readonly Rule[] = CONTENT_RULES): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    for (const h of rule.scan(text)) {
      if (isPlaceholder(h.secret)) continue;
      hits.push(toRuleHit(rule, h));
    }
  }
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
