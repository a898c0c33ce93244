// Providers with a distinctive prefix, added from the public rule sets of gitleaks (config/
// gitleaks.toml, 2026-07) and trufflehog's detectors, as facts about each format: prefix, alphabet,
// length. Each token's body must also look machine-generated, so documentation stand-ins do not count.
import { looksRandom } from "../entropy.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { AN, AN_, B64, B64URL, HEX, HEXI, charTest, provider, randomAfter } from "./provider.js";

type Spec = [id: string, prefix: string | string[], body: string, min: number, max?: number, minEntropy?: number];

/** prefix + one run of `body` characters, bounded by non-token characters on both sides. */
const SIMPLE: Spec[] = [
  ["onepassword-service-account-token", "ops_eyJ", `${B64}=`, 250, 4096],
  ["adobe-client-secret", "p8e-", AN, 32, 32],
  ["alibaba-access-key-id", "LTAI", AN, 20, 20],
  ["artifactory-api-key", "AKCp", AN, 69, 69],
  ["artifactory-reference-token", "cmVmd", AN, 59, 59],
  ["aws-bedrock-api-key", "ABSK", `${B64}=`, 109, 272],
  ["clickhouse-cloud-secret-key", "4b1d", AN, 38, 38],
  ["clojars-api-token", "CLOJARS_", AN, 60, 60],
  ["databricks-api-token", "dapi", HEX, 32, 34],
  ["duffel-api-token", ["duffel_test_", "duffel_live_"], `${B64URL}=`, 43, 43],
  ["easypost-api-token", ["EZAK", "EZTK"], AN, 54, 54],
  ["facebook-page-access-token", ["EAAM", "EAAC"], AN, 100, 400],
  ["flyio-access-token", "fo1_", B64URL, 43, 43],
  ["flyio-access-token", ["fm1a_", "fm1r_", "fm2_"], `${B64}=`, 100, 4096],
  ["frameio-api-token", "fio-u-", `${B64URL}=`, 64, 64],
  ["gitlab-cicd-job-token", "glcbt-", B64URL, 22, 40],
  ["gitlab-feature-flag-token", "glffct-", B64URL, 20, 20],
  ["gitlab-feed-token", "glft-", B64URL, 20, 20],
  ["gitlab-incoming-mail-token", "glimt-", B64URL, 25, 25],
  ["gitlab-agent-token", "glagent-", B64URL, 50, 50],
  ["gitlab-oauth-app-secret", "gloas-", B64URL, 64, 64],
  ["gitlab-scim-token", "glsoat-", B64URL, 20, 20],
  ["gitlab-session-cookie", "_gitlab_session=", "0-9a-z", 32, 32],
  ["grafana-api-key", "eyJrIjoi", `${AN}=`, 70, 400],
  ["grafana-cloud-api-token", "glc_", `${B64}=`, 32, 400],
  ["heroku-api-key", "HRKU-AA", B64URL, 58, 58],
  ["intra42-client-secret", ["s-s4t2ud-", "s-s4t2af-"], HEX, 64, 64],
  ["newrelic-user-api-key", "NRAK-", "A-Z0-9", 27, 27],
  ["newrelic-insert-key", "NRII-", `${AN}-`, 32, 32],
  ["octopus-deploy-api-key", "API-", "A-Z0-9", 26, 26],
  ["openshift-user-token", "sha256~", B64URL, 43, 43],
  ["planetscale-token", ["pscale_tkn_", "pscale_oauth_", "pscale_pw_"], `${B64URL}=.`, 32, 64],
  ["prefect-api-token", "pnu_", AN, 36, 36],
  ["pulumi-access-token", "pul-", HEX, 40, 40],
  ["readme-api-token", "rdme_", "a-z0-9", 70, 70],
  ["rubygems-api-token", "rubygems_", HEX, 48, 48],
  ["scalingo-api-token", "tk-us-", B64URL, 48, 48],
  ["sentry-user-token", "sntryu_", HEX, 64, 64],
  ["sentry-org-token", "sntrys_eyJ", `${B64}=_`, 100, 600],
  ["settlemint-token", ["sm_pat_", "sm_aat_", "sm_sat_"], AN, 16, 16],
  ["shippo-api-token", ["shippo_live_", "shippo_test_"], HEXI, 40, 40],
  ["sonarqube-token", ["sqp_", "squ_", "sqa_"], HEX, 40, 40],
  ["square-access-token", ["sq0atp-", "EAAA"], B64URL, 22, 60, 3.5],
  ["square-oauth-secret", "sq0csp-", B64URL, 43, 43],
  ["typeform-api-token", "tfp_", `${B64URL}.=`, 59, 59],
  ["yandex-api-key", "AQVN", B64URL, 35, 38],
  ["docker-hub-token", ["dckr_pat_", "dckr_oat_"], B64URL, 27, 36],
  ["supabase-access-token", "sbp_", HEX, 40, 40],
  ["supabase-secret-key", "sb_secret_", B64URL, 31, 40],
  ["netlify-access-token", "nfp_", AN, 36, 36],
  ["buildkite-token", "bkua_", HEX, 40, 40],
  ["render-api-key", "rnd_", AN, 32, 32],
  ["pinecone-api-key", "pcsk_", `${AN}_`, 60, 80],
  ["figma-token", "figd_", B64URL, 40, 44],
  ["cerebras-api-key", "csk-", "a-z0-9", 48, 48],
  ["fireworks-api-key", "fw_", AN, 24, 24],
  ["brevo-smtp-key", "xsmtpsib-", `${HEX}-${AN}`, 81, 81],
  ["sendinblue-api-key", "xkeysib-", `${HEX}-${AN}`, 81, 81],
  ["sourcegraph-token", "sgp_", `${HEXI}_local`, 40, 60],
  ["slack-config-token", ["xoxe.xoxp-", "xoxe.xoxb-"], `${AN}-`, 160, 170],
  ["defined-networking-api-key", "dnkey-", `${B64URL}=`, 79, 79],
  ["circleci-token", "CCIPAT_", `${AN}_`, 40, 70],
  ["flutterwave-secret-key", ["FLWSECK_TEST-", "FLWSECK-"], "a-hA-H0-9", 32, 34],
];

const simpleRules = SIMPLE.flatMap(([id, prefixes, body, min, max = min, minEntropy = 3.0]) =>
  (Array.isArray(prefixes) ? prefixes : [prefixes]).map((prefix) =>
    // Not inside a longer base64 run (a PEM body line may start "EAAA…"): "+", "/" and "=" bound too.
    provider({ id, parts: [prefix, [body, min, max]], before: `${B64URL}+/`, after: `${body}+/=`, check: randomAfter(prefix.length, minEntropy) }),
  ),
);

/** Tokens with a fixed middle that its first part comes before: read back from the anchor. */
function middleAnchored(id: string, anchor: string, beforeCls: string, beforeLen: [number, number], after: RegExp): Rule {
  const isBefore = charTest(beforeCls);
  return {
    id,
    priority: PRIORITY.provider,
    anchors: [anchor],
    *scan(text: string): Generator<Hit> {
      for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + anchor.length)) {
        let s = i;
        while (s > 0 && i - s <= beforeLen[1] && isBefore(text[s - 1])) s--;
        if (i - s < beforeLen[0] || i - s > beforeLen[1]) continue;
        const m = after.exec(text.slice(i + anchor.length, i + anchor.length + 512));
        if (!m) continue;
        const secret = text.slice(s, i + anchor.length + m[0].length);
        if (looksRandom(secret.replace(anchor, ""), 3.2)) yield { index: s, secret };
      }
    },
  };
}

export const SAAS_RULES: Rule[] = [
  ...simpleRules,
  // Mixed case: "video.ico-<32 hex>.png" is a cache-busting file name, not an Infracost key.
  provider({ id: "infracost-api-token", parts: ["ico-", [AN, 32, 32]], before: `${AN_}+/`, check: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s.slice(4)) && randomAfter(4)(s) }),
  provider({ id: "slack-bot-token", parts: ["xoxb-", ["0-9", 8, 14], "-", [AN, 18, 26]], before: AN_, after: `${AN}-`, check: (s) => randomAfter(s.lastIndexOf("-") + 1)(s) }),
  provider({
    id: "slack-webhook-url",
    parts: ["hooks.slack.com/", ["a-z", 8, 9], "/", [`${AN}+/`, 43, 56]],
    before: "A-Za-z0-9.",
    after: `${AN}+/`,
    check: (s) => /^hooks\.slack\.com\/(?:services|workflows|triggers)\//.test(s) && randomAfter(s.lastIndexOf("/") + 1)(s),
  }),
  middleAnchored("sidekiq-secret", "__CONTRIBSYS__COM", "A-Z_", [11, 16], /^["']?[ \t]*[:=][ \t]*["']?[0-9a-f]{8}:[0-9a-f]{8}(?![0-9a-f])/),
  provider({ id: "age-secret-key", parts: ["AGE-SECRET-KEY-1", ["QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58, 58]], before: AN_ }),
  provider({
    id: "onepassword-secret-key",
    regex: /(?<![A-Za-z0-9])A3-(?=([A-Z0-9]{6}))\1-(?:(?=([A-Z0-9]{11}))\2|(?=([A-Z0-9]{6}))\3-(?=([A-Z0-9]{5}))\4)-(?=([A-Z0-9]{5}))\5-(?=([A-Z0-9]{5}))\6-(?=([A-Z0-9]{5}))\7(?![A-Za-z0-9])/g,
    anchors: ["A3-"],
    check: randomAfter(3, 3.5),
  }),
  provider({ id: "airtable-personal-access-token", parts: ["pat", [AN, 14, 14], ".", [HEX, 64, 64]], before: AN_, check: randomAfter(3, 3.5) }),
  provider({ id: "cloudflare-origin-ca-key", parts: ["v1.0-", [HEX, 24, 24], "-", [HEX, 146, 146]], before: AN_ }),
  provider({ id: "dynatrace-api-token", parts: ["dt0c01.", [AN, 24, 24], ".", [AN, 64, 64]], before: AN_, check: randomAfter(7, 3.5) }),
  provider({ id: "grafana-service-account-token", parts: ["glsa_", [AN, 32, 32], "_", [HEXI, 8, 8]], before: AN_, check: randomAfter(5, 3.5) }),
  provider({ id: "harness-api-key", parts: ["pat.", [B64URL, 22, 22], ".", [AN, 24, 24], ".", [AN, 20, 20]], anchors: ["pat."], before: AN_, check: randomAfter(4, 3.5) }),
  provider({ id: "harness-api-key", parts: ["sat.", [B64URL, 22, 22], ".", [AN, 24, 24], ".", [AN, 20, 20]], anchors: ["sat."], before: AN_, check: randomAfter(4, 3.5) }),
  provider({ id: "postman-api-token", parts: ["PMAK-", [HEXI, 24, 24], "-", [HEXI, 34, 34]], before: AN_, check: randomAfter(5, 3.0) }),
  provider({ id: "tailscale-key", parts: ["tskey-", ["a-z", 3, 7], "-", [AN, 8, 20], "-", [AN, 20, 40]], before: AN_, check: (s) => randomAfter(s.lastIndexOf("-") + 1, 3.2)(s) }),
  middleAnchored(
    "microsoft-teams-webhook",
    ".webhook.office.com/webhookb2/",
    "a-z0-9:/.-",
    [9, 80],
    /^[a-f0-9-]{36}@[a-f0-9-]{36}\/IncomingWebhook\/[a-z0-9]{32}\/[a-f0-9-]{36}/i,
  ),
  middleAnchored("terraform-cloud-token", ".atlasv1.", AN, [14, 14], /^[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/),
  middleAnchored("maxmind-license-key", "_mmk", `${AN}_`, [36, 36], /^(?![A-Za-z0-9_])/),
];
