import { loadConfigOrExit } from "../startup.js";
import { runSandbox } from "./run-sandbox.js";

// `npm run sandbox`: the sandbox even when BOT_TOKEN is set (the token is not used).
await runSandbox(loadConfigOrExit());
