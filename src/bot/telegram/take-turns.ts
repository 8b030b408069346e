import type { Context, MiddlewareFn } from "grammy";

/**
 * Starts the updates taken in together (the runner hands over up to a hundred at once) one per
 * turn of the event loop. Each handler's synchronous work (a search, a summary) then runs in a
 * turn of its own, so timers (the publishing schedule) and answers from Telegram get in between
 * instead of waiting behind a whole batch. Only the start is in line: a handler waiting for its
 * reply to be sent does not hold up the next one.
 */
export function takeTurns<C extends Context>(): MiddlewareFn<C> {
  let line: Promise<void> = Promise.resolve();
  return (_ctx, next) => {
    const turn = line.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    line = turn;
    return turn.then(next);
  };
}
