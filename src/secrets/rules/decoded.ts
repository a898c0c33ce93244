// Rules that decode before matching: JSON/YAML string escapes, URL encoding, anchored base64 and a
// Kubernetes Secret's data. Each decoded piece is scanned with the plain rules (one level deep, so
// the work stays a bounded multiple of the input) and its hits are moved back to the original
// offsets. Hits keep the rule that found them.
import { anchoredBase64, BASE64_ANCHORS, secretData } from "../decode/base64.js";
import type { Decoded } from "../decode/decoded.js";
import { escapedStrings } from "../decode/escapes.js";
import { urlEncodedRuns } from "../decode/url.js";
import type { Hit, Rule } from "../rule.js";
import { scanText } from "../scan-text.js";

function decoding(id: string, source: (text: string) => Iterable<Decoded>, inner: readonly Rule[], anchors?: string[]): Rule {
  return {
    id,
    priority: 0,
    ...(anchors ? { anchors } : {}),
    *scan(text: string): Generator<Hit> {
      for (const d of source(text)) {
        for (const h of scanText(d.text, inner)) {
          yield { index: d.at(h.index), secret: h.secret, rule: h.rule, priority: h.priority, ...(h.preview ? { preview: h.preview } : {}) };
        }
      }
    },
  };
}

/** The decoding rules over `inner`, the rules that run on what they decode. */
export function decodingRules(inner: readonly Rule[]): Rule[] {
  return [
    decoding("decoded-escapes", escapedStrings, inner),
    decoding("decoded-url", urlEncodedRuns, inner),
    decoding("decoded-base64", anchoredBase64, inner, BASE64_ANCHORS),
    decoding("decoded-secret-data", secretData, inner, ["kind: Secret", "kind: \"Secret\"", "kind\": \"Secret\"", "kind\":\"Secret\""]),
  ];
}
