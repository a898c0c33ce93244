// Chat platforms: Slack (tokens and webhook URLs), Discord (bot tokens, webhooks), Telegram bots.
import { Buffer } from "node:buffer";
import { looksRandom } from "../entropy.js";
import type { Rule } from "../rule.js";
import { AN, AN_, B64URL, provider, randomAfter } from "./provider.js";

/** Discord bot tokens start with the bot's user id in base64. */
function discordToken(s: string): boolean {
  const id = Buffer.from(s.slice(0, s.indexOf(".")), "base64").toString("latin1");
  return /^\d{17,20}$/.test(id);
}

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
    parts: [["MNO", 1, 1], [B64URL, 23, 27], ".", [B64URL, 6, 7], ".", [B64URL, 27, 40]],
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
  provider({
    id: "telegram-bot-token",
    parts: [["0-9", 8, 10], ":AA", [B64URL, 33, 33]],
    before: "0-9",
    after: B64URL,
    check: (s) => randomAfter(s.indexOf(":") + 1)(s),
  }),
];
