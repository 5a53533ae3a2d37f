import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyLocale } from "../i18n/i18n";
import { json, stubApi } from "../test/fake-api";
import { authStateFor, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";

const FIRST = "https://bridgeway.example/api/calendar-feed/first-secret.ics";
const SECOND = "https://bridgeway.example/api/calendar-feed/second-secret.ics";
const off = { url: null, active: false, createdAt: null };
const on = { url: null, active: true, createdAt: "2026-11-23T21:12:00.000Z" };

describe("calendar page", () => {
  it("explains the link and that titles say only the kind of session", async () => {
    stubApi({ "GET /api/calendar-feed": json(200, off) });
    renderApp("/calendar", { auth: signedInAs("PARTICIPANT") });

    const about = await screen.findByRole("region", { name: "Your sessions in your own calendar" });
    expect(about.textContent).toContain("Anyone who has it can see when your sessions are");
    expect(about.textContent).toContain("never anyone's name");
    expect(await screen.findByText("You have no calendar link.")).toBeTruthy();
  });

  it("creates a link, shows it once with a Copy button, replaces it after asking, then turns it off", async () => {
    let created = 0;
    const { requests } = stubApi({
      "GET /api/calendar-feed": json(200, off),
      "POST /api/calendar-feed": () => {
        created += 1;
        return json(201, {
          url: created === 1 ? FIRST : SECOND,
          active: true,
          createdAt: "2026-11-23T21:12:00.000Z",
        });
      },
      "DELETE /api/calendar-feed": { status: 204 },
    });
    const { user } = renderApp("/calendar", { auth: signedInAs("FACILITATOR") });
    // user-event puts a clipboard of its own on the page; watch what is written to it.
    const writeText = vi.spyOn(navigator.clipboard, "writeText");

    await user.click(await screen.findByRole("button", { name: "Create calendar link" }));
    const link = await screen.findByLabelText<HTMLInputElement>("Your calendar link");
    expect(link.value).toBe(FIRST);
    expect(link.readOnly).toBe(true);
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    expect(writeText).toHaveBeenCalledWith(FIRST);
    expect(await screen.findByText("Copied. Now add it to your calendar app.")).toBeTruthy();
    expect(screen.getByText(/Add Subscribed Calendar/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Replace link" }));
    const confirm = screen.getByRole("group", { name: "Replace your calendar link?" });
    expect(confirm.textContent).toContain("The current link stops working at once");
    expect(created).toBe(1);
    await user.click(within(confirm).getByRole("button", { name: "Yes, replace link" }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>("Your calendar link").value).toBe(SECOND),
    );

    await user.click(screen.getByRole("button", { name: "Turn off" }));
    const confirmOff = screen.getByRole("group", { name: "Turn off your calendar link?" });
    await user.click(within(confirmOff).getByRole("button", { name: "Yes, turn off" }));

    expect(await screen.findByText(/Your calendar link is off/)).toBeTruthy();
    expect(screen.queryByLabelText("Your calendar link")).toBeNull();
    expect(screen.getByRole("button", { name: "Create calendar link" })).toBeTruthy();
    // Only the feed's requests: a facilitator's shell also asks for the open crisis alerts.
    expect(
      requests.filter((r) => r.pathname === "/api/calendar-feed").map((r) => r.method),
    ).toEqual(["GET", "POST", "POST", "DELETE"]);
  });

  it("never shows an existing link again, and keeps it when replacing is called off", async () => {
    const { requests } = stubApi({ "GET /api/calendar-feed": json(200, on) });
    const { user } = renderApp("/calendar", { auth: signedInAs("PARTICIPANT") });

    expect(await screen.findByText(/Your calendar link is on/)).toBeTruthy();
    expect(screen.getByText(/November 23, 2026 at 4:12 PM EST/)).toBeTruthy();
    expect(screen.queryByLabelText("Your calendar link")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Replace link" }));
    await user.click(screen.getByRole("button", { name: "Keep current link" }));

    expect(screen.getByRole("button", { name: "Replace link" })).toBeTruthy();
    expect(requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("says how to copy by hand when the browser will not copy", async () => {
    stubApi({
      "GET /api/calendar-feed": json(200, off),
      "POST /api/calendar-feed": json(201, { url: FIRST, active: true, createdAt: on.createdAt }),
    });
    const { user } = renderApp("/calendar", { auth: signedInAs("FAMILY") });
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    await user.click(await screen.findByRole("button", { name: "Create calendar link" }));
    await user.click(await screen.findByRole("button", { name: "Copy link" }));

    expect(await screen.findByText(/This browser would not copy it for you/)).toBeTruthy();
  });
});

describe("calendar page in Spanish", () => {
  afterEach(() => applyLocale("en"));
  const family = {
    status: "signed-in",
    auth: authStateFor("FAMILY", { locale: "es" }),
  } as const;

  it("explains the link in Spanish and says when it was made the Spanish way", async () => {
    stubApi({ "GET /api/calendar-feed": json(200, on) });
    renderApp("/calendar", { auth: family });

    expect(await screen.findByRole("heading", { level: 1, name: "Calendario" })).toBeTruthy();
    const about = screen.getByRole("region", { name: "Tus sesiones en tu propio calendario" });
    expect(about.textContent).toContain("No compartas el enlace.");
    expect(
      await screen.findByText(
        "Tu enlace del calendario está activado. Se creó el 23 de noviembre de 2026, 4:12 p.m. EST.",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reemplazar el enlace" })).toBeTruthy();
  });

  it("creates a link and tells how to add it, in Spanish", async () => {
    stubApi({
      "GET /api/calendar-feed": json(200, off),
      "POST /api/calendar-feed": json(201, { url: FIRST, active: true, createdAt: on.createdAt }),
    });
    const { user } = renderApp("/calendar", {
      auth: { status: "signed-in", auth: authStateFor("PARTICIPANT", { locale: "es" }) },
    });

    await user.click(await screen.findByRole("button", { name: "Crear enlace del calendario" }));
    expect(
      await screen.findByRole<HTMLInputElement>("textbox", { name: "Tu enlace del calendario" }),
    ).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Agrégalo a tu calendario" })).toBeTruthy();
    const steps = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(steps).toContain(
      "Outlook: elige “Agregar calendario”, luego “Suscribirse desde la web”, y pega el enlace.",
    );
    expect(screen.getByText("iPhone o iPad:").tagName).toBe("STRONG");
  });
});
