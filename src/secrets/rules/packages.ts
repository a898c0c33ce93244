// Package registries: npm (checksummed tokens, .npmrc auth lines) and PyPI.
import { matches } from "../pattern.js";
import { isPlaceholder, isReference } from "../placeholder.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { AN, AN_, B64URL, provider, randomAfter } from "./provider.js";
import { checksummed } from "./vcs.js";

/** `_authToken=`, `_auth=`, `_password=` in an .npmrc: any literal value is a credential. */
const npmrcAuth: Rule = {
  id: "npmrc-auth-token",
  priority: PRIORITY.provider - 1,
  anchors: ["_auth", "_password"],
  *scan(text: string): Generator<Hit> {
    for (const m of matches(/_(?:authToken|auth|password)[ \t]{0,4}=[ \t]{0,4}/g, text)) {
      const start = m.index + m[0].length;
      let j = start;
      while (j < text.length && j - start < 1024 && !/[\s"']/.test(text[j] as string)) j++;
      const value = text.slice(start, j);
      if (value.length >= 8 && !isReference(value) && !isPlaceholder(value)) yield { index: start, secret: value };
    }
  },
};

export const PACKAGE_RULES: Rule[] = [
  provider({ id: "npm-token", parts: ["npm_", [AN, 36, 36]], before: AN_, check: checksummed(4) }),
  npmrcAuth,
  provider({ id: "pypi-token", parts: ["pypi-AgEIcHlwaS5vcmc", [B64URL, 50, 400]], before: AN_, after: B64URL, check: randomAfter(20, 3.5) }),
  provider({ id: "pypi-token", parts: ["pypi-AgENdGVzdC5weXBpLm9yZw", [B64URL, 50, 400]], before: AN_, after: B64URL, check: randomAfter(27, 3.5) }),
];
