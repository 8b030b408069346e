// The command menu (☰): the commands the bot set for this person's chat and language.
import { $, call, emptyNote } from "./support.js";

/** Opens or closes the menu for the person with key `who`. */
export async function toggleMenu(who) {
  const menu = $("command-menu");
  if (!menu.hidden) {
    menu.hidden = true;
    return;
  }
  const { commands } = await call(`/api/commands?person=${who}`);
  menu.replaceChildren();
  for (const c of commands) {
    const item = document.createElement("button");
    item.type = "button";
    item.className = "menu-item";
    const name = document.createElement("span");
    name.className = "menu-command";
    name.textContent = `/${c.command}`;
    const description = document.createElement("span");
    description.className = "menu-description";
    description.textContent = c.description;
    item.append(name, description);
    item.addEventListener("click", () => {
      menu.hidden = true;
      $("message").value = `/${c.command} `;
      $("message").focus();
    });
    menu.append(item);
  }
  if (commands.length === 0) menu.append(emptyNote("The bot has not set a command menu"));
  menu.hidden = false;
}
