import { TEST_BOT_INFO } from "../bot-identity.js";
import { chatJson } from "../chats.js";
import type { FakeState, InternalMessage } from "../state.js";

/** The Message object Telegram returns for a stored message. */
export function messageJson(state: FakeState, m: InternalMessage): Record<string, unknown> {
  const json: Record<string, unknown> = {
    message_id: m.messageId,
    date: m.date,
    chat: chatJson(m.chat),
  };
  if (m.chat.type === "channel") json.sender_chat = chatJson(m.chat);
  else
    json.from = {
      id: TEST_BOT_INFO.id,
      is_bot: true,
      first_name: TEST_BOT_INFO.first_name,
      username: TEST_BOT_INFO.username,
    };
  if (m.kind === "text") {
    json.text = m.text;
    if (m.entities.length > 0) json.entities = m.entities;
    if (m.linkPreviewOptions !== undefined) json.link_preview_options = m.linkPreviewOptions;
  } else {
    json.photo = [
      {
        file_id: photoFileId(state, m),
        file_unique_id: `fake${m.messageId}`,
        width: 800,
        height: 600,
        file_size: 40_000,
      },
    ];
    if (m.text !== "") json.caption = m.text;
    if (m.entities.length > 0) json.caption_entities = m.entities;
  }
  if (isInlineKeyboard(m.replyMarkup)) json.reply_markup = m.replyMarkup;
  if (m.editDate !== undefined) json.edit_date = m.editDate;
  return json;
}

/** A file_id sent is kept; a URL or an upload gets a new file_id once, as Telegram stores the file. */
function photoFileId(state: FakeState, m: InternalMessage): string {
  if (m.photo !== undefined && !m.photo.includes("://") && !m.photo.startsWith("upload:"))
    return m.photo;
  m.fileId ??= state.nextFileId();
  return m.fileId;
}

const isInlineKeyboard = (markup: unknown): boolean =>
  typeof markup === "object" && markup !== null && "inline_keyboard" in markup;
