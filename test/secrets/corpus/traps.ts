// Negatives: values that look like secrets but are not (DESIGN §6 and issue 3 "Not secrets").
// Each key/value trap is placed in .env, YAML and JSON; prose traps are Markdown lines.
import { ALNUM, B64, HEX, type Rng, b64urlOf } from "./random.js";

export interface KeyTrap {
  key: string;
  value: (rng: Rng) => string;
}

export const KEY_TRAPS: KeyTrap[] = [
  { key: "AWS_ACCESS_KEY_ID", value: () => "AKIAIOSFODNN7EXAMPLE" },
  { key: "AWS_SECRET_ACCESS_KEY", value: () => "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  { key: "GITHUB_TOKEN", value: () => "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal reference is the test data
  { key: "GITHUB_TOKEN", value: () => "${GITHUB_TOKEN}" },
  { key: "OPENAI_API_KEY", value: () => "<your key>" },
  { key: "OPENAI_API_KEY", value: () => "sk-..." },
  { key: "ANTHROPIC_API_KEY", value: () => "your-api-key-here" },
  { key: "DB_PASSWORD", value: () => "changeme" },
  { key: "DB_PASSWORD", value: () => "$(cat /run/secrets/db_password)" },
  { key: "DB_PASSWORD", value: () => "" },
  { key: "ADMIN_PASSWORD", value: () => "********" },
  { key: "API_TOKEN", value: () => "xxxx" },
  { key: "SLACK_BOT_TOKEN", value: () => "xoxb-your-token" },
  { key: "STRIPE_SECRET_KEY", value: () => "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX" },
  { key: "WEBHOOK_SECRET", value: () => "{{ .Values.webhook.secret }}" },
  { key: "HF_TOKEN", value: () => "op://agents/atlas/hf-token" },
  { key: "VAULT_TOKEN", value: () => "$VAULT_TOKEN" },
  { key: "SESSION_SECRET", value: () => "ENC[AES256_GCM,data:q2x9,iv:abc,tag:def,type:str]" },
  { key: "CLIENT_ID", value: (r) => `${r.pick(HEX, 8)}-${r.pick(HEX, 4)}-4${r.pick(HEX, 3)}-a${r.pick(HEX, 3)}-${r.pick(HEX, 12)}` },
  { key: "API_KEY", value: (r) => `${r.pick(HEX, 8)}-${r.pick(HEX, 4)}-4${r.pick(HEX, 3)}-b${r.pick(HEX, 3)}-${r.pick(HEX, 12)}` },
  { key: "SOURCE_REVISION", value: (r) => `v1.4.0@sha1:${r.pick(HEX, 40)}` },
  { key: "CONTENT_HASH", value: (r) => `sha256:${r.pick(HEX, 64)}` },
  { key: "INTEGRITY", value: (r) => `sha512-${r.pick(B64, 86)}==` },
  { key: "SSH_PUBLIC_KEY", value: (r) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.pick(B64, 43)} atlas@host` },
  { key: "PASSWORD_FILE", value: () => "/usr/local/etc/soulsync/secrets/db" },
  { key: "MAX_TOKENS", value: () => "4096" },
  { key: "TOKENIZER", value: () => "cl100k_base" },
  { key: "AUTH_MODE", value: () => "oauth2" },
  { key: "TOKEN_BUDGET", value: () => "32000" },
  { key: "API_KEY_ENV", value: () => "OPENAI_API_KEY" },
  { key: "SECRET_REF", value: () => "vault:secret/data/atlas#token" },
  { key: "PASSWORD_POLICY", value: () => "min-length-12" },
  { key: "JWT", value: () => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" },
  {
    key: "SUPABASE_ANON_KEY",
    value: (r) => `${b64urlOf('{"alg":"HS256","typ":"JWT"}')}.${b64urlOf(`{"iss":"supabase","ref":"${r.pick("abcdefghijklmnop", 20)}","role":"anon","iat":1700000000}`)}.${r.pick(ALNUM, 43)}`,
  },
  { key: "DATABASE_URL", value: () => "postgres://atlas@10.0.1.5:5432/system_brain" },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal reference is the test data
  { key: "DATABASE_URL", value: () => "postgres://atlas:${DB_PASSWORD}@10.0.1.5:5432/system_brain" },
  { key: "REDIS_URL", value: () => "redis://localhost:6379/0" },
  { key: "MONGO_URI", value: () => "mongodb://user:<password>@localhost:27017/test" },
  { key: "SECRET_KEY", value: () => "abcdefghijklmnopqrstuvwxyz0123456789" },
  { key: "ACCESS_TOKEN", value: () => "null" },
  { key: "GITHUB_TOKEN_URL", value: () => "https://github.com/login/oauth/access_token" },
  { key: "PUBLIC_KEY", value: (r) => r.pick(B64, 44) },
];

/** Markdown lines in memories, skills and identity files that mention secrets without containing one. */
export const PROSE_TRAPS: ((rng: Rng) => string)[] = [
  () => "Never paste a token into chat; ask the operator for a reference instead.",
  () => "The password policy requires at least twelve characters and a passphrase manager.",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal reference is the test data
  () => "Use `${OPENAI_API_KEY}` from the environment, never a literal key.",
  () => "The example key AKIAIOSFODNN7EXAMPLE appears in the AWS documentation.",
  (r) => `Commit ${r.pick(HEX, 40)} fixed the token refresh loop.`,
  (r) => `The release tarball has checksum ${r.pick(HEX, 64)} and is signed.`,
  (r) => `Session ${r.pick(HEX, 8)}-${r.pick(HEX, 4)}-4${r.pick(HEX, 3)}-9${r.pick(HEX, 3)}-${r.pick(HEX, 12)} ended when the auth server restarted.`,
  (r) => `![diagram](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${r.pick(B64, 400)})`,
  () => "Set the API key with `soulsync secrets set openai` — the key itself never enters git.",
  () => "Replace <your-token-here> with the token from the secrets directory.",
  () => "If the secret rotates, the agent restarts its bridge.",
  () => "Model: claude-sonnet-4-5-20250929, tokens per minute capped by the gateway.",
  () => "The auth flow uses PKCE with a code_verifier generated per login.",
  () => "Tokens are counted with the cl100k_base tokenizer before rendering.",
  () => "My credentials live in /usr/local/etc/soulsync/secrets, outside any repo.",
  () => "A bearer token goes in the Authorization header: `Authorization: Bearer $TOKEN`.",
  () => "password: see the operator's vault entry `atlas/db`",
  () => "The token is stored as `op://agents/atlas/github` in 1Password.",
  () => "Redis runs at redis://10.0.1.6:6379 without auth on the bridge.",
  () => "Open https://docs.example.org/auth/tokens#rotation for the rotation procedure.",
];

/** Program code in skills that names secrets without containing one. */
export const CODE_TRAPS: string[] = [
  "const password = fields[4];",
  "  password: hasPassword ? decodeUserinfo(parsed.password) : undefined,",
  "const auth = remoteHTTP.auth; // reuse the credentials",
  "onAuth: () => ({ username: opts.username, password: opts.password }),",
  "token.end = [this.sourceToken];",
  "let apiKey = process.env.OPENAI_API_KEY ?? readSecret('openai');",
  "#password_encryption = scram-sha-256   # or md5",
  "con.on('authenticationMD5Password', this._handleAuthMD5Password.bind(this))",
  "if (password == confirmPassword) return true;",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal reference is the test data
  "const secretKey = await vault.read(`secret/data/${agent}`);",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal reference is the test data
  "headers.Authorization = `Bearer ${token}`;",
  "password: z.string().min(12),",
  "const myURL = new URL('https://abc:xyz@example.com');",
  "const password = 'Password used to generate key';",
  "  needsSecondPassForFixAll: !isCompleteFix,",
  "const { contextToken: contextToken2, previousToken: previousToken2 } = getRelevantTokens(position, sourceFile);",
  "// runtime parsers read ctx.skipChecks/ctx.direction when the token is missing",
];

/** Whole blocks that look like key material but are public or placeholders. */
export const BLOCK_TRAPS: ((rng: Rng) => string)[] = [
  (r) => `-----BEGIN PUBLIC KEY-----\n${(r.pick(B64, 384).match(/.{1,64}/g) ?? []).join("\n")}\n-----END PUBLIC KEY-----`,
  (r) => `-----BEGIN CERTIFICATE-----\nMIID${(r.pick(B64, 636).match(/.{1,64}/g) ?? []).join("\n")}\n-----END CERTIFICATE-----`,
  () => "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
  () => "-----BEGIN OPENSSH PRIVATE KEY-----\n<paste your key here>\n-----END OPENSSH PRIVATE KEY-----",
  (r) => `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBG${(r.pick(B64, 500).match(/.{1,64}/g) ?? []).join("\n")}\n-----END PGP PUBLIC KEY BLOCK-----`,
  (r) => `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${r.pick(B64, 340)} operator@laptop`,
];
