// Interleaved measuring for the process benches: each case once per round, `n` rounds. A shared
// VM's speed drifts over a run (CPU time for the same process varied by ±30 % here); interleaving
// makes every case see the same drift, so cases compare within a round.

/** times[k][i]: case k's figure in round i. Progress: one line rewritten on a terminal, a line a round in a log. */
export function inRounds(n: number, cases: ReadonlyArray<(round: number) => number>): number[][] {
  const times = cases.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of cases.entries()) times[k]!.push(fn(i));
    process.stdout.write(process.stdout.isTTY ? `\r  round ${i + 1}/${n}` : `  round ${i + 1}/${n}\n`);
  }
  if (process.stdout.isTTY) process.stdout.write("\r");
  return times;
}

/** The middle value (the upper one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
