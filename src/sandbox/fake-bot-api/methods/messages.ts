import { badRequest } from "../api-error.js";
import { readFormattedText, sameEntities } from "../message-content.js";
import {
  optionalBool,
  optionalJson,
  optionalString,
  type Payload,
  requiredInt,
} from "../payload.js";
import { checkReplyMarkup } from "../reply-markup.js";
import type { FakeState, InternalMessage } from "../state.js";
import type { MethodHandler } from "./handler.js";
import { messageJson } from "./message-json.js";

function readMarkup(p: Payload): unknown {
  const markup = optionalJson(p, "reply_markup");
  checkReplyMarkup(markup);
  return markup;
}

function checkReplyTarget(state: FakeState, p: Payload, chat: InternalMessage["chat"]): void {
  const reply = optionalJson(p, "reply_parameters") as
    | { message_id?: number; allow_sending_without_reply?: boolean }
    | undefined;
  const target = reply?.message_id ?? p.reply_to_message_id;
  if (target === undefined) return;
  if (reply?.allow_sending_without_reply || optionalBool(p, "allow_sending_without_reply")) return;
  if (!state.find(chat, Number(target))) throw badRequest("message to be replied not found");
}

const sendMessage: MethodHandler = (state, p) => {
  const chat = state.chats.resolveWritable(p.chat_id);
  const content = readFormattedText(p, "text");
  const replyMarkup = readMarkup(p);
  checkReplyTarget(state, p, chat);
  state.admitSend(chat);
  const linkPreviewOptions = optionalJson(p, "link_preview_options");
  return messageJson(
    state,
    state.store(chat, "text", content, { replyMarkup, linkPreviewOptions }),
  );
};

/** A photo is an http(s) URL, a file_id, or an upload; the fake never fetches it. */
function readPhoto(p: Payload): string {
  const photo = optionalString(p, "photo");
  if (photo === undefined || photo === "") throw badRequest("there is no photo in the request");
  if (photo.includes("://") && !/^https?:\/\//i.test(photo)) {
    throw badRequest("wrong file identifier/HTTP URL specified");
  }
  if (!photo.includes("://") && !photo.startsWith("upload:") && !/^[A-Za-z0-9_-]+$/.test(photo)) {
    throw badRequest("wrong remote file identifier specified: Wrong character in the string");
  }
  return photo;
}

const sendPhoto: MethodHandler = (state, p) => {
  const chat = state.chats.resolveWritable(p.chat_id);
  const photo = readPhoto(p);
  const content = readFormattedText(p, "caption");
  const replyMarkup = readMarkup(p);
  checkReplyTarget(state, p, chat);
  state.admitSend(chat);
  return messageJson(state, state.store(chat, "photo", content, { photo, replyMarkup }));
};

const sameMarkup = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a specified content and reply markup of the message";

/** Edits by inline_message_id are answered `true` and not tracked. */
function editTarget(state: FakeState, p: Payload): InternalMessage | undefined {
  if (optionalString(p, "inline_message_id")) return undefined;
  const chat = state.chats.resolveWritable(p.chat_id);
  return state.findForEdit(chat, requiredInt(p, "message_id"));
}

function applyEdit(
  state: FakeState,
  m: InternalMessage,
  change: Partial<InternalMessage>,
): unknown {
  Object.assign(m, change);
  if (change.replyMarkup === undefined) delete m.replyMarkup;
  m.editCount++;
  m.editDate = Math.floor(state.now() / 1000);
  return messageJson(state, m);
}

/** Telegram drops the inline keyboard when an edit does not repeat it. */
const editMessageText: MethodHandler = (state, p) => {
  const content = readFormattedText(p, "text");
  const replyMarkup = readMarkup(p);
  const m = editTarget(state, p);
  if (!m) return true;
  if (m.kind !== "text") throw badRequest("there is no text in the message to edit");
  if (
    m.text === content.text &&
    sameEntities(m.entities, content.entities) &&
    sameMarkup(m.replyMarkup, replyMarkup)
  ) {
    throw badRequest(NOT_MODIFIED);
  }
  const linkPreviewOptions = optionalJson(p, "link_preview_options");
  return applyEdit(state, m, {
    text: content.text,
    entities: content.entities,
    html: content.html,
    replyMarkup,
    ...(linkPreviewOptions !== undefined ? { linkPreviewOptions } : {}),
  });
};

const editMessageCaption: MethodHandler = (state, p) => {
  const content = readFormattedText(p, "caption");
  const replyMarkup = readMarkup(p);
  const m = editTarget(state, p);
  if (!m) return true;
  if (m.kind !== "photo") throw badRequest("there is no caption in the message to edit");
  if (
    m.text === content.text &&
    sameEntities(m.entities, content.entities) &&
    sameMarkup(m.replyMarkup, replyMarkup)
  ) {
    throw badRequest(NOT_MODIFIED);
  }
  return applyEdit(state, m, {
    text: content.text,
    entities: content.entities,
    html: content.html,
    replyMarkup,
  });
};

const editMessageReplyMarkup: MethodHandler = (state, p) => {
  const replyMarkup = optionalJson(p, "reply_markup");
  checkReplyMarkup(replyMarkup, { inlineOnly: true });
  const m = editTarget(state, p);
  if (!m) return true;
  if (sameMarkup(m.replyMarkup, replyMarkup)) throw badRequest(NOT_MODIFIED);
  return applyEdit(state, m, { replyMarkup });
};

const deleteMessage: MethodHandler = (state, p) => {
  const chat = state.chats.resolveWritable(p.chat_id);
  const m = state.find(chat, requiredInt(p, "message_id"));
  if (!m) throw badRequest("message to delete not found");
  m.deleted = true;
  return true;
};

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  sendPhoto,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
};
