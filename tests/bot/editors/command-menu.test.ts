import { describe, expect, it } from "vitest";
import { publishCommandMenus } from "../../../src/bot/commands-menu.js";
import { createBot } from "../../../src/bot/index.js";
import { createEditorMenusRepository } from "../../../src/db/editor-menus-repository.js";
import { silentLogger } from "../../../src/logger.js";
import { TEST_BOT_INFO } from "../../../src/sandbox/fake-bot-api.js";
import { testConfig } from "../../support/bot-harness.js";
import { EDITOR, privateMessage, READER } from "../../support/updates.js";
import { closedAfterEach } from "../harness-lifecycle.js";
import { startEditorHarness } from "./editor-harness.js";

const start = closedAfterEach(startEditorHarness);
const chatScope = (id: number) => ({ type: "chat", chat_id: id });
const commandsOf = (list: { command: string }[]) => list.map((c) => c.command);

describe("the editors' command menu", () => {
  it("is set when an editor first writes, in their language, desk commands first", async () => {
    const h = await start();
    expect(h.fake.commands(chatScope(EDITOR.id))).toEqual([]);
    await h.send(privateMessage("/start", { from: { ...EDITOR, language_code: "ru" } }));
    const menu = h.fake.commands(chatScope(EDITOR.id));
    expect(commandsOf(menu).slice(0, 4)).toEqual(["add", "new", "queue", "postnow"]);
    expect(commandsOf(menu)).toEqual(
      expect.arrayContaining(["feed", "feeds", "latest", "help", "language"]),
    );
    expect(menu.find((c) => c.command === "queue")!.description).toBe("Очередь публикаций");
    // Set once: a later message in the same language does not set it again.
    const sets = h.fake.callsTo("setMyCommands").length;
    await h.send(privateMessage("/stats", { from: { ...EDITOR, language_code: "ru" } }));
    expect(h.fake.callsTo("setMyCommands")).toHaveLength(sets);
  });

  it("follows the editor's /language choice", async () => {
    const h = await start();
    await h.send(privateMessage("/help", { from: EDITOR }));
    expect(
      h.fake.commands(chatScope(EDITOR.id)).find((c) => c.command === "add")!.description,
    ).toBe("Queue a pasted article");
    await h.send(privateMessage("/language ru", { from: EDITOR }));
    expect(
      h.fake.commands(chatScope(EDITOR.id)).find((c) => c.command === "add")!.description,
    ).toBe("Поставить статью в очередь");
  });

  it("is never given to a reader", async () => {
    const h = await start();
    await h.send(privateMessage("/start", { from: READER }));
    expect(h.fake.commands(chatScope(READER.id))).toEqual([]);
  });

  it("is taken away from someone removed from ADMIN_IDS, at their next message", async () => {
    const h = await start();
    await h.send(privateMessage("/start", { from: EDITOR }));
    expect(h.fake.commands(chatScope(EDITOR.id))).not.toEqual([]);
    // The same archive and Telegram, the bot restarted with another editor list.
    const config = testConfig(h.fake.apiRoot, { ADMIN_IDS: "4242" });
    const bot = createBot(config, h.deps, { botInfo: TEST_BOT_INFO });
    await bot.handleUpdate(privateMessage("/latest", { from: EDITOR }));
    expect(h.fake.commands(chatScope(EDITOR.id))).toEqual([]);
    expect(createEditorMenusRepository(h.db).languageOf(EDITOR.id)).toBeUndefined();
  });

  it("is taken away at start-up from recorded chats no longer in ADMIN_IDS, and refreshed for editors", async () => {
    const h = await start();
    await h.send(privateMessage("/start", { from: EDITOR }));
    const menus = createEditorMenusRepository(h.db);
    await publishCommandMenus(h.bot.api, { adminIds: [EDITOR.id], menus, logger: silentLogger() });
    expect(commandsOf(h.fake.commands(chatScope(EDITOR.id)))).toContain("postnow");
    expect(commandsOf(h.fake.commands())).toEqual([
      "latest",
      "search",
      "summary",
      "language",
      "help",
      "start",
    ]);
    expect(h.fake.commands(undefined, "ru").find((c) => c.command === "latest")!.description).toBe(
      "Свежие статьи, например /latest 10",
    );

    await publishCommandMenus(h.bot.api, { adminIds: [4242], menus, logger: silentLogger() });
    expect(h.fake.commands(chatScope(EDITOR.id))).toEqual([]);
    expect(menus.list()).toEqual([]);
  });
});
