// Every content rule, in no particular order (the scanner resolves overlaps by priority).
import type { Rule } from "../rule.js";
import { AI_RULES } from "./ai.js";
import { CHAT_RULES } from "./chat.js";
import { CLOUD_RULES } from "./cloud.js";
import { COMMAND_RULES } from "./commands.js";
import { COMMERCE_RULES } from "./commerce.js";
import { decodingRules } from "./decoded.js";
import { KEY_RULES } from "./keys.js";
import { keywordRule } from "./keyword.js";
import { PACKAGE_RULES } from "./packages.js";
import { SAAS_RULES } from "./saas.js";
import { urlCredentials } from "./urls.js";
import { VCS_RULES } from "./vcs.js";

/** The rules that match text as it is. */
export const PLAIN_RULES: readonly Rule[] = [
  ...CLOUD_RULES,
  ...VCS_RULES,
  ...CHAT_RULES,
  ...AI_RULES,
  ...COMMERCE_RULES,
  ...PACKAGE_RULES,
  ...SAAS_RULES,
  ...KEY_RULES,
  ...COMMAND_RULES,
  urlCredentials,
  keywordRule,
];

/** Every content rule: the plain ones, and the same rules again on decoded text. */
export const CONTENT_RULES: readonly Rule[] = [...PLAIN_RULES, ...decodingRules(PLAIN_RULES)];
