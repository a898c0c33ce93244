// Every kind of secret in the corpus: how to generate one in its real format, and the key name
// and contexts it is usually found in. `rule` is the id the scanner must report.
import { SAAS_KINDS } from "./kinds-saas.js";
import { ALNUM, B32, B64, B64URL, DIGITS, HEX, type Rng, b64urlOf, checksummedToken } from "./random.js";

export type Context = "env" | "yaml" | "json" | "prose" | "code" | "frontmatter" | "toml" | "script";

export interface Kind {
  rule: string;
  key: string;
  gen(rng: Rng): string;
  contexts: Context[];
  /** Multi-line values (PEM) go only where a block fits. */
  block?: boolean;
}

const ALL: Context[] = ["env", "yaml", "json", "prose", "code", "frontmatter"];
const TEXTY: Context[] = ["env", "yaml", "prose", "code"];

function pem(rng: Rng, label: string, first = ""): string {
  const body = first + rng.pick(B64, 64 * 12 - first.length);
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----`;
}

function jwt(rng: Rng): string {
  const header = b64urlOf(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = b64urlOf(JSON.stringify({ sub: rng.pick(HEX, 16), role: "service_role", iat: rng.int(1.6e9, 1.8e9) }));
  return `${header}.${payload}.${rng.pick(B64URL, 43)}`;
}

function discord(rng: Rng): string {
  const id = `${rng.int(1, 9)}${rng.pick(DIGITS, 17)}`;
  return `${Buffer.from(id).toString("base64url")}.${rng.pick(B64URL, 6)}.${rng.pick(B64URL, 38)}`;
}

const password = (rng: Rng) => `${rng.pick(ALNUM, 10)}${rng.pick("!#%^*-_", 1)}${rng.pick(DIGITS, 3)}`;

export const BASE_KINDS: Kind[] = [
  { rule: "aws-access-key-id", key: "AWS_ACCESS_KEY_ID", gen: (r) => `AKIA${r.pick(B32, 16)}`, contexts: ALL },
  { rule: "aws-secret-access-key", key: "AWS_SECRET_ACCESS_KEY", gen: (r) => r.pick(B64, 40), contexts: ["env", "yaml", "json", "code"] },
  { rule: "gcp-api-key", key: "GEMINI_API_KEY", gen: (r) => `AIza${r.pick(B64URL, 35)}`, contexts: ALL },
  { rule: "gcp-oauth-client-secret", key: "GOOGLE_CLIENT_SECRET", gen: (r) => `GOCSPX-${r.pick(B64URL, 28)}`, contexts: TEXTY },
  { rule: "gcp-access-token", key: "GOOGLE_ACCESS_TOKEN", gen: (r) => `ya29.a0${r.pick(B64URL, 150)}`, contexts: ["env", "code", "prose"] },
  {
    rule: "azure-storage-account-key",
    key: "AZURE_STORAGE_CONNECTION_STRING",
    gen: (r) => `DefaultEndpointsProtocol=https;AccountName=atlasmem;AccountKey=${r.pick(B64, 86)}==;EndpointSuffix=core.windows.net`,
    contexts: ["env", "yaml", "json", "code"],
  },
  { rule: "azure-ad-client-secret", key: "AZURE_CLIENT_SECRET", gen: (r) => `${r.pick(ALNUM, 3)}${r.int(1, 9)}Q~${r.pick(`${ALNUM}_~.-`, 34)}`, contexts: TEXTY },
  {
    rule: "azure-sas-token",
    key: "AZURE_BLOB_URL",
    gen: (r) => `https://atlasmem.blob.core.windows.net/backups?sv=2023-11-03&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&sig=${encodeURIComponent(`${r.pick(B64, 43)}=`)}`,
    contexts: ["env", "yaml", "prose", "code"],
  },
  { rule: "github-pat", key: "GITHUB_TOKEN", gen: (r) => checksummedToken(r, "ghp_"), contexts: [...ALL, "script"] },
  { rule: "github-oauth-token", key: "GH_OAUTH_TOKEN", gen: (r) => checksummedToken(r, "gho_"), contexts: TEXTY },
  { rule: "github-app-token", key: "GITHUB_APP_TOKEN", gen: (r) => checksummedToken(r, "ghs_"), contexts: TEXTY },
  { rule: "github-refresh-token", key: "GITHUB_REFRESH_TOKEN", gen: (r) => checksummedToken(r, "ghr_"), contexts: ["env", "json"] },
  { rule: "github-fine-grained-pat", key: "GH_PAT", gen: (r) => `github_pat_${r.pick(ALNUM, 22)}_${r.pick(ALNUM, 59)}`, contexts: ALL },
  { rule: "gitlab-pat", key: "GITLAB_TOKEN", gen: (r) => `glpat-${r.pick(B64URL, 20)}`, contexts: ALL },
  { rule: "gitlab-deploy-token", key: "GITLAB_DEPLOY_TOKEN", gen: (r) => `gldt-${r.pick(B64URL, 20)}`, contexts: ["env", "yaml"] },
  { rule: "gitlab-runner-token", key: "RUNNER_TOKEN", gen: (r) => `glrt-${r.pick(B64URL, 20)}`, contexts: ["env", "yaml", "code"] },
  { rule: "bitbucket-app-password", key: "BITBUCKET_APP_PASSWORD", gen: (r) => `ATBB${r.pick(ALNUM, 32)}`, contexts: TEXTY },
  { rule: "atlassian-api-token", key: "JIRA_API_TOKEN", gen: (r) => `ATATT3xFfGF0${r.pick(`${B64URL}`, 170)}=${r.pick("0123456789ABCDEF", 8)}`, contexts: ["env", "yaml", "json"] },
  { rule: "slack-bot-token", key: "SLACK_BOT_TOKEN", gen: (r) => `xoxb-${r.pick(DIGITS, 11)}-${r.pick(DIGITS, 13)}-${r.pick(ALNUM, 24)}`, contexts: ALL },
  { rule: "slack-user-token", key: "SLACK_USER_TOKEN", gen: (r) => `xoxp-${r.pick(DIGITS, 11)}-${r.pick(DIGITS, 11)}-${r.pick(DIGITS, 13)}-${r.pick(HEX, 32)}`, contexts: TEXTY },
  { rule: "slack-app-token", key: "SLACK_APP_TOKEN", gen: (r) => `xapp-1-A${r.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10)}-${r.pick(DIGITS, 13)}-${r.pick(HEX, 64)}`, contexts: ["env", "yaml"] },
  {
    rule: "slack-webhook-url",
    key: "SLACK_WEBHOOK_URL",
    gen: (r) => `https://hooks.slack.com/services/T${r.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8)}/B${r.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10)}/${r.pick(ALNUM, 24)}`,
    contexts: ALL,
  },
  { rule: "discord-bot-token", key: "DISCORD_BOT_TOKEN", gen: discord, contexts: ALL },
  { rule: "discord-webhook-url", key: "DISCORD_WEBHOOK", gen: (r) => `https://discord.com/api/webhooks/${r.pick(DIGITS, 19)}/${r.pick(B64URL, 68)}`, contexts: TEXTY },
  { rule: "telegram-bot-token", key: "TELEGRAM_BOT_TOKEN", gen: (r) => `${r.int(100000000, 9999999999)}:AA${r.pick(B64URL, 33)}`, contexts: ALL },
  { rule: "openai-api-key", key: "OPENAI_API_KEY", gen: (r) => `sk-proj-${r.pick(B64URL, 74)}T3BlbkFJ${r.pick(B64URL, 74)}`, contexts: ALL },
  { rule: "anthropic-api-key", key: "ANTHROPIC_API_KEY", gen: (r) => `sk-ant-api03-${r.pick(B64URL, 93)}AA`, contexts: ALL },
  { rule: "huggingface-token", key: "HF_TOKEN", gen: (r) => `hf_${r.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34)}`, contexts: ALL },
  { rule: "groq-api-key", key: "GROQ_API_KEY", gen: (r) => `gsk_${r.pick(ALNUM, 52)}`, contexts: TEXTY },
  { rule: "replicate-api-token", key: "REPLICATE_API_TOKEN", gen: (r) => `r8_${r.pick(ALNUM, 37)}`, contexts: TEXTY },
  { rule: "perplexity-api-key", key: "PERPLEXITY_API_KEY", gen: (r) => `pplx-${r.pick(ALNUM, 48)}`, contexts: ["env", "json"] },
  { rule: "xai-api-key", key: "XAI_API_KEY", gen: (r) => `xai-${r.pick(ALNUM, 80)}`, contexts: ["env", "yaml"] },
  { rule: "openrouter-api-key", key: "OPENROUTER_API_KEY", gen: (r) => `sk-or-v1-${r.pick(HEX, 64)}`, contexts: TEXTY },
  { rule: "langsmith-api-key", key: "LANGSMITH_API_KEY", gen: (r) => `lsv2_pt_${r.pick(HEX, 32)}_${r.pick(HEX, 10)}`, contexts: ["env", "yaml"] },
  { rule: "tavily-api-key", key: "TAVILY_API_KEY", gen: (r) => `tvly-${r.pick(ALNUM, 32)}`, contexts: ["env", "json"] },
  { rule: "stripe-secret-key", key: "STRIPE_SECRET_KEY", gen: (r) => `sk_live_${r.pick(ALNUM, 99)}`, contexts: ALL },
  { rule: "stripe-restricted-key", key: "STRIPE_RESTRICTED_KEY", gen: (r) => `rk_live_${r.pick(ALNUM, 99)}`, contexts: ["env", "yaml"] },
  { rule: "stripe-webhook-secret", key: "STRIPE_WEBHOOK_SECRET", gen: (r) => `whsec_${r.pick(ALNUM, 32)}`, contexts: ["env", "yaml", "code"] },
  { rule: "twilio-api-key", key: "TWILIO_API_KEY", gen: (r) => `SK${r.pick(HEX, 32)}`, contexts: TEXTY },
  { rule: "sendgrid-api-key", key: "SENDGRID_API_KEY", gen: (r) => `SG.${r.pick(B64URL, 22)}.${r.pick(B64URL, 43)}`, contexts: ALL },
  { rule: "mailgun-api-key", key: "MAILGUN_API_KEY", gen: (r) => `key-${r.pick(HEX, 32)}`, contexts: ["env", "yaml", "code"] },
  { rule: "mailchimp-api-key", key: "MAILCHIMP_API_KEY", gen: (r) => `${r.pick(HEX, 32)}-us${r.int(1, 21)}`, contexts: ["env", "json"] },
  { rule: "shopify-token", key: "SHOPIFY_ACCESS_TOKEN", gen: (r) => `shpat_${r.pick(HEX, 32)}`, contexts: ["env", "yaml"] },
  { rule: "linear-api-key", key: "LINEAR_API_KEY", gen: (r) => `lin_api_${r.pick(ALNUM, 40)}`, contexts: ["env", "prose"] },
  { rule: "notion-token", key: "NOTION_TOKEN", gen: (r) => `ntn_${r.pick(DIGITS, 11)}${r.pick(ALNUM, 35)}`, contexts: ["env", "yaml"] },
  { rule: "doppler-token", key: "DOPPLER_TOKEN", gen: (r) => `dp.st.${r.pick(ALNUM, 43)}`, contexts: ["env", "code"] },
  { rule: "vault-token", key: "VAULT_TOKEN", gen: (r) => `hvs.CAESI${r.pick(B64URL, 91)}`, contexts: ["env", "code"] },
  { rule: "digitalocean-token", key: "DIGITALOCEAN_TOKEN", gen: (r) => `dop_v1_${r.pick(HEX, 64)}`, contexts: ["env", "yaml"] },
  { rule: "npm-token", key: "NPM_TOKEN", gen: (r) => checksummedToken(r, "npm_"), contexts: ALL },
  { rule: "pypi-token", key: "PYPI_TOKEN", gen: (r) => `pypi-AgEIcHlwaS5vcmc${r.pick(B64URL, 150)}`, contexts: ["env", "toml", "code"] },
  { rule: "jwt", key: "SUPABASE_SERVICE_ROLE_KEY", gen: jwt, contexts: ALL },
  { rule: "private-key", key: "TLS_KEY", gen: (r) => pem(r, "RSA PRIVATE KEY", "MIIEow"), contexts: ["code", "json", "yaml"], block: true },
  { rule: "private-key", key: "SIGNING_KEY", gen: (r) => pem(r, "PRIVATE KEY", "MIIEvQ"), contexts: ["code", "json"], block: true },
  { rule: "private-key", key: "EC_KEY", gen: (r) => pem(r, "EC PRIVATE KEY", "MHcC"), contexts: ["code"], block: true },
  { rule: "private-key", key: "ENCRYPTED_KEY", gen: (r) => pem(r, "ENCRYPTED PRIVATE KEY", "MIIFHz"), contexts: ["code"], block: true },
  { rule: "openssh-private-key", key: "DEPLOY_KEY", gen: (r) => pem(r, "OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAA"), contexts: ["code", "yaml"], block: true },
  { rule: "pgp-private-key", key: "PGP_KEY", gen: (r) => pem(r, "PGP PRIVATE KEY BLOCK", "lQOYBGW"), contexts: ["code"], block: true },
  { rule: "postgres-connection-string", key: "DATABASE_URL", gen: (r) => `postgres://atlas:${password(r)}@10.0.1.5:5432/system_brain`, contexts: ALL },
  { rule: "mysql-connection-string", key: "MYSQL_URL", gen: (r) => `mysql://wiki:${password(r)}@db.internal:3306/wiki`, contexts: TEXTY },
  { rule: "mongodb-connection-string", key: "MONGO_URI", gen: (r) => `mongodb+srv://agent:${password(r)}@cluster0.ab12c.mongodb.net/memories`, contexts: TEXTY },
  { rule: "redis-connection-string", key: "REDIS_URL", gen: (r) => `redis://default:${password(r)}@cache.internal:6379/0`, contexts: ["env", "yaml", "json"] },
  { rule: "amqp-connection-string", key: "AMQP_URL", gen: (r) => `amqps://worker:${password(r)}@mq.internal:5671/vhost`, contexts: ["env", "yaml"] },
  { rule: "url-password", key: "GIT_REMOTE", gen: (r) => `https://deploy:${password(r)}@git.internal/atlas-soul.git`, contexts: ["env", "prose", "code"] },
  { rule: "secret-assignment", key: "DB_PASSWORD", gen: password, contexts: ["env", "yaml", "json", "toml", "frontmatter", "script"] },
  { rule: "secret-assignment", key: "webhookSecret", gen: (r) => r.pick(ALNUM, 32), contexts: ["json", "yaml", "env", "script"] },
  { rule: "secret-assignment", key: "client_secret", gen: (r) => `${r.pick(ALNUM, 24)}${r.pick("-_", 1)}${r.pick(ALNUM, 12)}`, contexts: ["yaml", "toml", "json"] },
  { rule: "npmrc-auth-token", key: "_authToken", gen: (r) => `${r.pick(HEX, 8)}-${r.pick(HEX, 4)}-${r.pick(HEX, 4)}-${r.pick(HEX, 4)}-${r.pick(HEX, 12)}`, contexts: ["env"] },
  { rule: "generic-secret", key: "bridge token", gen: (r) => `${r.pick(ALNUM, 20)}${r.pick("._-", 1)}${r.pick(ALNUM, 12)}`, contexts: ["prose"] },
];

/** Every kind: the original ones and the providers added in issue 12. */
export const KINDS: Kind[] = [...BASE_KINDS, ...SAAS_KINDS];
