import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { applyLocale } from "../i18n/i18n";
import { createAppServices } from "../app/services";
import { ServicesProvider } from "../app/services-context";
import { createLocalOnlySync } from "../sign-in/sign-in-sync";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor, facilitatorHome, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { cohortDetail, IDS, participants, sessionId } from "../test/schedule-fixtures";
import { NotJoinedSection } from "./not-joined-section";
import { checkReminderForm } from "./reminder-form";

const defaults = {
  enabled: true,
  byEmail: true,
  bySms: false,
  phone: null,
  quietHours: null,
  timeZone: "America/New_York",
  smsDelivered: true,
};
const accountRoutes = { "GET /api/auth/sessions": json(200, { sessions: [] }) };

describe("reminder form checks", () => {
  const values = {
    enabled: true,
    channels: ["EMAIL" as const],
    phone: "",
    quiet: false,
    quietStart: "21:00",
    quietEnd: "08:00",
  };
  it("asks for a mobile number only when text messages are chosen", () => {
    const sms = checkReminderForm({ ...values, channels: ["SMS"] });
    expect(sms.ok ? null : sms.problem.fields.phone).toMatch(/mobile number/);
    expect(checkReminderForm({ ...values, phone: "12" })).toMatchObject({
      ok: true,
      input: { phone: null },
    });
  });
  it("saves quiet hours only when kept, and needs a channel while reminders are on", () => {
    expect(checkReminderForm({ ...values, quiet: true })).toMatchObject({
      ok: true,
      input: { quietHours: { start: "21:00", end: "08:00" } },
    });
    const none = checkReminderForm({ ...values, channels: [] });
    expect(none.ok ? null : none.problem.fields.byEmail).toMatch(/turn reminders off/);
    expect(checkReminderForm({ ...values, enabled: false, channels: [] }).ok).toBe(true);
  });
});

describe("session reminders on the account page", () => {
  it("lets a person choose text messages and quiet hours, in their own zone", async () => {
    const { requests } = stubApi({
      ...accountRoutes,
      "GET /api/reminder-preferences": json(200, defaults),
      "PUT /api/reminder-preferences": (request) =>
        json(200, { ...defaults, ...(request.body as object) }),
    });
    const { user } = renderApp("/account", { auth: signedInAs("PARTICIPANT") });
    const section = await screen.findByRole("region", { name: "Session reminders" });
    await within(section).findByRole("button", { name: "Save reminders" });
    expect(
      within(section).getByLabelText<HTMLInputElement>(/Remind me of my sessions/).checked,
    ).toBe(true);
    await user.click(within(section).getByLabelText("Text message"));
    await user.type(within(section).getByLabelText("Mobile number"), "+1 212 555 0100");
    await user.click(within(section).getByLabelText(/Keep quiet hours/));
    expect(within(section).getAllByText(/Eastern Time/).length).toBeGreaterThan(0);
    fireEvent.change(within(section).getByLabelText("Quiet from"), { target: { value: "22:00" } });
    fireEvent.change(within(section).getByLabelText("Quiet until"), { target: { value: "07:30" } });
    await user.click(within(section).getByRole("button", { name: "Save reminders" }));

    expect(await within(section).findByText("Your reminder choices are saved.")).toBeTruthy();
    expect(requests.find((r) => r.method === "PUT")?.body).toEqual({
      enabled: true,
      byEmail: true,
      bySms: true,
      phone: "+12125550100",
      quietHours: { start: "22:00", end: "07:30" },
    });
  });

  it("shows the server's refusal of a number next to the field", async () => {
    stubApi({
      ...accountRoutes,
      "GET /api/reminder-preferences": json(200, {
        ...defaults,
        bySms: true,
        phone: "+12125550100",
      }),
      "PUT /api/reminder-preferences": apiError(400, "invalid_input", "Check phone.", {
        phone: "This number cannot receive text messages.",
      }),
    });
    const { user } = renderApp("/account", { auth: signedInAs("PARTICIPANT") });
    const section = await screen.findByRole("region", { name: "Session reminders" });
    await within(section).findByRole("button", { name: "Save reminders" });
    await user.click(within(section).getByRole("button", { name: "Save reminders" }));
    expect(
      await within(section).findByText("This number cannot receive text messages."),
    ).toBeTruthy();
    expect(within(section).getByLabelText("Mobile number").getAttribute("aria-invalid")).toBe(
      "true",
    );
  });

  it("turns reminders off", async () => {
    const { requests } = stubApi({
      ...accountRoutes,
      "GET /api/reminder-preferences": json(200, defaults),
      "PUT /api/reminder-preferences": json(200, { ...defaults, enabled: false }),
    });
    const { user } = renderApp("/account", { auth: signedInAs("FAMILY") });
    const section = await screen.findByRole("region", { name: "Session reminders" });
    await within(section).findByRole("button", { name: "Save reminders" });
    await user.click(within(section).getByLabelText(/Remind me of my sessions/));
    expect(within(section).queryByLabelText("Email")).toBeNull();
    await user.click(within(section).getByRole("button", { name: "Save reminders" }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === "PUT")?.body).toMatchObject({ enabled: false }),
    );
  });
});

const task = {
  id: "00000000-0000-4000-8000-00000000f001",
  participant: { id: IDS.jordan, displayName: "Jordan Lee" },
  session: { id: sessionId(1), startsAt: "2026-11-23T23:00:00.000Z", timeZone: "America/New_York" },
  createdAt: "2026-11-24T02:05:00.000Z",
  doneAt: null,
  doneNote: null,
};

describe("follow-ups on the facilitator's Today page", () => {
  it("lists a missed session and marks it done with a note", async () => {
    const { requests } = stubApi({
      "GET /api/home": json(200, facilitatorHome),
      "GET /api/sessions": json(200, { sessions: [] }),
      "GET /api/follow-ups": json(200, [task]),
      [`POST /api/follow-ups/${task.id}/done`]: (request) =>
        json(200, { ...task, doneAt: "2026-11-24T15:00:00.000Z", ...(request.body as object) }),
    });
    const { user } = renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });
    const card = await screen.findByRole("region", { name: /Follow up on missed sessions/ });
    expect(await within(card).findByText(/missed the session of/)).toBeTruthy();
    expect(
      within(card)
        .getByRole("link", { name: /Jordan Lee/ })
        .getAttribute("href"),
    ).toBe(`/participants/${IDS.jordan}/chart`);
    await user.click(within(card).getByRole("button", { name: /Mark done/ }));
    await user.click(within(card).getByRole("button", { name: "Mark done" }));
    expect(
      await within(card).findByText(/Write what you did/, { selector: ".field__error" }),
    ).toBeTruthy();
    await user.type(
      within(card).getByLabelText(/What you did for Jordan Lee/),
      "Called; back Wednesday.",
    );
    await user.click(within(card).getByRole("button", { name: "Mark done" }));
    expect(await within(card).findByText(/Nobody needs a follow-up/)).toBeTruthy();
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      note: "Called; back Wednesday.",
    });
  });
});

describe("attendance concerns on the cohort page", () => {
  it("names who missed two sessions or fell under 9 hours, and links to the grid", async () => {
    stubApi({
      [`GET /api/cohorts/${IDS.cohort}`]: json(200, cohortDetail({ timeZone: "America/Chicago" })),
      "GET /api/sessions": json(200, { sessions: [] }),
      "GET /api/participants": json(200, { participants }),
      "GET /api/facilitators": json(200, { facilitators: [] }),
      [`GET /api/cohorts/${IDS.cohort}/attendance-flags`]: json(200, {
        cohortId: IDS.cohort,
        flags: [
          {
            participantId: IDS.jordan,
            displayName: "Jordan Lee",
            weekStart: "2026-11-16",
            missedSessions: 2,
            attendedHours: 6,
            concerns: ["missed-sessions", "below-minimum"],
          },
        ],
      }),
    });
    renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });
    const card = await screen.findByRole("region", { name: /Attendance concerns/ });
    const item = await within(card).findByText(/Jordan Lee/);
    expect(item.closest("li")?.textContent).toContain(
      "Missed 2 sessions; Under 9 hours (6 hours attended)",
    );
    expect(
      within(card).getByRole("link", { name: "See the attendance grid" }).getAttribute("href"),
    ).toBe(`/cohorts/${IDS.cohort}/attendance`);
  });
});

describe("who has not joined, in the facilitator's room panel", () => {
  function renderSection() {
    const services = createAppServices({ sync: createLocalOnlySync(), retry: false });
    onTestFinished(() => services.dispose());
    const user = userEvent.setup();
    render(
      <ServicesProvider services={services}>
        <NotJoinedSection sessionId={sessionId(1)} />
      </ServicesProvider>,
    );
    return user;
  }

  it("names each person and sends one check-in with a tap", async () => {
    let checkedInAt: string | null = null;
    const { requests } = stubApi({
      [`GET /api/sessions/${sessionId(1)}/not-joined`]: () =>
        json(200, {
          sessionId: sessionId(1),
          from: "2026-11-23T23:10:00.000Z",
          people: [{ id: IDS.jordan, displayName: "Jordan Lee", checkedInAt }],
        }),
      [`POST /api/sessions/${sessionId(1)}/check-ins`]: () => {
        checkedInAt = "2026-11-23T23:12:00.000Z";
        return { status: 204 };
      },
    });
    const user = renderSection();
    const section = await screen.findByRole("region", { name: "Not joined" });
    expect(within(section).getByText("Jordan Lee has not joined")).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Send check-in" }));
    expect(await within(section).findByText("Check-in sent")).toBeTruthy();
    expect(within(section).queryByRole("button", { name: "Send check-in" })).toBeNull();
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({ participantId: IDS.jordan });
  });

  it("shows nothing while everyone expected is here", async () => {
    const { requests } = stubApi({
      [`GET /api/sessions/${sessionId(1)}/not-joined`]: json(200, {
        sessionId: sessionId(1),
        from: "2026-11-23T23:10:00.000Z",
        people: [],
      }),
    });
    renderSection();
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(screen.queryByRole("region", { name: "Not joined" })).toBeNull();
  });
});

describe("session reminders and notifications in Spanish", () => {
  afterEach(() => applyLocale("en"));

  it("shows the reminder choices and this device's notifications in Spanish", async () => {
    stubApi({
      ...accountRoutes,
      "GET /api/reminder-preferences": json(200, { ...defaults, smsDelivered: false }),
    });
    const { user } = renderApp("/account", {
      auth: { status: "signed-in", auth: authStateFor("PARTICIPANT", { locale: "es" }) },
    });
    const section = await screen.findByRole("region", { name: "Recordatorios de sesiones" });
    await within(section).findByRole("button", { name: "Guardar recordatorios" });
    await user.click(within(section).getByLabelText("Mensaje de texto"));
    expect(within(section).getByLabelText("Número de celular")).toBeTruthy();
    expect(within(section).getByText(/todavía no ha activado los mensajes de texto/)).toBeTruthy();
    await user.click(within(section).getByLabelText(/Tener horas de silencio/));
    expect(within(section).getByLabelText("Silencio desde")).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Guardar recordatorios" }));
    expect(
      await within(section).findByText(
        "Escribe un número de celular con su código de país, como +1 555 123 4567.",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("region", { name: "Notificaciones en este dispositivo" })).toBeTruthy();
  });
});
