// Does a key name (an .env variable, a YAML/JSON key, a label in prose) name a secret?
// Names are split into words (snake, kebab, dotted, camelCase) and judged word by word.

/** Words that name a password: any non-trivial value counts. */
const PASSWORD_WORDS = new Set(["password", "passwd", "pwd", "passphrase", "passwords"]);
/** Words that name a token or key: the value must also look random. */
const TOKEN_WORDS = new Set(["secret", "token", "apikey", "credential", "credentials", "bearer", "privatekey", "accesskey", "authtoken", "secretkey"]);
/** "key" counts only after one of these ("api key", "signing key"). */
const KEY_QUALIFIERS = new Set(["api", "access", "private", "secret", "signing", "encryption", "master", "client", "session", "auth", "app", "license", "account", "service", "admin", "webhook", "consumer"]);
/** Words that make the name about something else (an id, a path, a limit, a public key…). */
const NEUTRAL_WORDS = new Set([
  "public", "pub", "id", "ids", "name", "names", "file", "files", "path", "paths", "dir", "url", "uri", "endpoint",
  "length", "len", "min", "max", "count", "size", "type", "kind", "hint", "policy", "prompt", "field", "label",
  "ref", "header", "expiry", "expires", "expiration", "ttl", "timeout", "limit", "limits", "budget", "tokens",
  "usage", "required", "enabled", "enable", "disabled", "format", "hash", "sha", "digest", "checksum",
  "algorithm", "alg", "cmd", "command", "helper", "store", "manager", "provider", "mode", "method", "scheme",
  "version", "lifetime", "rotation", "reset", "regex", "pattern", "example", "placeholder", "description",
  "desc", "note", "doc", "docs", "location", "source", "env", "var", "variable", "allowlist", "fingerprint",
  "prefix", "suffix", "length", "salt", "rounds", "cost", "strength", "generator", "validator", "input",
  "output", "estimate", "estimated", "window", "context", "per", "total", "remaining", "index", "position",
  "encryption", "hashing", "hasher", "csrf", "xsrf", "authenticity", "reset", "forgot", "confirm", "confirmation", "field", "form", "prompt",
]);

/** Splits `DB_PASSWORD`, `githubToken`, `api.key`, `x-api-key` into lower-case words. */
export function keyWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export type SecretKeyKind = "password" | "token";

/** What kind of secret a key names, or undefined when it names none. */
export function classifyKey(name: string): SecretKeyKind | undefined {
  const words = keyWords(name);
  if (words.length === 0 || words.length > 8 || words.some((w) => NEUTRAL_WORDS.has(w))) return undefined;
  // "pass" alone is ambiguous ("second pass"); as the last word (DB_PASS, smtp_pass) it is a password.
  if (words.some((w) => PASSWORD_WORDS.has(w)) || words[words.length - 1] === "pass") return "password";
  if (words.some((w) => TOKEN_WORDS.has(w))) return "token";
  for (let i = 1; i < words.length; i++) {
    if (words[i] === "key" && KEY_QUALIFIERS.has(words[i - 1] as string)) return "token";
  }
  if (words.includes("auth") && words.length > 1) return "token";
  return undefined;
}

/**
 * Vendors whose keys come in shapes that are not random-looking on their own (UUIDs, digits,
 * short lower-case tokens). From the public rule sets of gitleaks and trufflehog (2026).
 */
const VENDOR_WORDS = new Set([
  "adafruit", "adobe", "airtable", "algolia", "alibaba", "amplitude", "asana", "atlassian", "auth0", "beamer",
  "bitbucket", "bittrex", "buildkite", "circleci", "clickup", "cloudflare", "codecov", "cohere", "coinbase",
  "confluence", "confluent", "contentful", "datadog", "deepgram", "deepseek", "discord", "droneci", "dropbox",
  "elevenlabs", "etsy", "facebook", "fastly", "finicity", "finnhub", "firebase", "flickr", "freshbooks",
  "gitter", "gocardless", "heroku", "honeycomb", "hubspot", "intercom", "jfrog", "jira", "kraken", "kucoin",
  "launchdarkly", "linkedin", "lob", "looker", "mailchimp", "mailgun", "mapbox", "mattermost", "messagebird",
  "mistral", "mixpanel", "netlify", "relic", "newrelic", "nytimes", "okta", "opsgenie", "pagerduty", "pinecone",
  "plaid", "postmark", "pusher", "railway", "rapidapi", "rollbar", "segment", "sendbird", "sentry", "snyk",
  "sonar", "squarespace", "sumo", "sumologic", "telegram", "travis", "twitch", "twitter", "typeform", "vercel",
  "yandex", "zendesk", "zapier", "scaleway", "linode", "vultr", "hetzner", "ngrok", "supabase", "render",
]);

/** The key names a vendor from VENDOR_WORDS. */
export function hasVendorWord(name: string): boolean {
  return keyWords(name).some((w) => VENDOR_WORDS.has(w));
}

/** A UUID is a secret under a password key, or a vendor's key (HEROKU_API_KEY); not under API_KEY alone. */
export function uuidKey(name: string, kind: SecretKeyKind): boolean {
  return kind === "password" || hasVendorWord(name);
}

/** Digits are a secret under a password key (6+, not a sequence), or a vendor's key (16+). */
export function digitKey(name: string, kind: SecretKeyKind, value: string): boolean {
  return kind === "password" ? value.length >= 6 : value.length >= 16 && hasVendorWord(name);
}
