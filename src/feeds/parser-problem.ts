import { DetectError, MalformedError } from "feedsmith";
import type { FeedProblem } from "./feed-errors.js";

/**
 * The kind of a parser refusal as data, beside the English sentence feed-failure-reasons.ts
 * writes: what the document is (empty, JSON, an HTML page) or that it is broken.
 */
export function parserProblem(error: unknown, text: string): FeedProblem {
  const trimmed = text.trim();
  if (trimmed === "") return { code: "empty" };
  if (/^<!doctype html|^<html[\s>]/i.test(trimmed)) return { code: "html-page" };
  if (error instanceof DetectError) {
    return trimmed.startsWith("{") || trimmed.startsWith("[")
      ? { code: "json-not-feed" }
      : { code: "not-a-feed" };
  }
  if (error instanceof MalformedError) return { code: "malformed" };
  return { code: "malformed" };
}
