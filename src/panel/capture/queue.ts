// Capture events are handled one after another, so rows keep their order. A job that fails is
// reported (the panel says so) and the next one still runs: one bad request must not stop the list
// or vanish without a word.

/** Jobs run after `first` settles, in the order given; each failure goes to `onError`. */
export function jobQueue(first: Promise<unknown>, onError: (e: unknown) => void): (job: () => unknown) => Promise<void> {
  let chain: Promise<void> = first.then(
    () => undefined,
    (e: unknown) => onError(e),
  );
  return (job) =>
    (chain = chain.then(job).then(
      () => undefined,
      (e: unknown) => onError(e),
    ));
}
