// AI providers: OpenAI, Anthropic, Hugging Face, Groq, Replicate, Perplexity, xAI, OpenRouter,
// LangSmith, Tavily. (Google's Gemini keys are GCP API keys, see cloud.ts.)
import { looksRandom } from "../entropy.js";
import { matches } from "../pattern.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { AN, AN_, B64URL, HEX, charTest, provider, randomAfter } from "./provider.js";

const isB64Url = charTest(B64URL);
const isKeyStart = charTest(AN);

/**
 * OpenAI keys embed "T3BlbkFJ" (base64 of "OpenAI") between two random runs: anchor on it and
 * read the bounded runs on either side, never re-reading text an earlier hit consumed.
 */
const openai: Rule = {
  id: "openai-api-key",
  priority: PRIORITY.provider,
  anchors: ["T3BlbkFJ"],
  *scan(text: string): Generator<Hit> {
    let consumed = 0;
    for (const m of matches(/T3BlbkFJ/g, text)) {
      if (m.index < consumed) continue;
      let s = m.index;
      while (s > consumed && m.index - s < 260 && isB64Url(text[s - 1])) s--;
      let e = m.index + 8;
      while (e < text.length && e - m.index < 260 && isB64Url(text[e])) e++;
      consumed = e;
      if (isKeyStart(text[s - 1])) continue;
      const token = text.slice(s, e);
      if (!token.startsWith("sk-") || isB64Url(text[e])) continue;
      if (looksRandom(token.slice(3), 3.5)) yield { index: s, secret: token };
    }
  },
};

export const AI_RULES: Rule[] = [
  openai,
  provider({ id: "openai-api-key", parts: ["sk-proj-", [B64URL, 40, 250]], before: B64URL, check: randomAfter(8, 3.5) }),
  provider({ id: "openai-api-key", parts: ["sk-svcacct-", [B64URL, 40, 250]], before: B64URL, check: randomAfter(11, 3.5) }),
  provider({
    id: "anthropic-api-key",
    parts: ["sk-ant-", ["a-z", 3, 5], ["0-9", 2, 2], "-", [B64URL, 80, 120]],
    before: B64URL,
    check: randomAfter(14, 3.5),
  }),
  provider({ id: "huggingface-token", parts: ["hf_", ["A-Za-z", 34, 34]], before: AN_, check: randomAfter(3, 3.5) }),
  provider({ id: "huggingface-token", parts: ["api_org_", ["A-Za-z", 34, 34]], before: AN_, check: randomAfter(8, 3.5) }),
  provider({ id: "groq-api-key", parts: ["gsk_", [AN, 52, 52]], before: AN_, check: randomAfter(4, 3.5) }),
  provider({ id: "replicate-api-token", parts: ["r8_", [AN, 37, 37]], before: AN_, check: randomAfter(3, 3.5) }),
  provider({ id: "perplexity-api-key", parts: ["pplx-", [AN, 48, 48]], before: B64URL, check: randomAfter(5, 3.5) }),
  provider({ id: "xai-api-key", parts: ["xai-", [AN, 80, 80]], before: B64URL, check: randomAfter(4, 3.5) }),
  provider({ id: "openrouter-api-key", parts: ["sk-or-v1-", [HEX, 64, 64]], before: B64URL, check: randomAfter(9, 3.2) }),
  provider({ id: "langsmith-api-key", parts: ["lsv2_", ["a-z", 2, 2], "_", [HEX, 32, 32], "_", [HEX, 10, 10]], before: AN_ }),
  provider({ id: "tavily-api-key", parts: ["tvly-", [`${AN}-`, 32, 48]], before: B64URL, after: `${AN}-`, check: randomAfter(5, 3.5) }),
];
