// Inputs built to make a backtracking scanner go quadratic: a rule's prefix repeated with a
// near-miss body, one endless run of token characters, repeated markers. Shared with the bench.
const repeat = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

export const adversarialInputs: Record<string, (bytes: number) => string> = {
  "one endless token run": (n) => repeat("aZ9_-", n),
  "base64 run": (n) => repeat("Ab3+/x9Q", n),
  "repeated provider prefixes": (n) => repeat("ghp_gho_AKIAxoxb-sk-ant-sk-proj-glpat-npm_hf_AIzaSG.eyJpypi-AgEIcHlwaS5vcmcsk_live_", n),
  "prefixes with near-miss bodies": (n) => repeat(`ghp_${"a".repeat(35)} xoxb-1234567890-${"1".repeat(13)}- AKIA${"A".repeat(15)} `, n),
  "OpenAI marker repeated": (n) => repeat("T3BlbkFJ", n),
  "secret words repeated": (n) => repeat("password", n),
  "assignments without end": (n) => `password=${repeat("Zq9", n)}`,
  "keyword and token soup": (n) => repeat("token: secret=pass_key-auth ", n),
  "scheme separators": (n) => repeat("postgres://", n),
  "userinfo without @": (n) => `https://${repeat("user:pass", n)}`,
  "PEM markers": (n) => repeat("-----BEGIN RSA PRIVATE KEY-----", n),
  "dashes": (n) => repeat("-", n),
  "digits and colons": (n) => repeat("1234567890:AA", n),
  "JWT segments": (n) => repeat("eyJhbGciOi.eyJ", n),
  "Azure Q~": (n) => repeat("abc1Q~", n),
  "Mailchimp -us": (n) => repeat("0123456789abcdef-us1", n),
  "sig= without end": (n) => `?sv=2020-01-01&sig=${repeat("A", n)}`,
  "newlines": (n) => repeat("\n", n),
  // Six UTF-16 units that are 13 UTF-8 bytes: about n bytes in all.
  "unicode": (n) => repeat("čšž€😀", Math.floor((n * 6) / 13)),
};
