import { ApiError, badRequest } from "../api-error.js";
import { optionalBool, optionalInt, optionalJson, optionalString } from "../payload.js";
import type { MethodHandler } from "./handler.js";

const getUpdates: MethodHandler = (state, p, signal) => {
  if (state.webhook.url !== "") {
    throw new ApiError(
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  const limit = Math.min(100, Math.max(1, optionalInt(p, "limit") ?? 100));
  const allowed = optionalJson(p, "allowed_updates");
  return state.updates.take(
    {
      offset: optionalInt(p, "offset"),
      limit,
      timeoutSeconds: optionalInt(p, "timeout") ?? 0,
      ...(Array.isArray(allowed) ? { allowedUpdates: allowed.map(String) } : {}),
    },
    signal,
  );
};

/** The URL must be https (Telegram's rule); the fake records it but delivers nothing to it. */
const setWebhook: MethodHandler = (state, p) => {
  const url = optionalString(p, "url") ?? "";
  const secretToken = optionalString(p, "secret_token");
  if (url !== "" && !/^https:\/\//i.test(url))
    throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest("secret token contains unallowed characters");
  }
  if (optionalBool(p, "drop_pending_updates")) state.updates.dropPending();
  const allowed = optionalJson(p, "allowed_updates");
  state.webhook =
    url === ""
      ? { url: "" }
      : {
          url,
          ...(secretToken ? { secretToken } : {}),
          ...(Array.isArray(allowed) ? { allowedUpdates: allowed.map(String) } : {}),
        };
  return true;
};

const deleteWebhook: MethodHandler = (state, p) => {
  if (optionalBool(p, "drop_pending_updates")) state.updates.dropPending();
  state.webhook = { url: "" };
  return true;
};

const getWebhookInfo: MethodHandler = (state) => ({
  url: state.webhook.url,
  has_custom_certificate: false,
  pending_update_count: state.updates.size,
});

export const updateMethods: Record<string, MethodHandler> = {
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
};
