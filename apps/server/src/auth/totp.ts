import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, TOTP_SKEW_STEPS } from "@bridgeway/domain";
import { Secret, TOTP } from "otpauth";

export type TotpAlgorithm = "SHA1" | "SHA256" | "SHA512";
type TotpOptions = { digits?: number; algorithm?: TotpAlgorithm };

const ISSUER = "Bridgeway";

function totp(secret: Secret, label: string, options: TotpOptions = {}): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: options.algorithm ?? "SHA1",
    digits: options.digits ?? TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret,
  });
}

/** A new shared secret: 160 random bits (RFC 4226's recommended length), as base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The 30-second time step (RFC 6238's T) that the instant `atMs` falls in. */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code an authenticator app shows at `atMs` for a base32 secret. */
export function totpCode(secretBase32: string, atMs: number, options: TotpOptions = {}): string {
  return totp(Secret.fromBase32(secretBase32), "code", options).generate({ timestamp: atMs });
}

/**
 * The time step a typed code belongs to, if it matches the secret within one step either side
 * of `atMs` (clock skew); null when it matches none. Comparison is constant-time (otpauth).
 */
export function matchTotp(secretBase32: string, code: string, atMs: number): number | null {
  const delta = totp(Secret.fromBase32(secretBase32), "code").validate({
    token: code,
    timestamp: atMs,
    window: TOTP_SKEW_STEPS,
  });
  return delta === null ? null : totpStep(atMs) + delta;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountLabel: string): string {
  return totp(Secret.fromBase32(secretBase32), accountLabel).toString();
}
