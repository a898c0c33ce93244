// Source hosting: GitHub (classic, fine-grained, OAuth, app, refresh), GitLab, Bitbucket, Atlassian.
import { validCrc32Base62 } from "../checksum.js";
import { looksRandom } from "../entropy.js";
import type { Rule } from "../rule.js";
import { AN, AN_, B64URL, provider, randomAfter } from "./provider.js";

/** GitHub and npm tokens carry a CRC-32 checksum; a token whose checksum fails must still look random. */
export const checksummed = (prefixLength: number) => (s: string) => {
  const body = s.slice(prefixLength);
  return validCrc32Base62(body) || looksRandom(body, 3.5);
};

const github = (id: string, prefix: string): Rule =>
  provider({ id, parts: [prefix, [AN, 36, 36]], before: AN_, check: checksummed(prefix.length) });

export const VCS_RULES: Rule[] = [
  github("github-pat", "ghp_"),
  github("github-oauth-token", "gho_"),
  github("github-app-token", "ghu_"),
  github("github-app-token", "ghs_"),
  github("github-refresh-token", "ghr_"),
  provider({
    id: "github-fine-grained-pat",
    parts: ["github_pat_", [AN, 22, 22], "_", [AN, 59, 59]],
    before: AN_,
    check: randomAfter(11, 3.5),
  }),
  provider({ id: "gitlab-pat", parts: ["glpat-", [`${B64URL}.`, 20, 80]], before: B64URL, after: `${B64URL}.`, check: randomAfter(6) }),
  provider({ id: "gitlab-deploy-token", parts: ["gldt-", [B64URL, 20, 80]], before: B64URL, check: randomAfter(5) }),
  provider({ id: "gitlab-runner-token", parts: ["glrt-", [`${B64URL}.`, 20, 80]], before: B64URL, after: `${B64URL}.`, check: randomAfter(5) }),
  provider({ id: "gitlab-runner-token", parts: ["GR1348941", [B64URL, 20, 40]], before: B64URL, check: randomAfter(9) }),
  provider({ id: "gitlab-trigger-token", parts: ["glptt-", [B64URL, 20, 80]], before: B64URL, check: randomAfter(6) }),
  provider({ id: "bitbucket-app-password", parts: ["ATBB", [AN, 32, 32]], before: AN_, check: randomAfter(4) }),
  provider({ id: "atlassian-api-token", parts: ["ATATT3", [`${B64URL}=`, 150, 260]], before: B64URL, after: `${B64URL}=`, check: randomAfter(6) }),
];
