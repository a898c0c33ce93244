import { scanText } from "./src/secrets/scan-text.js";
import { keywordRule } from "./src/secrets/rules/keyword.js";
import { soulText } from "./test/secrets/corpus/soul-text.js";
const text = soulText(8 * 1024 * 1024);
for (let k = 0; k < 30; k++) scanText(text, [keywordRule]);
