// Chat platforms: Slack (tokens and webhook URLs), Discord (bot tokens, webhooks), Telegram bots.
import { Buffer } from "node:buffer";
import { looksRandom } from "../entropy.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { AN, AN_, B64URL, charTest, provider, randomAfter } from "./provider.js";

/** Discord bot tokens start with the bot's user id in base64. */
function discordToken(s: string): boolean {
  const id = Buffer.from(s.slice(0, s.indexOf(".")), "base64").toString("latin1");
  return /^\d{17,20}$/.test(id);
}

const isB64Url = charTest(B64URL);
const isDigit = charTest("0-9");

/** Length of the run of `test` characters starting at `from` going `step` (±1), at most `max`. */
function run(text: string, from: number, step: 1 | -1, test: (c: string | undefined) => boolean, max: number): number {
  let n = 0;
  while (n < max && test(text[from + n * step])) n++;
  return n;
}

/**
 * Discord bot tokens start with the base64 of the bot's numeric user id, so their first three
 * characters are one of 90 trigrams ("MTA"… for ids starting 10…, "OTk" for 99…): anchors.
 */
const DISCORD_ANCHORS = [..."123456789"].flatMap((d1) =>
  [..."0123456789"].map((d2) => Buffer.from(`${d1}${d2}0`).toString("base64").slice(0, 3)),
);

/** Telegram bot tokens: 8–10 digits, ":AA", 33 characters. Anchored on ":AA". */
const telegramBotToken: Rule = {
  id: "telegram-bot-token",
  priority: PRIORITY.provider,
  anchors: [":AA"],
  *scan(text: string): Generator<Hit> {
    for (let i = text.indexOf(":AA"); i >= 0; i = text.indexOf(":AA", i + 3)) {
      const digits = run(text, i - 1, -1, isDigit, 11);
      const body = run(text, i + 3, 1, isB64Url, 34);
      if (digits < 8 || digits > 10 || body !== 33) continue;
      const secret = text.slice(i - digits, i + 36);
      if (randomAfter(digits + 1)(secret)) yield { index: i - digits, secret };
    }
  },
};

/** Slack's numeric team and user ids are not random; the final segment is. */
const lastSegmentRandom = (s: string) => looksRandom(s.slice(s.lastIndexOf("-") + 1), 3.0);

export const CHAT_RULES: Rule[] = [
  provider({
    id: "slack-bot-token",
    parts: ["xoxb-", ["0-9", 8, 14], "-", ["0-9", 8, 14], "-", [AN, 20, 32]],
    before: AN_,
    check: lastSegmentRandom,
  }),
  provider({
    id: "slack-user-token",
    parts: ["xoxp-", ["0-9", 8, 14], "-", ["0-9", 8, 14], "-", ["0-9", 8, 14], "-", ["0-9a-f", 28, 36]],
    before: AN_,
    check: lastSegmentRandom,
  }),
  provider({ id: "slack-token", parts: ["xox", ["aorse", 1, 1], "-", [`${AN}-`, 20, 250]], before: AN_, after: `${AN}-`, check: randomAfter(5) }),
  provider({
    id: "slack-app-token",
    parts: ["xapp-", ["0-9", 1, 2], "-", ["A-Z0-9", 8, 14], "-", ["0-9", 8, 16], "-", ["0-9a-f", 60, 68]],
    before: AN_,
  }),
  provider({
    id: "slack-webhook-url",
    parts: ["https://hooks.slack.com/", ["a-z", 8, 9], "/", ["A-Z0-9", 8, 12], "/", ["A-Z0-9", 8, 12], "/", [AN, 20, 32]],
    before: "A-Za-z",
    after: AN,
    check: (s) => randomAfter(s.lastIndexOf("/") + 1)(s),
  }),
  provider({
    id: "discord-bot-token",
    parts: [[B64URL, 24, 28], ".", [B64URL, 6, 7], ".", [B64URL, 27, 40]],
    anchors: DISCORD_ANCHORS,
    before: B64URL,
    check: discordToken,
  }),
  provider({
    id: "discord-webhook-url",
    parts: ["https://discord", ["a-z", 0, 3], ".com/api/webhooks/", ["0-9", 17, 20], "/", [B64URL, 60, 70]],
    before: "A-Za-z",
    after: B64URL,
    check: (s) => randomAfter(s.lastIndexOf("/") + 1)(s),
  }),
  telegramBotToken,
];
