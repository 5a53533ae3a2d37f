import type { SessionNoteDto, SessionNoteInput, SessionNoteState } from "@bridgeway/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError, json, stubApi, type FakeResponse, type Handler } from "../test/fake-api";
import { authStateFor } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS, sessionId, sessionSummary } from "../test/schedule-fixtures";
import { sessionNote } from "./testing/clinical-fixtures";

const facilitator = { status: "signed-in", auth: authStateFor("FACILITATOR") } as const;
const SESSION = `/api/sessions/${sessionId(1)}`;
const NOTE = `${SESSION}/note`;
const attended = [
  { id: IDS.avery, displayName: "Avery Johnson" },
  { id: IDS.jordan, displayName: "Jordan Lee" },
];

function sessionRoutes(overrides: Record<string, Handler | FakeResponse>) {
  return {
    [`GET ${SESSION}`]: json(200, sessionSummary()),
    [`GET ${SESSION}/roster`]: json(200, { people: [] }),
    ...overrides,
  };
}

/** The session ended half an hour ago (it ran 6–9 PM Eastern on November 23). */
function openSession(at = "2026-11-24T02:30:00Z") {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(at));
  return renderApp(`/sessions/${sessionId(1)}`, { auth: facilitator });
}

const noteCard = () => screen.findByRole("region", { name: /^Session note/ });

/** A fake note API that keeps what was saved, signed and added. */
function noteServer(initial: SessionNoteState) {
  let state = initial;
  const saved = (input: SessionNoteInput): SessionNoteDto =>
    sessionNote({
      ...input,
      parts: input.parts.map((p) => ({
        ...p,
        displayName: attended.find((a) => a.id === p.participantId)?.displayName ?? "",
      })),
      updatedAt: "2026-11-24T02:40:00.000Z",
    });
  const set = (note: SessionNoteDto) => {
    state = { ...state, note };
    return note;
  };
  return {
    [`GET ${NOTE}`]: () => json(200, state),
    [`PUT ${NOTE}`]: (request: { body: unknown }) =>
      json(200, set(saved(request.body as SessionNoteInput))),
    [`POST ${NOTE}/sign`]: () => {
      const note = state.note ?? sessionNote();
      return json(
        200,
        set({
          ...note,
          status: "signed",
          signed: { at: "2026-11-24T02:45:00.000Z", by: "Dana Whitfield" },
        }),
      );
    },
    [`POST ${NOTE}/addenda`]: (request: { body: unknown }) => {
      const note = state.note ?? sessionNote();
      const body = request.body as { text: string; participantId?: string };
      return json(
        201,
        set({
          ...note,
          addenda: [
            ...note.addenda,
            {
              id: "00000000-0000-4000-8000-0000000000f9",
              text: body.text,
              participantId: body.participantId ?? null,
              author: "Dana Whitfield",
              createdAt: "2026-11-25T14:00:00.000Z",
            },
          ],
        }),
      );
    },
  };
}

type User = ReturnType<typeof renderApp>["user"];

async function writeNote(user: User, card: HTMLElement) {
  await user.type(within(card).getByLabelText("Topic"), "Sleep and mood");
  await user.click(within(card).getByRole("checkbox", { name: "DBT: mindfulness" }));
  await user.type(within(card).getByLabelText("Other interventions (one per line)"), "Grounding");
  await user.type(within(card).getByLabelText("Group summary"), "The group practised a body scan.");
  await user.type(within(card).getByLabelText("Data for Jordan Lee"), "Spoke about sleep.");
  await user.type(within(card).getByLabelText("Assessment for Jordan Lee"), "Engaged.");
  await user.type(within(card).getByLabelText("Plan for Jordan Lee"), "Sleep diary.");
}

describe("the session note", () => {
  it("is not there before the session starts", async () => {
    const { requests } = stubApi(sessionRoutes({}));
    openSession("2026-11-23T20:00:00Z");

    expect(await screen.findByRole("heading", { level: 1, name: "Group therapy" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: /^Session note/ })).toBeNull();
    expect(requests.some((r) => r.path === NOTE)).toBe(false);
  });

  it("saves a draft with a DAP part only for those with something written", async () => {
    const { requests } = stubApi(sessionRoutes(noteServer({ note: null, attended })));
    const { user } = openSession();

    const card = await noteCard();
    await within(card).findByLabelText("Topic");
    expect(within(card).getByRole("group", { name: "Avery Johnson" })).toBeTruthy();
    expect(within(card).getByRole("group", { name: "Jordan Lee" })).toBeTruthy();
    await writeNote(user, card);
    await user.click(within(card).getByRole("button", { name: "Save draft" }));

    expect(
      await within(card).findByText("Draft saved at November 23, 2026 at 9:40 PM EST."),
    ).toBeTruthy();
    expect(requests.find((r) => r.method === "PUT")?.body).toEqual({
      topic: "Sleep and mood",
      interventions: ["DBT: mindfulness", "Grounding"],
      summary: "The group practised a body scan.",
      parts: [
        {
          participantId: IDS.jordan,
          data: "Spoke about sleep.",
          assessment: "Engaged.",
          plan: "Sleep diary.",
        },
      ],
    });
    await waitFor(() => expect(within(card).getByText("Draft")).toBeTruthy());
  });

  it("checks the note before saving and marks each problem next to its field", async () => {
    const { requests } = stubApi(sessionRoutes(noteServer({ note: null, attended })));
    const { user } = openSession();

    const card = await noteCard();
    await user.type(await within(card).findByLabelText("Data for Jordan Lee"), "Quiet today.");
    await user.click(within(card).getByRole("button", { name: "Save draft" }));

    expect((await within(card).findByRole("alert")).textContent).toContain(
      "Check the fields marked below.",
    );
    const description = (label: string) => {
      const field = within(card).getByLabelText(label);
      expect(field.getAttribute("aria-invalid")).toBe("true");
      return document.getElementById(
        field.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "",
      )?.textContent;
    };
    expect(description("Topic")).toBe("Write the topic.");
    expect(description("Group summary")).toBe("Write the group summary.");
    expect(description("Plan for Jordan Lee")).toBe("Write the plan.");
    expect(within(card).getByRole("group", { name: "Interventions" }).textContent).toContain(
      "Name at least one intervention.",
    );
    // Avery's part is empty, so it is not sent and not marked.
    expect(
      within(card).getByLabelText("Plan for Avery Johnson").getAttribute("aria-invalid"),
    ).toBeNull();
    expect(requests.filter((r) => r.method === "PUT")).toEqual([]);
  });

  it("checks the note before signing: the confirmation gives way to the marked form", async () => {
    const { requests } = stubApi(sessionRoutes(noteServer({ note: null, attended })));
    const { user } = openSession();

    const card = await noteCard();
    await user.type(await within(card).findByLabelText("Topic"), "Sleep and mood");
    await user.click(within(card).getByRole("button", { name: "Sign…" }));
    const dialog = screen.getByRole("dialog", { name: "Sign this note?" });
    await user.click(within(dialog).getByRole("button", { name: "Sign the note" }));

    const alert = await within(card).findByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(alert));
    const summary = within(card).getByLabelText("Group summary");
    expect(summary.getAttribute("aria-invalid")).toBe("true");
    expect(
      document.getElementById(summary.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toBe("Write the group summary.");
    expect(within(card).getByLabelText("Topic").getAttribute("aria-invalid")).toBeNull();
    expect(requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("puts the server's errors about a part next to the right person", async () => {
    stubApi(
      sessionRoutes({
        ...noteServer({ note: null, attended }),
        [`PUT ${NOTE}`]: apiError(400, "invalid_input", "Check the note.", {
          "parts.1.data": "Jordan Lee did not attend this session.",
        }),
      }),
    );
    const { user } = openSession();

    const card = await noteCard();
    await within(card).findByRole("group", { name: "Avery Johnson" });
    await writeNote(user, card);
    await user.type(within(card).getByLabelText("Data for Avery Johnson"), "Arrived late.");
    await user.type(within(card).getByLabelText("Assessment for Avery Johnson"), "Tired.");
    await user.type(within(card).getByLabelText("Plan for Avery Johnson"), "Check in Thursday.");
    await user.click(within(card).getByRole("button", { name: "Save draft" }));

    await within(card).findByRole("alert");
    const jordan = within(card).getByLabelText("Data for Jordan Lee");
    await waitFor(() => expect(jordan.getAttribute("aria-invalid")).toBe("true"));
    expect(within(card).getByRole("group", { name: "Jordan Lee" }).textContent).toContain(
      "Jordan Lee did not attend this session.",
    );
    expect(
      within(card).getByLabelText("Data for Avery Johnson").getAttribute("aria-invalid"),
    ).toBeNull();
  });

  it("signs after a confirmation naming who has no part, then is locked: addenda only", async () => {
    const { requests } = stubApi(
      sessionRoutes(
        noteServer({
          note: sessionNote({ interventions: ["DBT: mindfulness", "Grounding"] }),
          attended,
        }),
      ),
    );
    const { user } = openSession();

    const card = await noteCard();
    const topic = await within(card).findByLabelText<HTMLInputElement>("Topic");
    expect(topic.value).toBe("Sleep and mood");
    expect(
      within(card).getByLabelText<HTMLTextAreaElement>("Other interventions (one per line)").value,
    ).toBe("Grounding");
    await user.type(within(card).getByLabelText("Data for Jordan Lee"), "Spoke about sleep.");
    await user.type(within(card).getByLabelText("Assessment for Jordan Lee"), "Engaged.");
    await user.type(within(card).getByLabelText("Plan for Jordan Lee"), "Sleep diary.");
    await user.click(within(card).getByRole("button", { name: "Sign…" }));

    const dialog = screen.getByRole("dialog", { name: "Sign this note?" });
    expect(dialog.textContent).toContain("No individual part for: Avery Johnson.");
    await user.click(within(dialog).getByRole("button", { name: "Sign the note" }));

    const signed = await within(card).findByText(/^Note signed\. Signed by Dana Whitfield/);
    expect(signed.textContent).toBe(
      "Note signed. Signed by Dana Whitfield, November 23, 2026 at 9:45 PM EST. Signed notes are locked; add an addendum to change anything.",
    );
    expect(document.activeElement).toBe(signed);
    expect(requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT ${NOTE}`,
      `POST ${NOTE}/sign`,
    ]);
    expect(within(card).getByText("Signed")).toBeTruthy();
    // Locked: nothing left to edit.
    expect(within(card).queryByRole("textbox")).toBeNull();
    expect(within(card).queryByRole("button", { name: "Save draft" })).toBeNull();
    const part = within(card).getByRole("region", { name: "Jordan Lee" });
    expect(part.textContent).toContain("Sleep diary.");
    expect(within(card).getByText("No addenda.")).toBeTruthy();

    await user.click(within(card).getByRole("button", { name: "Add addendum" }));
    const text = within(card).getByLabelText("Addendum");
    expect(document.activeElement).toBe(text);
    await user.click(within(card).getByRole("button", { name: "Add addendum" }));
    expect((await within(card).findByRole("alert")).textContent).toBe("Write the addendum.");
    await user.type(text, "Jordan called after group to say the diary helps.");
    await user.selectOptions(within(card).getByLabelText("About"), "Jordan Lee");
    await user.click(within(card).getByRole("button", { name: "Add addendum" }));

    expect(await within(card).findByText("Addendum added.")).toBeTruthy();
    expect(requests.find((r) => r.path === `${NOTE}/addenda`)?.body).toEqual({
      text: "Jordan called after group to say the diary helps.",
      participantId: IDS.jordan,
    });
    const addendum = within(card)
      .getByText("Jordan called after group to say the diary helps.")
      .closest("li");
    expect(addendum?.textContent).toContain("Dana Whitfield, November 25, 2026 at 9:00 AM EST");
    expect(addendum?.textContent).toContain("About Jordan Lee");
    expect(document.activeElement).toBe(within(card).getByRole("heading", { name: "Addenda" }));
  });

  it("says why signing failed and leaves the note a draft to sign again", async () => {
    const { requests } = stubApi(
      sessionRoutes({
        ...noteServer({ note: sessionNote(), attended: [] }),
        [`POST ${NOTE}/sign`]: apiError(409, "conflict", "This note is already signed."),
      }),
    );
    const { user } = openSession();

    const card = await noteCard();
    await user.click(await within(card).findByRole("button", { name: "Sign…" }));
    const dialog = screen.getByRole("dialog", { name: "Sign this note?" });
    expect(dialog.textContent).not.toContain("No individual part for");
    await user.click(within(dialog).getByRole("button", { name: "Sign the note" }));

    const alert = await within(card).findByRole("alert");
    expect(alert.textContent).toContain("This note is already signed.");
    expect(document.activeElement).toBe(alert);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(within(card).getByRole("button", { name: "Sign…" })).toBeTruthy();
    expect(requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT ${NOTE}`,
      `POST ${NOTE}/sign`,
    ]);
  });
});
