import type { CrisisAlertDto } from "@bridgeway/domain";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installFakeSocket } from "../chat/fake-socket";
import { applyLocale } from "../i18n/i18n";
import type * as SocketModule from "../realtime/socket";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor, facilitatorHome, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { sessionList } from "../test/schedule-fixtures";
import { alertNotices } from "./alert-notices";
import { alertSourcePath, alertSummary } from "./alert-text";
import { crisisSupport } from "./crisis-support";

vi.mock("../realtime/socket", async (importOriginal) => ({
  ...(await importOriginal<typeof SocketModule>()),
  ...(await import("../chat/fake-socket")).fakeSocketModule(),
}));

const ROOM = "cohort:00000000-0000-4000-8000-0000000000c1";

function crisisAlert(overrides: Partial<CrisisAlertDto> = {}): CrisisAlertDto {
  return {
    id: "00000000-0000-4000-8000-00000000a1e1",
    participant: { id: "00000000-0000-4000-8000-000000000003", displayName: "Jordan Lee" },
    source: "chat",
    categories: ["suicide"],
    where: { kind: "chat", ref: ROOM, label: "Evening track chat" },
    createdAt: "2026-11-23T23:02:00.000Z",
    acknowledged: null,
    ...overrides,
  };
}

afterEach(() => {
  alertNotices.clear();
  crisisSupport.close();
});

describe("crisis alert text", () => {
  it("names the person, the concern and the place, and links to the room or thread", () => {
    expect(alertSummary(crisisAlert({ categories: ["suicide", "self-harm"] }))).toBe(
      "Crisis alert: Jordan Lee — Suicidal thoughts, Self-harm (in Evening track chat)",
    );
    expect(alertSourcePath(crisisAlert().where)).toBe(`/chat/${ROOM}`);
    expect(
      alertSourcePath({ kind: "forum", ref: "00000000-0000-4000-8000-0000000000d1", label: "x" }),
    ).toBe("/forums/threads/00000000-0000-4000-8000-0000000000d1");
    expect(alertSourcePath({ kind: "assessment", ref: "x", label: "PHQ-9" })).toBeNull();
  });
});

describe("crisis alerts for clinicians", () => {
  it("shows a facilitator an assertive notice on any page when an alert arrives, until it is acknowledged", async () => {
    const socket = installFakeSocket();
    stubApi({ "GET /api/home": json(200, facilitatorHome), "GET /api/sessions": sessionList([]) });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });
    await screen.findByRole("heading", { name: "Evening track" });
    // The listener loads after the home has drawn, then listens on the shared socket.
    await vi.waitFor(() => {
      act(() => socket.serverEmit("alert:crisis", crisisAlert()));
      expect(screen.getByRole("region", { name: "Crisis alert notices" })).toBeTruthy();
    });
    const notices = screen.getByRole("region", { name: "Crisis alert notices" });
    expect(within(notices).getByRole("alert").textContent).toBe(
      "Crisis alert: Jordan Lee — Suicidal thoughts (in Evening track chat)",
    );
    expect(within(notices).getByRole("link", { name: "Go to alerts" }).getAttribute("href")).toBe(
      "/alerts",
    );
    expect(notices.textContent).not.toContain("want to die");

    act(() =>
      socket.serverEmit(
        "alert:crisis",
        crisisAlert({
          acknowledged: { at: "2026-11-23T23:05:00.000Z", by: "Marcus Reyes", note: null },
        }),
      ),
    );
    expect(screen.queryByRole("region", { name: "Crisis alert notices" })).toBeNull();
  });

  it("shows an alert raised while live delivery between server processes was interrupted", async () => {
    const socket = installFakeSocket();
    const older = crisisAlert({ id: "00000000-0000-4000-8000-00000000a1e0" });
    const missed = crisisAlert({ createdAt: "2026-11-23T23:10:00.000Z" });
    stubApi({
      "GET /api/home": json(200, facilitatorHome),
      "GET /api/sessions": sessionList([]),
      "GET /api/alerts": json(200, { alerts: [missed, older] }),
    });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });
    await screen.findByRole("heading", { name: "Evening track" });
    await vi.waitFor(() => {
      act(() => socket.serverEmit("realtime:resync", { since: "2026-11-23T23:09:00.000Z" }));
      expect(screen.getByRole("region", { name: "Crisis alert notices" })).toBeTruthy();
    });
    // Only the one raised since the interruption: older open alerts were already shown.
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });

  it("lets the clinician hide a notice without acknowledging the alert", async () => {
    const socket = installFakeSocket();
    stubApi({ "GET /api/home": json(200, facilitatorHome), "GET /api/sessions": sessionList([]) });
    const { user } = renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });
    await screen.findByRole("heading", { name: "Evening track" });
    await vi.waitFor(() => {
      act(() => socket.serverEmit("alert:crisis", crisisAlert()));
      expect(screen.getByRole("region", { name: "Crisis alert notices" })).toBeTruthy();
    });
    await user.click(screen.getByRole("button", { name: "Hide notice about Jordan Lee" }));
    expect(screen.queryByRole("region", { name: "Crisis alert notices" })).toBeNull();
  });

  it("shows participants no crisis alerts", async () => {
    const socket = installFakeSocket();
    stubApi({});
    renderApp("/participant", { auth: signedInAs("PARTICIPANT") });
    await new Promise((resolve) => setTimeout(resolve, 300));
    act(() => socket.serverEmit("alert:crisis", crisisAlert()));
    expect(screen.queryByRole("region", { name: "Crisis alert notices" })).toBeNull();
    expect(socket.sent).toEqual([]);
  });

  it("counts open alerts beside Alerts in the navigation", async () => {
    installFakeSocket();
    stubApi({
      "GET /api/alerts": json(200, {
        alerts: [crisisAlert(), crisisAlert({ id: "00000000-0000-4000-8000-00000000a1e2" })],
      }),
    });
    renderApp("/alerts", { auth: signedInAs("FACILITATOR") });
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(await within(nav).findByRole("link", { name: "Alerts 2 open" })).toBeTruthy();
  });

  it("lists open alerts with the participant, concern, place and time, never the message", async () => {
    installFakeSocket();
    const { requests } = stubApi({ "GET /api/alerts": json(200, { alerts: [crisisAlert()] }) });
    renderApp("/alerts", { auth: signedInAs("FACILITATOR") });

    const card = await screen.findByRole("article", { name: /Jordan Lee/ });
    expect(card.textContent).toContain("Suicidal thoughts");
    expect(card.textContent).toContain("November 23, 2026 at 6:02 PM EST");
    expect(
      within(card).getByRole("link", { name: "Evening track chat" }).getAttribute("href"),
    ).toBe(`/chat/${ROOM}`);
    expect(requests.find((r) => r.pathname === "/api/alerts")?.query.get("status")).toBe("open");
  });

  it("shows acknowledged alerts too when asked", async () => {
    installFakeSocket();
    const acknowledged = crisisAlert({
      acknowledged: { at: "2026-11-23T23:10:00.000Z", by: "Dana Whitfield", note: "Called; safe." },
    });
    const { requests } = stubApi({
      "GET /api/alerts": (request) =>
        json(200, { alerts: request.query.get("status") === "all" ? [acknowledged] : [] }),
    });
    const { user } = renderApp("/alerts", { auth: signedInAs("FACILITATOR") });
    expect(await screen.findByText("No open alerts.")).toBeTruthy();

    await user.click(screen.getByRole("checkbox", { name: "Show acknowledged" }));

    const card = await screen.findByRole("article", { name: /Jordan Lee/ });
    expect(card.textContent).toContain("By Dana Whitfield");
    expect(card.textContent).toContain("Called; safe.");
    expect(within(card).queryByRole("button", { name: /Acknowledge/ })).toBeNull();
    expect(requests.some((r) => r.query.get("status") === "all")).toBe(true);
  });

  it("acknowledges an alert with a note and takes it off the open list", async () => {
    installFakeSocket();
    let open = [crisisAlert()];
    const { requests } = stubApi({
      "GET /api/alerts": () => json(200, { alerts: open }),
      "POST /api/alerts/00000000-0000-4000-8000-00000000a1e1/acknowledge": (request) => {
        const note = (request.body as { note: string }).note;
        open = [];
        return json(
          200,
          crisisAlert({
            acknowledged: { at: "2026-11-23T23:10:00.000Z", by: "Dana Whitfield", note },
          }),
        );
      },
    });
    const { user } = renderApp("/alerts", { auth: signedInAs("FACILITATOR") });
    const card = await screen.findByRole("article", { name: /Jordan Lee/ });

    await user.type(
      within(card).getByRole("textbox", { name: "Note (optional) for the alert about Jordan Lee" }),
      "Called Jordan; safe, plan reviewed.",
    );
    await user.click(
      within(card).getByRole("button", { name: "Acknowledge the alert about Jordan Lee" }),
    );

    expect(await screen.findByText("Alert for Jordan Lee acknowledged.")).toBeTruthy();
    expect(await screen.findByText("No open alerts.")).toBeTruthy();
    const post = requests.find((r) => r.method === "POST");
    expect(post?.body).toEqual({ note: "Called Jordan; safe, plan reviewed." });
    expect(post?.headers["x-csrf-token"]).toBe("csrf-facilitator");
  });

  it("says someone else already acknowledged the alert on a 409, and refreshes the list", async () => {
    installFakeSocket();
    let open = [crisisAlert()];
    stubApi({
      "GET /api/alerts": () => json(200, { alerts: open }),
      "POST /api/alerts/00000000-0000-4000-8000-00000000a1e1/acknowledge": () => {
        open = [];
        return apiError(409, "conflict", "This alert was already acknowledged.");
      },
    });
    const { user } = renderApp("/alerts", { auth: signedInAs("FACILITATOR") });
    const card = await screen.findByRole("article", { name: /Jordan Lee/ });

    await user.click(within(card).getByRole("button", { name: /Acknowledge/ }));

    expect(
      await screen.findByText(
        "Someone else already acknowledged this alert. The list has been refreshed.",
      ),
    ).toBeTruthy();
    expect(await screen.findByText("No open alerts.")).toBeTruthy();
  });

  it("keeps participants and family members off the alerts page", async () => {
    installFakeSocket();
    stubApi({});
    const { location } = renderApp("/alerts", { auth: signedInAs("PARTICIPANT") });
    await waitFor(() => expect(location()).toBe("/participant"));
  });
});

describe("crisis support for a participant in Spanish", () => {
  afterEach(() => applyLocale("en"));

  it("offers 988 in Spanish (press 2, text AYUDA), the safety plan and closing, all in Spanish", async () => {
    const participant = authStateFor("PARTICIPANT", { locale: "es" });
    installFakeSocket();
    stubApi({});
    renderApp("/chat", { auth: { status: "signed-in", auth: participant } });
    act(() =>
      crisisSupport.show(participant.user.id, {
        crisisLine: "988",
        safetyPlanPath: "/participant/safety",
      }),
    );
    const panel = await screen.findByRole("region", {
      name: "No tienes que pasar por esto a solas",
    });
    expect(panel.textContent).toContain("Línea 988 de Prevención del Suicidio y Crisis");
    const call = within(panel).getByRole("link", { name: "Llama al 988 y marca 2" });
    expect(call.getAttribute("href")).toBe("tel:988");
    const text = within(panel).getByRole("link", { name: "Envía AYUDA al 988" });
    expect(text.getAttribute("href")).toBe("sms:988?&body=AYUDA");
    expect(
      within(panel).getByRole("link", { name: "Abrir tu plan de seguridad" }).getAttribute("href"),
    ).toBe("/participant/safety");
    expect(panel.textContent).toContain("llama al 911");
    expect(panel.textContent).not.toMatch(/\b(call|text|you|safety plan)\b/i);
    expect(within(panel).getByRole("button", { name: "Cerrar este mensaje" })).toBeTruthy();
  });
});
