import { badRequest } from "../api-error.js";
import { readFormattedText } from "../message-content.js";
import { optionalJson, optionalString, type Payload, uploadsOf } from "../payload.js";
import { checkReplyMarkup } from "../reply-markup.js";
import type { MethodHandler } from "./handler.js";
import { messageJson } from "./message-json.js";

/** Telegram's limit on files bots download through the Bot API. */
const DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** A document is an upload (its bytes are kept) or a file_id the fake knows. */
function readDocument(state: Parameters<MethodHandler>[0], p: Payload) {
  const document = optionalString(p, "document");
  if (document === undefined || document === "")
    throw badRequest("there is no document in the request");
  if (document.startsWith("upload:")) {
    const bytes = uploadsOf.get(p)?.get(document) ?? Buffer.alloc(0);
    if (bytes.byteLength === 0) throw badRequest("file must be non-empty");
    return { fileName: document.slice("upload:".length), content: bytes };
  }
  const known = state.files.get(document);
  if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
  return { fileName: known.fileName, content: known.content };
}

const sendDocument: MethodHandler = (state, p) => {
  const chat = state.chats.resolveWritable(p.chat_id);
  const { fileName, content } = readDocument(state, p);
  const caption = readFormattedText(p, "caption");
  const replyMarkup = optionalJson(p, "reply_markup");
  checkReplyMarkup(replyMarkup);
  state.admitSend(chat);
  const message = state.store(chat, "document", caption, {
    document: { fileName, content: content.toString("utf8") },
    ...(replyMarkup !== undefined ? { replyMarkup } : {}),
  });
  message.fileId = state.addFile(content, fileName);
  return messageJson(state, message);
};

const getFile: MethodHandler = (state, p) => {
  const fileId = optionalString(p, "file_id") ?? "";
  const file = state.files.get(fileId);
  if (!file) throw badRequest("invalid file_id");
  if (file.content.byteLength > DOWNLOAD_LIMIT) throw badRequest("file is too big");
  return {
    file_id: fileId,
    file_unique_id: `u${fileId}`,
    file_size: file.content.byteLength,
    file_path: file.path,
  };
};

export const fileMethods: Record<string, MethodHandler> = { sendDocument, getFile };
