import { badRequest } from "../api-error.js";
import { TEST_BOT_INFO } from "../bot-identity.js";
import { chatJson, type KnownChat } from "../chats.js";
import { optionalString, requiredInt } from "../payload.js";
import type { MethodHandler } from "./handler.js";

const botUser = {
  id: TEST_BOT_INFO.id,
  is_bot: true,
  first_name: TEST_BOT_INFO.first_name,
  username: TEST_BOT_INFO.username,
};

/** A bot outside a group or channel cannot see it: Telegram answers "chat not found". */
function visibleChat(chat: KnownChat): KnownChat {
  if (!chat.botIsMember && chat.type !== "private") throw badRequest("chat not found");
  return chat;
}

const adminRights = {
  can_be_edited: false,
  is_anonymous: false,
  can_manage_chat: true,
  can_delete_messages: true,
  can_manage_video_chats: true,
  can_restrict_members: true,
  can_promote_members: false,
  can_change_info: true,
  can_invite_users: true,
  can_post_stories: false,
  can_edit_stories: false,
  can_delete_stories: false,
};

function administrator(user: Record<string, unknown>, chat: KnownChat): Record<string, unknown> {
  const channelRights =
    chat.type === "channel" ? { can_post_messages: true, can_edit_messages: true } : {};
  return { status: "administrator", user, ...adminRights, ...channelRights };
}

const userJson = (id: number) =>
  id === TEST_BOT_INFO.id ? botUser : { id, is_bot: false, first_name: `User ${id}` };

const getChat: MethodHandler = (state, p) => {
  const chat = visibleChat(state.chats.resolve(p.chat_id));
  return {
    ...chatJson(chat),
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
    },
  };
};

/** The bot is an administrator (with can_post_messages in channels) of every chat it is in; users are members unless listed as administrators. */
const getChatMember: MethodHandler = (state, p) => {
  const chat = visibleChat(state.chats.resolve(p.chat_id));
  const userId = requiredInt(p, "user_id");
  if (userId === TEST_BOT_INFO.id) {
    return chat.type === "private"
      ? { status: "member", user: botUser }
      : administrator(botUser, chat);
  }
  if (chat.administrators.includes(userId)) return administrator(userJson(userId), chat);
  return { status: "member", user: userJson(userId) };
};

const getChatAdministrators: MethodHandler = (state, p) => {
  const chat = visibleChat(state.chats.resolve(p.chat_id));
  if (chat.type === "private") throw badRequest("there are no administrators in the private chat");
  return [TEST_BOT_INFO.id, ...chat.administrators].map((id) => administrator(userJson(id), chat));
};

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const sendChatAction: MethodHandler = (state, p) => {
  state.chats.resolveWritable(p.chat_id);
  if (!CHAT_ACTIONS.has(optionalString(p, "action") ?? ""))
    throw badRequest("wrong parameter action in request");
  return true;
};

export const chatMethods: Record<string, MethodHandler> = {
  getMe: () => TEST_BOT_INFO,
  getChat,
  getChatMember,
  getChatAdministrators,
  sendChatAction,
};
