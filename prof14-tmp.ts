import { keywordOffsets, keywordRule } from "./src/secrets/rules/keyword.js";
import { soulText } from "./test/secrets/corpus/soul-text.js";
const text = soulText(8 * 1024 * 1024);
const ends = keywordOffsets(text);
let n = 0;
for (let k = 0; k < 60; k++) for (const _ of keywordRule.scanAt!(text, ends)) n++;
console.log(n);
