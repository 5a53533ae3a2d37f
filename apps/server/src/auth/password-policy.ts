import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@bridgeway/domain";
import { dictionary } from "@zxcvbn-ts/language-common";
import { badRequest } from "../http/errors";

let common: ReadonlySet<string> | undefined;

/** ~49,000 of the most used passwords, from public breach corpora, shipped with the app. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

/** "summer2024!!" is "summer" to an attacker's word list with its usual suffixes. */
function withoutDecoration(password: string): string {
  return password.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
}

/** "passwordpassword", "abcabcabcabc": one short piece repeated. */
function repeatedPiece(password: string): string | null {
  const match = /^(.{1,6}?)\1+$/su.exec(password);
  return match?.[1] ?? null;
}

/**
 * Why a password someone chose must not be used, or null when it may be. Length first, then
 * the shipped list of common and breached passwords (case-insensitive, also with digits and
 * symbols stripped from either end, and as a repeated piece), then the person's own email.
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const core = withoutDecoration(lower);
  const piece = repeatedPiece(lower);
  if (
    list.has(lower) ||
    (core.length >= 4 && list.has(core)) ||
    (piece !== null && (piece.length < 4 || list.has(piece)))
  ) {
    return "This password is too common: it appears in lists of breached passwords. Choose another.";
  }
  if (email) {
    const local = email.toLowerCase().split("@")[0] ?? "";
    if (lower === email.toLowerCase() || (local.length >= 4 && core === local)) {
      return "Do not use your email address as your password.";
    }
  }
  return null;
}

/** Throws a 400 naming `field` when the password may not be used. */
export function requireAcceptablePassword(password: string, field: string, email?: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw badRequest(problem, { [field]: problem });
}
