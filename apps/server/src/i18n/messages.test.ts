import { LOCALES } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import {
  formatTime,
  localeOf,
  MESSAGES,
  messagesFor,
  sessionWhen,
  type Messages,
} from "./messages";

const start = new Date("2026-12-08T00:00:00Z"); // 6:00 PM on Monday 7 December in Chicago
const zone = "America/Chicago";
const link = "https://iop.example.org/sessions/s1/room";

/** Every message of a catalogue, written out with sample values (so functions are covered too). */
function written(messages: Messages): Record<string, string> {
  const when = sessionWhen(start, new Date("2026-12-04T00:00:00Z"), zone, "en");
  const out: Record<string, string> = {
    "reminder.subject": messages.reminder.subject,
    "reminder.text": messages.reminder.text(when, link),
    "checkIn.subject": messages.checkIn.subject,
    "checkIn.text": messages.checkIn.text("6:00", link),
  };
  for (const [key, text] of Object.entries(messages.push)) out[`push.${key}`] = text;
  const invitation = messages.accountInvitation({ name: "Ana", clinic: "Clinic", link });
  const reset = messages.passwordReset({ name: "Ana", link });
  const family = messages.familyInvitation({ name: "Ana", who: "Ben", link });
  const familyKnown = messages.familyInvitation({ name: "Ana", who: "Ben", signInAt: link });
  for (const [key, email] of Object.entries({ invitation, reset, family, familyKnown })) {
    out[`${key}.subject`] = email.subject;
    out[`${key}.text`] = email.text;
  }
  return out;
}

/** The shape of a catalogue: nested keys, functions as leaves. */
function keysOf(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    inner !== null && typeof inner === "object"
      ? keysOf(inner as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe("the server's message catalogue", () => {
  it("has every message in every language", () => {
    const english = keysOf(MESSAGES.en).sort();
    for (const locale of LOCALES) {
      expect(keysOf(MESSAGES[locale]).sort()).toEqual(english);
      for (const [key, text] of Object.entries(written(messagesFor(locale)))) {
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        expect(text, `${locale} ${key}`).not.toMatch(/undefined|\[object|\$\{/);
      }
    }
  });

  it("leaves no English in the Spanish messages", () => {
    const english =
      /\b(you|your|the|session|open|join|hello|password|link|invited|account|email|started|mentioned|tomorrow)\b/i;
    for (const [key, text] of Object.entries(written(MESSAGES.es))) {
      const words = text.replaceAll(link, "").replace(/\bBridgeway\b/g, "");
      expect(words, key).not.toMatch(english);
    }
    expect(written(MESSAGES.es)["reminder.text"]).toContain("Tienes una sesión el ");
    expect(MESSAGES.es.push["session-starting"]).not.toBe(MESSAGES.en.push["session-starting"]);
  });

  it("writes reminders with the time and the link only, in the person's zone and language", () => {
    const now = new Date("2026-12-07T23:00:00Z");
    expect(MESSAGES.en.reminder.text(sessionWhen(start, now, zone, "en"), link)).toBe(
      `You have a session at 6:00 PM. Open Bridgeway to join: ${link}`,
    );
    expect(MESSAGES.es.reminder.text(sessionWhen(start, now, zone, "es"), link)).toMatch(
      /^Tienes una sesión a las 6:00 p\.\s?m\. Abre Bridgeway para unirte: https:\/\/\S+$/,
    );
    const dayAhead = new Date("2026-12-07T00:00:00Z");
    expect(MESSAGES.en.reminder.text(sessionWhen(start, dayAhead, zone, "en"), link)).toContain(
      "tomorrow at 6:00 PM",
    );
    expect(MESSAGES.es.reminder.text(sessionWhen(start, dayAhead, zone, "es"), link)).toMatch(
      /mañana a las 6:00 p\.\s?m\./,
    );
    const weekAhead = new Date("2026-12-04T00:00:00Z");
    expect(MESSAGES.en.reminder.text(sessionWhen(start, weekAhead, zone, "en"), link)).toContain(
      "on Monday, December 7 at 6:00 PM",
    );
    expect(MESSAGES.es.reminder.text(sessionWhen(start, weekAhead, zone, "es"), link)).toMatch(
      /el lunes, 7 de diciembre, a las 6:00 p\.\s?m\./,
    );
    expect(
      MESSAGES.en.reminder.text(sessionWhen(start, now, "America/New_York", "en"), link),
    ).toContain("at 7:00 PM");
  });

  it("says 'a la 1:00' for one o'clock in Spanish, and 'a las' otherwise", () => {
    const one = new Date("2026-12-07T19:00:00Z"); // 1:00 PM in Chicago
    expect(MESSAGES.es.checkIn.text(formatTime(one, zone, "es"), link)).toMatch(
      /^Tu sesión empezó a la 1:00 p\.\s?m\. y te estamos guardando el lugar\./,
    );
    expect(MESSAGES.en.checkIn.text(formatTime(one, zone, "en"), link)).toBe(
      `Your session started at 1:00 PM and we're holding your place. Open Bridgeway to join: ${link}`,
    );
  });

  it("puts no names, quotes or placeholders in push notifications", () => {
    for (const locale of LOCALES) {
      for (const text of Object.values(MESSAGES[locale].push)) {
        expect(text).not.toMatch(/[{}$"]|@/);
      }
    }
  });

  it("writes to participants and family in their language, and to staff in English", () => {
    expect(localeOf({ role: "PARTICIPANT", locale: "es" })).toBe("es");
    expect(localeOf({ role: "FAMILY", locale: "es" })).toBe("es");
    expect(localeOf({ role: "PARTICIPANT", locale: "pt" })).toBe("en");
    expect(localeOf({ role: "FACILITATOR", locale: "es" })).toBe("en");
    expect(localeOf({ role: "ADMIN", locale: "es" })).toBe("en");
  });
});
