/** A queue operation that cannot be done, with a reason fit to show an editor. */
export class QueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** No queue item with that id (in this channel). */
export class QueueItemNotFoundError extends QueueError {
  constructor(readonly itemId: number) {
    super(`there is no queue item ${itemId}`);
  }
}

/** The item exists but its state does not allow the operation (e.g. moving a posted item). */
export class QueueItemStateError extends QueueError {}

/** Enqueue of an article id that is not in the archive. */
export class ArticleNotFoundError extends QueueError {
  constructor(readonly articleId: number) {
    super(`there is no article ${articleId}`);
  }
}

/** Post now with nothing queued. */
export class QueueEmptyError extends QueueError {
  constructor() {
    super("the queue is empty");
  }
}

/** Post now without an id while every queued item waits for a later "not before" time. */
export class NothingDueError extends QueueError {
  constructor(readonly nextAt: number) {
    super("nothing in the queue is due yet: every queued item is scheduled for later");
  }
}

/** Post now of an item scheduled for later, without the editor's confirmation. */
export class NotDueYetError extends QueueError {
  constructor(
    readonly itemId: number,
    readonly notBefore: number,
  ) {
    super(`queue item ${itemId} is scheduled for later`);
  }
}
