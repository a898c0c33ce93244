// Cloud providers: AWS, Google Cloud, Azure, DigitalOcean, HashiCorp Vault, Doppler.
import { looksRandom, sequentialShare, shannon } from "../entropy.js";
import { matches } from "../pattern.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { AN, AN_, B64, B64URL, HEX, charTest, provider, randomAfter } from "./provider.js";

const awsAccessKeyId = provider({
  id: "aws-access-key-id",
  regex: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)(?=([A-Z2-7]{16}))\1(?![A-Za-z0-9])/g,
  anchors: ["AKIA", "ASIA", "ABIA", "ACCA"],
  // 16 base32 characters: often no digit at all, so only entropy and filler are tested.
  check: (s) => shannon(s.slice(4)) >= 2.5 && sequentialShare(s.slice(4)) < 0.5,
});

const isB64 = charTest(B64);
/** The 40-character secret access key, recognised by an AWS keyword before it on the same line. */
const awsSecretAccessKey: Rule = {
  id: "aws-secret-access-key",
  priority: 41,
  anchors: ["aws_secret", "AWS_SECRET", "awsSecret", "AwsSecret", "aws-secret", "aws secret", "AWS secret", "AWS Secret", "secret_access", "SECRET_ACCESS", "secretAccess", "SecretAccess", "secret-access"],
  *scan(text: string): Generator<Hit> {
    const kw = /aws|secret[_-]?access[_-]?key/gi;
    let from = 0;
    for (const m of matches(kw, text)) {
      if (m.index < from) continue;
      const end = Math.min(text.length, m.index + 160);
      let i = m.index + m[0].length;
      while (i < end && text[i] !== "\n") {
        if (!isB64(text[i]) || isB64(text[i - 1])) {
          i++;
          continue;
        }
        let j = i;
        while (j < text.length && j - i <= 40 && isB64(text[j])) j++;
        if (j - i === 40 && text[j] !== "=" && looksRandom(text.slice(i, j), 3.5)) {
          yield { index: i, secret: text.slice(i, j) };
          break;
        }
        i = j;
      }
      from = i;
    }
  },
};

const isSas = charTest("A-Za-z0-9%+/=");
/** Azure shared access signatures: `sig=` in a URL that also carries `sv=`. */
const azureSas: Rule = {
  id: "azure-sas-token",
  priority: PRIORITY.provider,
  anchors: ["sig="],
  *scan(text: string): Generator<Hit> {
    for (const m of matches(/[?&;]sig=/g, text)) {
      const start = m.index + 5;
      let j = start;
      while (j < text.length && j - start < 200 && isSas(text[j])) j++;
      const sig = text.slice(start, j);
      const around = text.slice(Math.max(0, m.index - 400), Math.min(text.length, j + 400));
      if (sig.length >= 40 && /[?&;]sv=\d{4}-\d\d-\d\d/.test(around) && looksRandom(sig, 3.5)) {
        yield { index: start, secret: sig };
      }
    }
  },
};

const isAzureSecretChar = charTest("A-Za-z0-9_~.\\-");
/** Azure AD / Entra client secrets: three characters, a digit, "Q~", then 31–34 more. */
const azureClientSecret: Rule = {
  id: "azure-ad-client-secret",
  priority: PRIORITY.provider,
  anchors: [..."0123456789"].map((d) => `${d}Q~`),
  *scan(text: string): Generator<Hit> {
    for (const m of matches(/[0-9]Q~/g, text)) {
      const start = m.index - 3;
      if (start < 0 || isAzureSecretChar(text[start - 1])) continue;
      if (![0, 1, 2].every((k) => isAzureSecretChar(text[start + k]))) continue;
      let j = m.index + 3;
      while (j < text.length && j - m.index <= 40 && isAzureSecretChar(text[j])) j++;
      const body = j - (m.index + 3);
      if (body < 31 || body > 34) continue;
      const secret = text.slice(start, j);
      if (looksRandom(secret, 3.5)) yield { index: start, secret };
    }
  },
};

export const CLOUD_RULES: Rule[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  provider({ id: "gcp-api-key", parts: ["AIza", [B64URL, 35, 35]], before: B64URL, check: randomAfter(4) }),
  provider({ id: "gcp-oauth-client-secret", parts: ["GOCSPX-", [B64URL, 28, 28]], before: B64URL, check: randomAfter(7) }),
  provider({ id: "gcp-access-token", parts: ["ya29.", [`${B64URL}.`, 30, 2048]], before: B64URL, after: `${B64URL}.` }),
  provider({
    id: "azure-storage-account-key",
    parts: ["AccountKey=", [B64, 86, 86], "=="],
    before: AN,
    after: B64,
    skip: "AccountKey=".length,
    check: randomAfter(0, 4),
  }),
  azureSas,
  azureClientSecret,
  provider({ id: "digitalocean-token", parts: ["do", ["opr", 1, 1], "_v1_", [HEX, 64, 64]], anchors: ["dop_v1_", "doo_v1_", "dor_v1_"], before: AN_ }),
  provider({ id: "vault-token", parts: ["hv", ["sb", 1, 1], ".", [B64URL, 90, 300]], anchors: ["hvs.", "hvb."], before: B64URL, check: randomAfter(4) }),
  provider({ id: "doppler-token", parts: ["dp.", ["a-z", 2, 3], ".", [AN, 40, 44]], before: AN_, check: randomAfter(6) }),
];
