import { badRequest } from "../api-error.js";
import { optionalJson, optionalString, type Payload } from "../payload.js";
import type { BotCommand, FakeState } from "../state.js";
import type { MethodHandler } from "./handler.js";

const SCOPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

/** The storage key of a (scope, language_code) pair; chat ids are resolved so `@name` and its id agree. */
export function commandsKey(
  state: FakeState,
  scopeValue: unknown,
  languageCode: string | undefined,
): string {
  const scope = (scopeValue ?? { type: "default" }) as Record<string, unknown>;
  if (typeof scope !== "object" || !SCOPES.has(String(scope.type)))
    throw badRequest("wrong bot command scope type specified");
  const parts: unknown[] = [scope.type];
  if (
    scope.type === "chat" ||
    scope.type === "chat_administrators" ||
    scope.type === "chat_member"
  ) {
    parts.push(state.chats.resolve(scope.chat_id).id);
  }
  if (scope.type === "chat_member") {
    if (!Number.isInteger(scope.user_id)) throw badRequest("user not found");
    parts.push(scope.user_id);
  }
  const lang = languageCode ?? "";
  if (lang !== "" && !/^[a-z]{2}$/.test(lang)) throw badRequest("invalid language code specified");
  parts.push(lang);
  return JSON.stringify(parts);
}

const key = (state: FakeState, p: Payload) =>
  commandsKey(state, optionalJson(p, "scope"), optionalString(p, "language_code"));

function readCommands(p: Payload): BotCommand[] {
  const commands = optionalJson(p, "commands");
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  return commands.map((c: unknown) => {
    const { command, description } = (c ?? {}) as Record<string, unknown>;
    if (typeof command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command))
      throw badRequest("BOT_COMMAND_INVALID");
    if (
      typeof description !== "string" ||
      description.trim().length < 1 ||
      description.length > 256
    ) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command, description };
  });
}

/** Stored per scope and language; getMyCommands answers exactly that pair, with no fallback. */
export const commandMethods: Record<string, MethodHandler> = {
  setMyCommands: (state, p) => {
    const commands = readCommands(p);
    state.commands.set(key(state, p), commands);
    return true;
  },
  deleteMyCommands: (state, p) => {
    state.commands.delete(key(state, p));
    return true;
  },
  getMyCommands: (state, p) => state.commands.get(key(state, p)) ?? [],
};
