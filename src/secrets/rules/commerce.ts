// Payments, messaging and SaaS: Stripe, Twilio, SendGrid, Mailgun, Mailchimp, Shopify, Linear, Notion.
import { looksRandom } from "../entropy.js";
import { matches } from "../pattern.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { AN, AN_, B64URL, HEX, HEXI, charTest, provider, randomAfter } from "./provider.js";

const isHex = charTest(HEX);
const isAn = charTest(AN);

/** Mailchimp keys: 32 hex characters, "-us", a data-centre number. Anchored on "-us". */
const mailchimp: Rule = {
  id: "mailchimp-api-key",
  priority: PRIORITY.provider,
  anchors: ["-us"],
  *scan(text: string): Generator<Hit> {
    for (const m of matches(/-us[0-9]{1,2}(?![A-Za-z0-9])/g, text)) {
      const s = m.index - 32;
      if (s < 0 || isAn(text[s - 1])) continue;
      let ok = true;
      for (let i = s; i < m.index && ok; i++) ok = isHex(text[i]);
      const secret = text.slice(s, m.index + m[0].length);
      if (ok && looksRandom(secret.slice(0, 32), 3.0)) yield { index: s, secret };
    }
  },
};

export const COMMERCE_RULES: Rule[] = [
  provider({ id: "stripe-secret-key", parts: ["sk_", ["a-z", 4, 4], "_", [AN, 24, 247]], before: AN_, check: (s) => /^sk_(live|test|prod)_/.test(s) && randomAfter(8, 3.5)(s) }),
  provider({ id: "stripe-restricted-key", parts: ["rk_", ["a-z", 4, 4], "_", [AN, 24, 247]], before: AN_, check: (s) => /^rk_(live|test|prod)_/.test(s) && randomAfter(8, 3.5)(s) }),
  provider({ id: "stripe-webhook-secret", parts: ["whsec_", [`${AN}+/=`, 32, 88]], before: AN_, after: `${AN}+/=`, check: randomAfter(6, 3.5) }),
  provider({ id: "twilio-api-key", parts: ["SK", [HEXI, 32, 32]], anchors: [..."0123456789abcdefABCDEF"].map((c) => `SK${c}`), before: AN_, check: randomAfter(2, 3.0) }),
  provider({ id: "sendgrid-api-key", parts: ["SG.", [B64URL, 22, 22], ".", [B64URL, 43, 43]], before: AN_, after: B64URL, check: randomAfter(3, 3.5) }),
  provider({ id: "mailgun-api-key", parts: ["key-", [HEX, 32, 32]], before: AN_, check: randomAfter(4, 3.0) }),
  mailchimp,
  provider({ id: "shopify-token", parts: ["shp", ["acpst", 2, 2], "_", [HEXI, 32, 32]], before: AN_, check: randomAfter(6, 3.0) }),
  provider({ id: "linear-api-key", parts: ["lin_api_", [AN, 40, 40]], before: AN_, check: randomAfter(8, 3.5) }),
  provider({ id: "notion-token", parts: ["ntn_", [AN, 46, 46]], before: AN_, check: randomAfter(4, 3.5) }),
  provider({ id: "notion-token", parts: ["secret_", [AN, 43, 43]], before: B64URL, check: randomAfter(7, 4.0) }),
];
