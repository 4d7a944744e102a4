// Work nobody awaits (an event's, a wake-up's, a timer's) still has its failure seen: logged in the
// worker's console by the error's name only, since a message could quote a key.
export function unawaited(task: Promise<unknown>, what: string): void {
  task.catch((e: unknown) => console.error(`MaiAgent DevTools: ${what} failed:`, e instanceof Error ? e.name : typeof e));
}
