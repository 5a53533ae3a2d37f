import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Browser, type BrowserContext } from "@playwright/test";
import { choosePasswordFromInvitation } from "./accounts";
import { Api } from "./api";
import { DEMO_PASSWORD, OUTBOX_DIR } from "./environment";
import { DEMO } from "./helpers";

const DAY = 86_400_000;
const MINUTE = 60_000;

/** YYYY-MM-DD of an instant in a zone. */
function dateIn(zone: string, instant: number): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

export type GroupCast = {
  cohortId: string;
  cohortName: string;
  facilitator: { email: string; password: string; firstName: string };
  participant: { email: string; password: string; firstName: string };
};

/**
 * A small group of the test's own, set up by the clinic admin through the API: a facilitator,
 * a participant, and a cohort the facilitator leads with the participant enrolled. A session
 * happening now must not clash with anyone's calendar; the demo clinic's people (Dana, the
 * Evening track) have groups of their own at fixed times, and other tests move meetings to
 * "now" for them, so a multi-family group now is booked for people no other test uses.
 */
export async function groupOfOurOwn(browser: Browser): Promise<GroupCast> {
  // Digits only: the cohort's name is shown in pages checked for English words, and a random
  // "an3tc3" once read as the English word "an".
  const tag = String(Math.floor(Math.random() * 1e6)).padStart(6, "0");
  const context = await browser.newContext();
  try {
    const admin = new Api(context.request);
    await admin.signIn(DEMO.admin, DEMO_PASSWORD);
    const zone = "America/New_York";
    const now = Date.now();
    const today = dateIn(zone, now);
    // The cohort's own group meets on a day three days away: never today, so never now.
    const meetingDay = WEEKDAYS[new Date(`${dateIn(zone, now + 3 * DAY)}T12:00:00Z`).getUTCDay()];
    const facilitator = {
      email: `facilitator.${tag}@riverbend.example`,
      password: `facilitator-password-${tag}`,
      firstName: "Noa",
    };
    const participant = {
      email: `participant.${tag}@riverbend.example`,
      password: `participant-password-${tag}`,
      firstName: "Ari",
    };
    const lead = await admin.created<{ id: string }>("/api/facilitators", {
      email: facilitator.email,
      firstName: facilitator.firstName,
      lastName: `Guide${tag}`,
      timeZone: zone,
      credential: "LMFT",
      licenseState: "NY",
      licenseExpiresOn: dateIn(zone, now + 700 * DAY),
    });
    await choosePasswordFromInvitation(facilitator.email, facilitator.password);
    const person = await admin.created<{ id: string }>("/api/participants", {
      email: participant.email,
      firstName: participant.firstName,
      lastName: `Member${tag}`,
      timeZone: zone,
    });
    await choosePasswordFromInvitation(participant.email, participant.password);
    const { programs } = await admin.get<{ programs: { id: string }[] }>("/api/programs");
    const programId = programs[0]?.id;
    if (!programId) throw new Error("the demo clinic has no program");
    const cohortName = `Family track ${tag}`;
    const cohort = await admin.created<{ id: string }>("/api/cohorts", {
      programId,
      name: cohortName,
      timeZone: zone,
      capacity: 8,
      startsOn: today,
      endsOn: dateIn(zone, now + 70 * DAY),
      weeklyPattern: { days: [meetingDay], startTime: "06:00", endTime: "07:00" },
      leadFacilitatorId: lead.id,
    });
    await admin.created(`/api/cohorts/${cohort.id}/enrollments`, {
      participantUserId: person.id,
      startsOn: today,
      plannedDischargeOn: dateIn(zone, now + 56 * DAY),
    });
    return { cohortId: cohort.id, cohortName, facilitator, participant };
  } finally {
    await context.close();
  }
}

/**
 * Books a multi-family group for the cohort that is open to join right now, as its facilitator
 * would (the room opens 10 minutes before the start): it started a minute ago, for an hour.
 */
export async function multiFamilyGroupNow(
  context: BrowserContext,
  cast: GroupCast,
): Promise<string> {
  const facilitator = new Api(context.request);
  await facilitator.signIn(cast.facilitator.email, cast.facilitator.password);
  const startsAt = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE).toISOString();
  const booked = await facilitator.created<{ id: string }>(
    `/api/cohorts/${cast.cohortId}/multi-family-sessions`,
    { startsAt, durationMinutes: 60 },
  );
  return booked.id;
}

/** Quoted-printable soft line breaks and escaped "=", as nodemailer writes long lines. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
}

/**
 * The invitation link in the newest email to `to` in the server's outbox, as a path on this
 * app (`/family/accept?token=…`). Waits for it: the email is written as the invitation is.
 */
export async function invitationLinkFor(to: string): Promise<string> {
  const find = (): string | null => {
    for (const file of readdirSync(OUTBOX_DIR).sort().reverse()) {
      const text = decodeQuotedPrintable(readFileSync(join(OUTBOX_DIR, file), "utf8"));
      if (!text.includes(`To: ${to}`)) continue;
      const found = /https?:\/\/[^\s/]+(\/family\/accept\?token=[A-Za-z0-9_-]{43})/.exec(text);
      if (found?.[1]) return found[1];
    }
    return null;
  };
  await expect
    .poll(find, { message: `an invitation email to ${to} in ${OUTBOX_DIR}` })
    .not.toBeNull();
  const link = find();
  if (link === null) throw new Error(`no invitation link for ${to}`);
  return link;
}
