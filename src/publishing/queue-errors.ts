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
