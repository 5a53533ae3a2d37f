import { isIP } from "node:net";
import Bowser from "bowser";
import type { Request } from "express";

/** What a sign-in remembers of the device that signed in. */
export type SignInDevice = { userAgent: string | null; ipAddress: string | null };

/** A User-Agent is client-supplied text: keep a bounded piece of it. */
const MAX_USER_AGENT = 512;

/** The device a request comes from, as recorded on a new sign-in. */
export function deviceOf(req: Request): SignInDevice {
  const userAgent = req.get("user-agent")?.trim().slice(0, MAX_USER_AGENT) || null;
  return { userAgent, ipAddress: req.ip ?? null };
}

/** "Firefox 121" and "Linux", or null for what the User-Agent does not say. */
export function describeUserAgent(userAgent: string | null): {
  browser: string | null;
  os: string | null;
} {
  if (!userAgent) return { browser: null, os: null };
  const parsed = Bowser.parse(userAgent);
  const browserName = parsed.browser.name || null;
  const major = parsed.browser.version?.split(".")[0];
  const osName = parsed.os.name || null;
  const osVersion = parsed.os.versionName ?? parsed.os.version;
  return {
    browser: browserName ? [browserName, major].filter(Boolean).join(" ") : null,
    os: osName ? [osName, osVersion].filter(Boolean).join(" ") : null,
  };
}

export const LOCAL_NETWORK_LABEL = "This device's network";
export const UNKNOWN_PLACE_LABEL = "Unknown network";

function ipv4Octets(address: string): number[] | null {
  if (isIP(address) !== 4) return null;
  return address.split(".").map(Number);
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT, shared address space
  );
}

/**
 * Roughly where a sign-in came from, without any outside look-up: loopback and private
 * addresses are the local network; a public address is shown with its last part hidden (the
 * whole address would say more than the person needs to recognise their own network).
 */
export function approximatePlace(ipAddress: string | null): string {
  if (!ipAddress) return UNKNOWN_PLACE_LABEL;
  const address = ipAddress.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  const v4 = ipv4Octets(address);
  if (v4) {
    if (isPrivateIpv4(v4)) return LOCAL_NETWORK_LABEL;
    return `Network ${v4.slice(0, 3).join(".")}.x`;
  }
  if (isIP(address) !== 6) return UNKNOWN_PLACE_LABEL;
  if (address === "::1" || /^f[cd]/.test(address) || /^fe[89ab]/.test(address)) {
    return LOCAL_NETWORK_LABEL;
  }
  const groups = address.split("::")[0]?.split(":").filter(Boolean) ?? [];
  return `Network ${groups.slice(0, 3).join(":")}::/48`;
}
