import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { StartupFailure } from "./startup-failure.js";

export interface ConnectOptions {
  readonly token: string;
  readonly apiRoot: string;
  /** Tries of getMe before giving up. Default 3. */
  readonly attempts?: number;
  /** Per-request timeout. Default 10 s. */
  readonly timeoutSeconds?: number;
  /** Pause before the second try, doubled after each. Default 1 s. */
  readonly backoffMs?: number;
}

/** What went wrong on the network, without the request URL (which holds the token). */
function networkCause(error: HttpError): string {
  const inner = error.error as { code?: unknown; errno?: unknown; cause?: { code?: unknown } };
  const code = inner?.code ?? inner?.cause?.code ?? inner?.errno;
  if (typeof code === "string" && code !== "") return code;
  return /timed out/i.test(error.message) ? "no answer in time" : "network error";
}

/**
 * Asks Telegram who the bot is, a few times within a bounded wait. A rejected token or an
 * unreachable Telegram becomes a StartupFailure with one line that names the fix (exit 2 for
 * the token, 1 for the network), instead of minutes of silent retries.
 */
export async function connectToTelegram(options: ConnectOptions): Promise<UserFromGetMe> {
  const api = new Api(options.token, {
    apiRoot: options.apiRoot,
    timeoutSeconds: options.timeoutSeconds ?? 10,
  });
  const attempts = options.attempts ?? 3;
  let delay = options.backoffMs ?? 1000;
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await api.getMe();
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new StartupFailure(
          `Telegram refused BOT_TOKEN (${error.error_code} ${error.description}): the token is wrong or was revoked. Copy it again from @BotFather (/mybots → API Token) into BOT_TOKEN.`,
          2,
        );
      }
      last = error;
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, delay));
    delay *= 2;
  }
  if (last instanceof HttpError) {
    throw new StartupFailure(
      `Cannot reach Telegram at ${options.apiRoot} (${networkCause(last)}, ${attempts} tries). Check the network, a firewall or proxy, or TELEGRAM_API_ROOT, then start again.`,
    );
  }
  if (last instanceof GrammyError) {
    throw new StartupFailure(
      `Telegram answered getMe with ${last.error_code} ${last.description} (${attempts} tries). Try again in a few minutes.`,
    );
  }
  throw last;
}
