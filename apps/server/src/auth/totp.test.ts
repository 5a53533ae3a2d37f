import { Secret } from "otpauth";
import { describe, expect, it } from "vitest";
import { matchTotp, newTotpSecret, totpCode, totpStep, totpUri, type TotpAlgorithm } from "./totp";

// RFC 6238 appendix B: the seeds are the ASCII digits repeated to the hash's key length.
const SEEDS: Record<TotpAlgorithm, string> = {
  SHA1: Secret.fromLatin1("12345678901234567890").base32,
  SHA256: Secret.fromLatin1("12345678901234567890123456789012").base32,
  SHA512: Secret.fromLatin1("1234567890123456789012345678901234567890123456789012345678901234")
    .base32,
};

const VECTORS: { time: number; SHA1: string; SHA256: string; SHA512: string }[] = [
  { time: 59, SHA1: "94287082", SHA256: "46119246", SHA512: "90693936" },
  { time: 1111111109, SHA1: "07081804", SHA256: "68084774", SHA512: "25091201" },
  { time: 1111111111, SHA1: "14050471", SHA256: "67062674", SHA512: "99943326" },
  { time: 1234567890, SHA1: "89005924", SHA256: "91819424", SHA512: "93441116" },
  { time: 2000000000, SHA1: "69279037", SHA256: "90698825", SHA512: "38618901" },
  { time: 20000000000, SHA1: "65353130", SHA256: "77737706", SHA512: "47863826" },
];

describe("TOTP (RFC 6238)", () => {
  for (const vector of VECTORS) {
    for (const algorithm of ["SHA1", "SHA256", "SHA512"] as const) {
      it(`gives the RFC's ${algorithm} code at T=${vector.time}`, () => {
        expect(totpCode(SEEDS[algorithm], vector.time * 1000, { digits: 8, algorithm })).toBe(
          vector[algorithm],
        );
      });
    }
  }

  it("accepts the current code and those one step either side, and nothing further", () => {
    const secret = newTotpSecret();
    const now = 1_765_000_000_000;
    const step = totpStep(now);
    expect(matchTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, now - 60_000), now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now + 60_000), now)).toBeNull();
  });

  it("refuses a code made from another secret", () => {
    const now = 1_765_000_000_000;
    expect(matchTotp(newTotpSecret(), totpCode(newTotpSecret(), now), now)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI naming Bridgeway and the account", () => {
    const secret = newTotpSecret();
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    const uri = new URL(totpUri(secret, "dana@clinic.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Bridgeway");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});
