import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";

/**
 * Encrypts authenticator app secrets at rest with AES-256-GCM, so a copy of the database (a
 * backup, a leaked table) does not let anyone make codes. The key is a SHA-256 of the configured
 * MFA_ENCRYPTION_KEY; each secret has its own random 96-bit nonce, and the user id is bound in as
 * associated data, so a secret copied onto another account does not decrypt.
 */
export function createSecretBox(keyMaterial: string) {
  const key = createHash("sha256").update(keyMaterial).digest();
  return {
    seal(plain: string, userId: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(userId));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },

    /** The secret, or null when it was sealed with another key or for another account. */
    open(sealed: string, userId: string): string | null {
      const [version, packed] = sealed.split(".");
      if (version !== VERSION || !packed) return null;
      const bytes = Buffer.from(packed, "base64url");
      if (bytes.length < 29) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
        decipher.setAAD(Buffer.from(userId));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        return null;
      }
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
