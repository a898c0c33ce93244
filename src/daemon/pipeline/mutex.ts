// One holder at a time within this process (the host lock): host steps and service steps change
// the same host, so they take turns while agents' other steps run in parallel.
export interface Mutex {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export function mutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(fn) {
      const next = tail.then(fn, fn);
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
