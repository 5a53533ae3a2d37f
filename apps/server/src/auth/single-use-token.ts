import { randomBytes } from "node:crypto";
import { hashToken } from "./sign-ins";

/**
 * A secret for a link that works once (family invitations, account invitations, password
 * resets): 32 random bytes as base64url for the link, and only its SHA-256 for the database,
 * so a leaked table opens nothing.
 */
export function newSingleUseToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export { hashToken };
