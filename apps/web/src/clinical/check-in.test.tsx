import { INSTRUMENT_DEFINITIONS } from "@bridgeway/domain";
import { act, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { crisisSupport } from "../alerts/crisis-support";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS } from "../test/schedule-fixtures";
import {
  ASSIGNMENT,
  assignment,
  GAD_ASSIGNMENT,
  history,
  result,
  resultId,
} from "./testing/clinical-fixtures";

const participant = { status: "signed-in", auth: authStateFor("PARTICIPANT") } as const;
const HISTORY = `GET /api/participants/${IDS.jordan}/assessments`;
const RESPOND = `POST /api/assessments/${ASSIGNMENT}/responses`;
const PHQ9_ITEMS = INSTRUMENT_DEFINITIONS.PHQ9.items;
const ANSWER_LABELS = ["Not at all", "Several days", "More than half the days", "Nearly every day"];

type User = ReturnType<typeof renderApp>["user"];

function question(index: number) {
  return screen.getByRole("group", { name: PHQ9_ITEMS[index] });
}

/** Answers the question on screen and goes on (or sends, on the last one). */
async function answer(user: User, score: number) {
  await user.click(screen.getByRole("radio", { name: ANSWER_LABELS[score] }));
  await user.click(screen.getByRole("button", { name: /^(Next|Send my answers)$/ }));
}

async function openCheckIn() {
  const view = renderApp(`/participant/check-ins/${ASSIGNMENT}`, { auth: participant });
  await screen.findByRole("heading", { level: 2, name: "Question 1 of 9" });
  return view;
}

describe("the check-ins page", () => {
  it("lists what is waiting, what comes later and recent scores, with 988 at hand", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    stubApi({
      [HISTORY]: json(
        200,
        history({
          due: [
            assignment(),
            assignment({
              id: GAD_ASSIGNMENT,
              instrument: "GAD7",
              cadence: "EVERY_2_WEEKS",
              dueOn: "2026-11-30",
            }),
          ],
          results: [
            result({ id: resultId(1), total: 16, severity: "moderately-severe" }),
            result({
              id: resultId(2),
              total: 8,
              severity: "mild",
              completedAt: "2026-11-20T15:00:00.000Z",
            }),
          ],
        }),
      ),
    });
    renderApp("/participant/check-ins", { auth: participant });

    const card = await screen.findByRole("article", { name: "How have you been feeling?" });
    expect(card.textContent).toContain("Due today · 9 questions, about 2 minutes");
    const start = within(card).getByRole("link", { name: "Start the PHQ-9" });
    expect(start.getAttribute("href")).toBe(`/participant/check-ins/${ASSIGNMENT}`);
    // The GAD-7 is not due yet: named as coming up, not offered to start.
    expect(screen.queryByRole("link", { name: "Start the GAD-7" })).toBeNull();
    expect(screen.getByText(/Coming up: GAD-7 on November 30, 2026\./)).toBeTruthy();

    const table = screen.getByRole("table", { name: "Your recent check-ins, newest first" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining("PHQ-98 of 27Mild"),
      expect.stringContaining("PHQ-916 of 27Moderately severe"),
    ]);
    const help = screen.getByRole("region", { name: "If you need help now" });
    expect(within(help).getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe(
      "tel:988",
    );
  });

  it("says when the next one is due when nothing is waiting today", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    stubApi({ [HISTORY]: json(200, history({ due: [assignment({ dueOn: "2026-11-30" })] })) });
    renderApp("/participant/check-ins", { auth: participant });

    expect(await screen.findByText("Nothing to fill in right now.")).toBeTruthy();
    expect(screen.getByText(/Your next check-in is on November 30, 2026\./)).toBeTruthy();
    expect(screen.getByText("No check-ins yet.")).toBeTruthy();
  });
});

describe("a PHQ-9 check-in on a phone", () => {
  it("asks one question at a time and will not go on until it is answered", async () => {
    const { requests } = stubApi({ [HISTORY]: json(200, history({ due: [assignment()] })) });
    const { user } = await openCheckIn();

    expect(
      screen.getByRole("heading", { level: 1, name: "How have you been feeling?" }),
    ).toBeTruthy();
    expect(screen.getByText(INSTRUMENT_DEFINITIONS.PHQ9.stem)).toBeTruthy();
    const first = question(0);
    expect(
      within(first)
        .getAllByRole("radio")
        .map((r) => r.closest("label")?.textContent),
    ).toEqual(ANSWER_LABELS);

    await user.click(screen.getByRole("button", { name: "Next" }));
    // Still on question 1, which is marked, with the reason tied to it.
    expect(screen.getByRole("heading", { level: 2, name: "Question 1 of 9" })).toBeTruthy();
    const marked = question(0);
    expect(marked.getAttribute("aria-invalid")).toBe("true");
    const error = within(marked).getByText("Choose one of the four answers to go on.");
    expect(marked.getAttribute("aria-describedby")).toBe(error.id);

    // Answering clears the mark; Next moves on and takes focus to the new question's number.
    await user.click(within(marked).getByRole("radio", { name: "Several days" }));
    expect(question(0).getAttribute("aria-invalid")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Next" }));
    const count = screen.getByRole("heading", { level: 2, name: "Question 2 of 9" });
    expect(document.activeElement).toBe(count);
    expect(question(1)).toBeTruthy();

    // Back keeps the answer given.
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Several days" }).checked).toBe(
      true,
    );
    expect(requests.filter((r) => r.method === "POST")).toEqual([]);
  });

  it("sends all nine answers, then shows the score and band; question 9 above 0 brings 988 and the safety plan", async () => {
    const { requests } = stubApi({
      [HISTORY]: json(200, history({ due: [assignment()] })),
      [RESPOND]: json(
        201,
        result({
          id: resultId(9),
          total: 13,
          severity: "moderate",
          safetyConcern: true,
          completedAt: "2026-11-23T15:05:00.000Z",
          answers: [1, 2, 1, 2, 1, 2, 1, 2, 1],
        }),
      ),
    });
    const { user } = await openCheckIn();

    const answers = [1, 2, 1, 2, 1, 2, 1, 2, 1];
    for (const [index, score] of answers.entries()) {
      expect(question(index)).toBeTruthy();
      if (index === 8) expect(screen.getByRole("button", { name: "Send my answers" })).toBeTruthy();
      await answer(user, score);
    }

    const thanks = await screen.findByRole("heading", { name: "Thank you for checking in" });
    expect(requests.filter((r) => r.method === "POST").map((r) => r.body)).toEqual([{ answers }]);
    expect(document.activeElement).toBe(thanks);
    const card = thanks.closest("section");
    expect(card?.textContent).toContain("Your PHQ-9 score: 13 of 27");
    expect(card?.textContent).toContain(
      "Your answers suggest low mood has been weighing on you quite a bit (moderate).",
    );
    expect(card?.textContent).toContain("This is a check-in, not a diagnosis.");

    const help = screen.getByRole("region", { name: "Thank you for telling us" });
    expect(help.textContent).toContain(
      "You said you have had thoughts that you would be better off dead",
    );
    expect(help.textContent).toContain("you can call or text 988 at any time");
    expect(within(help).getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe(
      "tel:988",
    );
    expect(within(help).getByRole("link", { name: "Text 988" }).getAttribute("href")).toBe(
      "sms:988",
    );
    expect(
      within(help).getByRole("link", { name: "Open my safety plan" }).getAttribute("href"),
    ).toBe("/participant/safety");

    // The server's crisis support for the same answer does not add a second, chat-worded panel.
    act(() =>
      crisisSupport.show(IDS.jordan, { crisisLine: "988", safetyPlanPath: "/participant/safety" }),
    );
    expect(
      screen.queryByRole("region", { name: "You don't have to go through this alone" }),
    ).toBeNull();
    expect(screen.queryByText(/What you wrote was shared/)).toBeNull();
    expect(crisisSupport.get()).toBeNull();
  });

  it("without a question 9 concern, shows 988 calmly and no word about self-harm", async () => {
    stubApi({
      [HISTORY]: json(200, history({ due: [assignment({ instrument: "GAD7" })] })),
      [RESPOND]: json(
        201,
        result({
          instrument: "GAD7",
          total: 3,
          severity: "minimal",
          answers: [0, 1, 0, 1, 0, 1, 0],
        }),
      ),
    });
    const { user } = renderApp(`/participant/check-ins/${ASSIGNMENT}`, { auth: participant });
    expect(await screen.findByRole("heading", { level: 2, name: "Question 1 of 7" })).toBeTruthy();
    for (const score of [0, 1, 0, 1, 0, 1, 0]) await answer(user, score);

    const thanks = await screen.findByRole("heading", { name: "Thank you for checking in" });
    expect(thanks.closest("section")?.textContent).toContain("Your GAD-7 score: 3 of 21");
    expect(thanks.closest("section")?.textContent).toContain("(minimal)");
    const help = screen.getByRole("region", { name: "If you need help now" });
    expect(within(help).getByRole("link", { name: "Open my safety plan" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Thank you for telling us" })).toBeNull();
    expect(document.body.textContent).not.toContain("better off dead");
  });

  it("takes the person to the question the server names as missing, with its message", async () => {
    stubApi({
      [HISTORY]: json(200, history({ due: [assignment()] })),
      [RESPOND]: apiError(
        400,
        "invalid_input",
        "Some answers are missing or not one of the choices.",
        {
          "answers.3": "Question 4: choose one of the four answers.",
        },
      ),
    });
    const { user } = await openCheckIn();
    for (let i = 0; i < 9; i += 1) await answer(user, 0);

    expect((await screen.findByRole("alert")).textContent).toContain(
      "Some answers are missing or not one of the choices.",
    );
    expect(screen.getByRole("heading", { level: 2, name: "Question 4 of 9" })).toBeTruthy();
    const fourth = question(3);
    expect(fourth.getAttribute("aria-invalid")).toBe("true");
    expect(within(fourth).getByText("Question 4: choose one of the four answers.")).toBeTruthy();
  });

  it("says so when the check-in was already answered or withdrawn, and offers the way back", async () => {
    const { requests } = stubApi({
      [HISTORY]: json(200, history({ due: [assignment()] })),
      [RESPOND]: apiError(409, "conflict", "This questionnaire was withdrawn by your clinician."),
    });
    const { user } = await openCheckIn();
    for (let i = 0; i < 9; i += 1) await answer(user, 0);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("This questionnaire was withdrawn by your clinician.");
    const form = alert.closest("form");
    expect(form).not.toBeNull();
    expect(
      within(form as HTMLElement).getByRole("link", { name: "Back to check-ins" }),
    ).toBeTruthy();
    // Nothing more to send: pressing Send again does not try again.
    await user.click(screen.getByRole("button", { name: "Send my answers" }));
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("says a check-in that is no longer waiting is not there to fill in", async () => {
    stubApi({ [HISTORY]: json(200, history({ due: [] })) });
    renderApp(`/participant/check-ins/${ASSIGNMENT}`, { auth: participant });

    expect(await screen.findByText("This check-in is not waiting for you.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Check-in" })).toBeTruthy();
    expect(screen.queryByRole("radio")).toBeNull();
  });
});
