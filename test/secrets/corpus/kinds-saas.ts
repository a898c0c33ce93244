// Provider formats added from gitleaks' and trufflehog's public rule sets (issue 12), each built
// the way the provider writes it (prefix, alphabet, length from those rule files).
import type { Kind } from "./kinds.js";
import { ALNUM, B64, B64URL, DIGITS, HEX, type Rng } from "./random.js";

const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
const uuid = (r: Rng) => `${r.pick(HEX, 8)}-${r.pick(HEX, 4)}-4${r.pick(HEX, 3)}-a${r.pick(HEX, 3)}-${r.pick(HEX, 12)}`;
/** A numeric password as people pick them: 8 digits, not a run like "1234" or "7788". */
function digitPassword(r: Rng): string {
  let s = "";
  while (s.length < 8) {
    const d = r.pick(DIGITS, 1);
    const last = s.charCodeAt(s.length - 1) - 48;
    if (s === "" || Math.abs(Number(d) - last) > 1) s += d;
  }
  return s;
}
const ENVY: Kind["contexts"] = ["env", "yaml", "json"];

export const SAAS_KINDS: Kind[] = [
  { rule: "age-secret-key", key: "AGE_KEY", gen: (r) => `AGE-SECRET-KEY-1${r.pick("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)}`, contexts: ["env", "prose"] },
  { rule: "onepassword-secret-key", key: "OP_SECRET_KEY", gen: (r) => `A3-${r.pick(UPPER_DIGITS, 6)}-${r.pick(UPPER_DIGITS, 11)}-${r.pick(UPPER_DIGITS, 5)}-${r.pick(UPPER_DIGITS, 5)}-${r.pick(UPPER_DIGITS, 5)}`, contexts: ["env", "prose"] },
  { rule: "onepassword-service-account-token", key: "OP_SERVICE_ACCOUNT_TOKEN", gen: (r) => `ops_eyJ${r.pick(B64, 300)}`, contexts: ["env"] },
  { rule: "airtable-personal-access-token", key: "AIRTABLE_TOKEN", gen: (r) => `pat${r.pick(ALNUM, 14)}.${r.pick(HEX, 64)}`, contexts: ENVY },
  { rule: "alibaba-access-key-id", key: "ALIBABA_ACCESS_KEY_ID", gen: (r) => `LTAI${r.pick(ALNUM, 20)}`, contexts: ENVY },
  { rule: "artifactory-api-key", key: "ARTIFACTORY_API_KEY", gen: (r) => `AKCp${r.pick(ALNUM, 69)}`, contexts: ["env"] },
  { rule: "databricks-api-token", key: "DATABRICKS_TOKEN", gen: (r) => `dapi${r.pick(HEX, 32)}`, contexts: ENVY },
  { rule: "dynatrace-api-token", key: "DT_API_TOKEN", gen: (r) => `dt0c01.${r.pick(UPPER_DIGITS, 24)}.${r.pick(ALNUM, 64)}`, contexts: ["env"] },
  { rule: "flyio-access-token", key: "FLY_API_TOKEN", gen: (r) => `fo1_${r.pick(B64URL, 43)}`, contexts: ["env", "code"] },
  { rule: "grafana-service-account-token", key: "GRAFANA_TOKEN", gen: (r) => `glsa_${r.pick(ALNUM, 32)}_${r.pick(HEX, 8)}`, contexts: ENVY },
  { rule: "heroku-api-key", key: "HEROKU_API_KEY", gen: (r) => `HRKU-AA${r.pick(B64URL, 58)}`, contexts: ["env"] },
  { rule: "secret-assignment", key: "HEROKU_API_KEY", gen: uuid, contexts: ["env", "yaml"] },
  { rule: "secret-assignment", key: "SNYK_TOKEN", gen: uuid, contexts: ["env", "json"] },
  { rule: "secret-assignment", key: "POSTMARK_SERVER_TOKEN", gen: uuid, contexts: ["env"] },
  { rule: "secret-assignment", key: "DB_PASSWORD", gen: digitPassword, contexts: ["env", "yaml"] },
  { rule: "secret-assignment", key: "DROPBOX_APP_SECRET", gen: (r) => `${r.pick("abcdefghij", 2)}${r.int(1, 9)}${r.pick(LOWER_DIGITS, 12)}`, contexts: ["env"] },
  { rule: "newrelic-user-api-key", key: "NEW_RELIC_API_KEY", gen: (r) => `NRAK-${r.pick(UPPER_DIGITS, 27)}`, contexts: ENVY },
  { rule: "planetscale-token", key: "PLANETSCALE_TOKEN", gen: (r) => `pscale_tkn_${r.pick(B64URL, 43)}`, contexts: ["env"] },
  { rule: "postman-api-token", key: "POSTMAN_API_KEY", gen: (r) => `PMAK-${r.pick(HEX, 24)}-${r.pick(HEX, 34)}`, contexts: ["env", "json"] },
  { rule: "pulumi-access-token", key: "PULUMI_ACCESS_TOKEN", gen: (r) => `pul-${r.pick(HEX, 40)}`, contexts: ["env", "yaml"] },
  { rule: "rubygems-api-token", key: "GEM_HOST_API_KEY", gen: (r) => `rubygems_${r.pick(HEX, 48)}`, contexts: ["env"] },
  { rule: "sentry-user-token", key: "SENTRY_AUTH_TOKEN", gen: (r) => `sntryu_${r.pick(HEX, 64)}`, contexts: ["env"] },
  { rule: "sonarqube-token", key: "SONAR_TOKEN", gen: (r) => `squ_${r.pick(HEX, 40)}`, contexts: ["env", "yaml"] },
  { rule: "docker-hub-token", key: "DOCKERHUB_TOKEN", gen: (r) => `dckr_pat_${r.pick(B64URL, 27)}`, contexts: ["env", "code"] },
  { rule: "supabase-access-token", key: "SUPABASE_ACCESS_TOKEN", gen: (r) => `sbp_${r.pick(HEX, 40)}`, contexts: ["env"] },
  { rule: "tailscale-key", key: "TS_AUTHKEY", gen: (r) => `tskey-auth-k${r.pick(ALNUM, 10)}CNTRL-${r.pick(ALNUM, 32)}`, contexts: ["env", "code"] },
  { rule: "terraform-cloud-token", key: "TFE_TOKEN", gen: (r) => `${r.pick(ALNUM, 14)}.atlasv1.${r.pick(B64URL, 67)}`, contexts: ["env"] },
  { rule: "sendinblue-api-key", key: "BREVO_API_KEY", gen: (r) => `xkeysib-${r.pick(HEX, 64)}-${r.pick(ALNUM, 16)}`, contexts: ["env"] },
  { rule: "square-access-token", key: "SQUARE_ACCESS_TOKEN", gen: (r) => `EAAA${r.pick(B64URL, 60)}`, contexts: ["env"] },
  { rule: "typeform-api-token", key: "TYPEFORM_TOKEN", gen: (r) => `tfp_${r.pick(ALNUM, 59)}`, contexts: ["env"] },
  {
    rule: "microsoft-teams-webhook",
    key: "TEAMS_WEBHOOK_URL",
    gen: (r) => `https://contoso.webhook.office.com/webhookb2/${uuid(r)}@${uuid(r)}/IncomingWebhook/${r.pick(LOWER_DIGITS, 32)}/${uuid(r)}`,
    contexts: ["env", "prose"],
  },
];
