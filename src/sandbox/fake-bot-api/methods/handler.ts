import type { Payload } from "../payload.js";
import type { FakeState } from "../state.js";

/** One Bot API method: reads the payload, changes the state, returns `result` or throws ApiError. */
export type MethodHandler = (state: FakeState, payload: Payload, signal: AbortSignal) => unknown;
