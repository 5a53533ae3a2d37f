import { afterEach, describe, expect, it } from "vitest";
import { authStateFor } from "../test/fixtures";
import { formatCalendarDate, formatSchedule } from "../format/format";
import { formatDuration, formatHours, formatMoment, formatWeekdays } from "../format/session-time";
import { localeFor } from "./active-locale";
import { catalogueStrings } from "./catalogue";
import { activeLocale, applyLocale, i18n } from "./i18n";
import { es } from "./locales/es";
import { en } from "./resources";

function keyPaths(catalogue: object, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([key, value]: [string, unknown]) =>
    typeof value === "object" && value !== null
      ? keyPaths(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe("the active language", () => {
  afterEach(() => applyLocale("en"));

  it("is a participant's or family member's own choice, and English for staff", () => {
    const signedIn = (role: Parameters<typeof authStateFor>[0]) =>
      ({ status: "signed-in", auth: authStateFor(role, { locale: "es" }) }) as const;
    expect(localeFor(signedIn("PARTICIPANT"), null, ["en-US"])).toBe("es");
    expect(localeFor(signedIn("FAMILY"), "en", ["en-US"])).toBe("es");
    expect(localeFor(signedIn("FACILITATOR"), "es", ["es-MX"])).toBe("en");
    expect(localeFor(signedIn("ADMIN"), "es", ["es-MX"])).toBe("en");
  });

  it("before sign-in is the language picked on this device, or else the browser's", () => {
    const signedOut = { status: "signed-out", reason: "none" } as const;
    expect(localeFor(signedOut, null, ["es-MX", "en-US"])).toBe("es");
    expect(localeFor(signedOut, null, ["fr-FR"])).toBe("en");
    expect(localeFor(signedOut, "en", ["es-MX"])).toBe("en");
    expect(localeFor(signedOut, "es", ["en-US"])).toBe("es");
  });

  it("sets the page's lang and the catalogue the app reads", () => {
    applyLocale("es");
    expect(document.documentElement.lang).toBe("es");
    expect(activeLocale()).toBe("es");
    expect(i18n.t("language.label", { ns: "common" })).toBe("Idioma");
    applyLocale("en");
    expect(document.documentElement.lang).toBe("en");
    expect(i18n.t("language.label", { ns: "common" })).toBe("Language");
  });
});

describe("the catalogues", () => {
  it("give Spanish exactly the keys of English in every namespace, none left empty", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const namespace of Object.keys(en) as (keyof typeof en)[]) {
      expect(keyPaths(es[namespace]), namespace).toEqual(keyPaths(en[namespace]));
      expect(catalogueStrings(es[namespace]).filter((value) => value.trim() === "")).toEqual([]);
    }
  });
});

describe("formatting in Spanish", () => {
  it("writes dates, times, weekdays and durations the Spanish way", () => {
    expect(formatCalendarDate("2026-03-03", "es")).toBe("3 de marzo de 2026");
    expect(formatSchedule("Mon, Wed 18:00-21:00", "es")).toBe("lun, mié 6:00 p.m.–9:00 p.m.");
    expect(formatWeekdays(["MO", "WE", "TH"], "es")).toBe("lun, mié, jue");
    expect(formatHours(1, "es")).toBe("1 hora");
    expect(formatDuration(90, "es")).toBe("1 hora 30 minutos");
    expect(formatMoment("2026-11-23T21:12:00Z", "America/New_York", "es")).toBe(
      "23 de noviembre de 2026, 4:12 p.m. EST",
    );
  });

  it("keeps English as it was and follows the active language by default", () => {
    expect(formatDuration(90, "en")).toBe("1 hour 30 minutes");
    expect(formatHours(10.5, "en")).toBe("10.5 hours");
    expect(formatMoment("2026-11-23T21:12:00Z", "America/New_York", "en")).toBe(
      "November 23, 2026 at 4:12 PM EST",
    );
    applyLocale("es");
    expect(formatCalendarDate("2026-03-03")).toBe("3 de marzo de 2026");
    applyLocale("en");
    expect(formatCalendarDate("2026-03-03")).toBe("March 3, 2026");
  });
});
