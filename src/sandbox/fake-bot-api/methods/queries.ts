import { badRequest } from "../api-error.js";
import { readFormattedText } from "../message-content.js";
import { optionalJson, optionalString, type Payload } from "../payload.js";
import { checkReplyMarkup } from "../reply-markup.js";
import type { FakeState } from "../state.js";
import type { MethodHandler } from "./handler.js";

const QUERY_GONE = "query is too old and response timeout expired or query ID is invalid";

/** A query is answered once; a second answer gets Telegram's "query is too old" refusal. */
function markAnswered(state: FakeState, p: Payload, field: string): void {
  const id = optionalString(p, field);
  if (!id) throw badRequest(`${field} is empty`);
  if (state.answeredQueries.has(`${field}:${id}`)) throw badRequest(QUERY_GONE);
  state.answeredQueries.add(`${field}:${id}`);
}

const answerCallbackQuery: MethodHandler = (state, p) => {
  const text = optionalString(p, "text") ?? "";
  if (text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
  markAnswered(state, p, "callback_query_id");
  return true;
};

function checkResult(result: unknown, seen: Set<string>): void {
  if (typeof result !== "object" || result === null)
    throw badRequest("can't parse InlineQueryResult JSON object");
  const r = result as Record<string, unknown>;
  const id = typeof r.id === "string" ? r.id : "";
  const bytes = Buffer.byteLength(id);
  if (bytes < 1 || bytes > 64) throw badRequest("RESULT_ID_INVALID");
  if (seen.has(id)) throw badRequest("RESULT_ID_DUPLICATE");
  seen.add(id);
  if (typeof r.type !== "string")
    throw badRequest('can\'t parse InlineQueryResult: Field "type" must be of type String');
  if (r.type === "article" && (typeof r.title !== "string" || r.title === "")) {
    throw badRequest('can\'t parse InlineQueryResult: Field "title" must be of type String');
  }
  if (
    r.type === "photo" &&
    (typeof r.photo_url !== "string" || typeof r.thumbnail_url !== "string")
  ) {
    throw badRequest("PHOTO_INVALID");
  }
  checkReplyMarkup(r.reply_markup, { inlineOnly: true });
  const content = r.input_message_content as Record<string, unknown> | undefined;
  if (r.type === "article" && content === undefined) {
    throw badRequest(
      'can\'t parse InlineQueryResult: Field "input_message_content" must be of type Object',
    );
  }
  if (content !== undefined && "message_text" in content)
    readFormattedText(content, "message_text");
}

/** ≤ 50 results, ids 1–64 bytes and unique, each message content checked like a sent message. */
const answerInlineQuery: MethodHandler = (state, p) => {
  const results = optionalJson(p, "results");
  if (!Array.isArray(results)) throw badRequest("can't parse results JSON object");
  if (results.length > 50) throw badRequest("RESULTS_TOO_MUCH");
  const seen = new Set<string>();
  for (const result of results) checkResult(result, seen);
  const nextOffset = optionalString(p, "next_offset") ?? "";
  if (Buffer.byteLength(nextOffset) > 64) throw badRequest("NEXT_OFFSET_INVALID");
  markAnswered(state, p, "inline_query_id");
  return true;
};

export const queryMethods: Record<string, MethodHandler> = {
  answerCallbackQuery,
  answerInlineQuery,
};
