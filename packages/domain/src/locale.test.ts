import { describe, expect, it } from "vitest";
import { acceptLanguageTags, bestLocale, parseLocale, setLocaleSchema } from "./locale";

describe("locale", () => {
  it("chooses Spanish for any Spanish tag and English when nothing supported is asked for", () => {
    expect(bestLocale(["es-MX", "en-US"])).toBe("es");
    expect(bestLocale(["ES"])).toBe("es");
    expect(bestLocale(["fr-FR", "es_419"])).toBe("es");
    expect(bestLocale(["fr-FR", "de"])).toBe("en");
    expect(bestLocale([])).toBe("en");
  });

  it("orders Accept-Language by quality and drops what is refused", () => {
    expect(acceptLanguageTags("en;q=0.5, es-MX, fr;q=0")).toEqual(["es-MX", "en"]);
    expect(acceptLanguageTags("*")).toEqual([]);
    expect(acceptLanguageTags(undefined)).toEqual([]);
    expect(bestLocale(acceptLanguageTags("de-DE,es;q=0.8,en;q=0.7"))).toBe("es");
  });

  it("reads an unknown stored value as English and refuses one in a request, naming the field", () => {
    expect(parseLocale("es")).toBe("es");
    expect(parseLocale("pt")).toBe("en");
    expect(parseLocale(null)).toBe("en");
    const refused = setLocaleSchema.safeParse({ locale: "pt" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["locale"]);
    expect(setLocaleSchema.safeParse({ locale: "es" }).success).toBe(true);
  });
});
