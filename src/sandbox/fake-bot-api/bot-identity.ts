import type { UserFromGetMe } from "grammy/types";

/** The token the fake accepts; any other gets 401 Unauthorized. */
export const TEST_TOKEN = "123456789:TEST-token-for-the-fake-bot-api-0000000";

/** What getMe answers; pass as grammY's `botInfo` to skip the getMe round trip. */
export const TEST_BOT_INFO: UserFromGetMe = {
  id: 123456789,
  is_bot: true,
  first_name: "Newsroom Test Bot",
  username: "newsroom_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * The newsroom channel every fake knows from the start (and again after reset()): the bot is
 * its administrator, so `@newsroom_test` or its id works with no set-up.
 */
export const TEST_CHANNEL = {
  id: -1001234567890,
  title: "Newsroom",
  username: "newsroom_test",
} as const;
