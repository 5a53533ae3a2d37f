import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Decodes quoted-printable bytes (UTF-8) and RFC 2047 encoded words, as a mail client would. */
export function decodeMail(raw: string): string {
  const bytes = (hex: string) => Buffer.from(hex.replace(/=/g, ""), "hex").toString("utf8");
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split);
  // Folded headers: adjacent encoded words join with nothing between them (RFC 2047).
  const unfolded = head.replace(/\?=\s+=\?UTF-8\?Q\?/gi, "").replace(/\r?\n[ \t]+/g, " ");
  return (
    unfolded.replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, word: string) =>
      word.replace(/_/g, " ").replace(/(=[0-9A-F]{2})+/g, bytes),
    ) + body.replace(/=\r?\n/g, "").replace(/(=[0-9A-F]{2})+/g, bytes)
  );
}

/** The messages in an outbox folder addressed to `to`, oldest first, decoded. */
export function mailsTo(dir: string, to: string): string[] {
  let files: string[];
  try {
    files = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return files
    .map((f) => decodeMail(readFileSync(join(dir, f), "utf8")))
    .filter((text) => text.toLowerCase().includes(`to: ${to.toLowerCase()}`));
}
