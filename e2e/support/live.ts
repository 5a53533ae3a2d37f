import {
  expect,
  test as base,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { choosePasswordFromInvitation } from "./accounts";
import { apiSignedIn, type Api } from "./api";
import { DEMO_PASSWORD } from "./environment";
import { DEMO, signIn } from "./helpers";
import { takeVideoTurn } from "./video-turns";

const COHORT = "Evening track";

type SessionSummary = {
  id: string;
  status: "SCHEDULED" | "CANCELLED";
  startsAt: string;
  cohort: { id: string; name: string } | null;
  rescheduled: boolean;
};

const isoDate = (instant: number) => new Date(instant).toISOString().slice(0, 10);
const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Moves one of the Evening track's future group meetings to now, as its facilitator would
 * reschedule it, and answers its id. Group meetings come from the cohort's pattern (only
 * one-to-one and family sessions are booked one at a time), so a group happening now is made
 * by rescheduling one. It starts a minute ago, so time in the room counts as attended. Cancel it
 * afterwards (`cancelSession`), so it stops blocking anyone's calendar.
 *
 * The meeting is taken at random from one to four weeks ahead: not this week, which homes show,
 * and random so another test doing the same rarely takes the same one. Not later either: who is
 * expected at a moved meeting follows the date it was planned for, and the demo participants'
 * enrollments end about six weeks from now.
 */
export async function moveGroupMeetingToNow(facilitator: Api): Promise<string> {
  const now = Date.now();
  const { sessions } = await facilitator.get<{ sessions: SessionSummary[] }>(
    `/api/sessions?from=${isoDate(now)}&to=${isoDate(now + 30 * DAY)}`,
  );
  const later = sessions.filter(
    (s) =>
      s.cohort?.name === COHORT &&
      s.status === "SCHEDULED" &&
      !s.rescheduled &&
      Date.parse(s.startsAt) > now + 7 * DAY &&
      Date.parse(s.startsAt) < now + 28 * DAY,
  );
  const meeting = later[Math.floor(Math.random() * later.length)];
  if (!meeting) throw new Error(`no future ${COHORT} meeting to move to now`);

  // A window around now that fits everyone's calendar: the product refuses double bookings, so
  // when the first is taken (by another test's session, say) the next is tried.
  const minute = Math.floor(now / MINUTE) * MINUTE;
  const windows = [
    { startsAt: minute - MINUTE, durationMinutes: 30 },
    { startsAt: minute - MINUTE, durationMinutes: 15 },
    { startsAt: minute - 10 * MINUTE, durationMinutes: 15 },
  ];
  const refusals: string[] = [];
  for (const window of windows) {
    const moved = await facilitator.write("PATCH", `/api/sessions/${meeting.id}`, {
      startsAt: new Date(window.startsAt).toISOString(),
      durationMinutes: window.durationMinutes,
    });
    if (moved.status === 200) return meeting.id;
    refusals.push(`${moved.status} ${JSON.stringify(moved.body)}`);
    if (moved.status !== 409) break;
  }
  throw new Error(`could not move a ${COHORT} meeting to now:\n${refusals.join("\n")}`);
}

/** Cancels a session whose room is over, so it no longer counts in anyone's clash checks. */
export async function cancelSession(facilitator: Api, sessionId: string): Promise<void> {
  await facilitator.created(
    `/api/sessions/${sessionId}/cancel`,
    { reason: "The browser test of the live room is over." },
    200,
  );
}

/**
 * A participant of the clinic enrolled in no cohort, added by the admin, who chose their own
 * password from the emailed link; answers their email and password.
 */
export async function participantOutsideCohort(
  admin: Api,
): Promise<{ email: string; password: string }> {
  const tag = Math.random().toString(36).slice(2, 8);
  const email = `outsider.${tag}@riverbend.example`;
  const password = `temporary-password-${tag}`;
  await admin.created("/api/participants", {
    email,
    firstName: "Quinn",
    lastName: `Outsider${tag}`,
    timeZone: "America/New_York",
  });
  await choosePasswordFromInvitation(email, password);
  return { email, password };
}

/** Someone signed in in a browser context of their own, as they would be on their own device. */
export type Person = { context: BrowserContext; page: Page; id: string; firstName: string };

export type SignInOptions = {
  viewport?: { width: number; height: number };
  password?: string;
  /** Outside the test runner, which otherwise takes it from the config. */
  baseURL?: string;
};

/** Opens a context of its own for `email`, signs in through the form and learns who they are. */
export async function signedIn(
  browser: Browser,
  email: string,
  options: SignInOptions = {},
): Promise<Person> {
  const context = await browser.newContext({
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    permissions: ["camera", "microphone"],
  });
  const page = await context.newPage();
  await signIn(page, email, options.password ?? DEMO_PASSWORD);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const res = await page.request.get("/api/auth/me");
  expect(res.status(), `${email} is signed in`).toBe(200);
  const { user } = (await res.json()) as { user: { id: string; firstName: string } };
  return { context, page, id: user.id, firstName: user.firstName };
}

export type SessionAttendance = {
  sessionId: string;
  startsAt: string;
  endsAt: string;
  people: {
    userId: string;
    role: "facilitator" | "participant" | "family";
    expected: boolean;
    minutes: number;
    late: boolean;
    leftEarly: boolean;
    attended: boolean;
    joins: { joinedAt: string; leftAt: string | null }[];
  }[];
};

/** GET /api/sessions/:id/attendance with the cookies of whoever is signed in on `page`. */
export async function attendanceOf(page: Page, sessionId: string): Promise<SessionAttendance> {
  const res = await page.request.get(`/api/sessions/${sessionId}/attendance`);
  expect(res.status()).toBe(200);
  return (await res.json()) as SessionAttendance;
}

/**
 * Whether `page` shows decoded, moving video from `peerId`: the remote camera's <video> has a
 * picture (videoWidth > 0), and the count of frames it has decoded keeps growing.
 */
export async function expectVideoFrom(page: Page, peerId: string): Promise<void> {
  const video = page.locator(`video[data-peer-id="${peerId}"][data-kind="camera"]`);
  await expect(video).toHaveCount(1, { timeout: 30_000 });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), {
      message: `a decoded picture from ${peerId}`,
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  const frames = () =>
    video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
  const before = await frames();
  await expect
    .poll(frames, { message: `new frames from ${peerId}`, timeout: 15_000 })
    .toBeGreaterThan(before);
}

/**
 * Tests of the live room get a group session happening now (moved there by its facilitator over
 * the API, and cancelled afterwards even when the test fails or times out), and a way to sign
 * people in, each in a browser context of their own that is closed afterwards.
 */
export const test = base.extend<
  {
    groupSessionId: string;
    signInAs: (email: string, options?: SignInOptions) => Promise<Person>;
  },
  { videoTurn: boolean }
>({
  // One worker at a time sends video (this project's or the LiveKit project's); waiting for the
  // turn is not counted against any test's time.
  videoTurn: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const release = await takeVideoTurn();
      await use(true);
      release();
    },
    { scope: "worker", auto: true, timeout: 15 * 60_000 },
  ],
  groupSessionId: async ({ playwright, baseURL }, use) => {
    if (!baseURL) throw new Error("the live-room tests need baseURL in the config");
    const dana = await apiSignedIn(playwright.request, baseURL, DEMO.facilitator);
    const sessionId = await moveGroupMeetingToNow(dana.api);
    await use(sessionId);
    await cancelSession(dana.api, sessionId);
    await dana.dispose();
  },
  signInAs: async ({ browser }, use) => {
    const opened: Person[] = [];
    await use(async (email, options) => {
      const person = await signedIn(browser, email, options);
      opened.push(person);
      return person;
    });
    for (const person of opened) await person.context.close();
  },
});
