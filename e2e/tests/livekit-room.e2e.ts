import { expect, type Page } from "@playwright/test";
import { RoomServiceClient, TrackSource } from "livekit-server-sdk";
import { DEMO } from "../support/helpers";
import { attendanceOf, expectVideoFrom, type Person } from "../support/live";
import { LIVEKIT_API_KEY, LIVEKIT_API_SECRET, LIVEKIT_HTTP_URL } from "../support/livekit";
import { test } from "../support/livekit-test";

const SAM = "sam.patel@riverbend.example";

const controls = (page: Page) => page.getByRole("group", { name: "Your controls" });
const waitingHeading = (page: Page) =>
  page.getByRole("heading", { name: "Waiting for the facilitator to let you in" });
/** Joining the SFU takes ICE and DTLS: several seconds on a loaded two-core machine. */
const media = expect.configure({ timeout: 60_000 });
const rooms = () => new RoomServiceClient(LIVEKIT_HTTP_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

async function joinFromPrejoin(person: Person): Promise<void> {
  // The room's page and the camera load slowly on a loaded two-core machine.
  await expect(
    person.page.getByRole("heading", { level: 1, name: "Get ready to join" }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(person.page.getByRole("button", { name: "Join session" })).toBeEnabled({
    timeout: 30_000,
  });
  await person.page.getByRole("button", { name: "Join session" }).click();
}

/** Who the LiveKit server itself says is in the room, and whether their microphone is muted. */
async function serverView(room: string): Promise<Map<string, { micMuted: boolean | null }>> {
  const people = await rooms()
    .listParticipants(room)
    .catch(() => []);
  return new Map(
    people.map((p) => {
      const mic = p.tracks.find((t) => t.source === TrackSource.MICROPHONE);
      return [p.identity, { micMuted: mic ? mic.muted : null }];
    }),
  );
}

test("on a real LiveKit server a facilitator admits, sees and moderates a group, and attendance comes from its signed webhooks", async ({
  groupSessionId: sessionId,
  signInAs,
}) => {
  test.setTimeout(420_000);
  const dana = await signInAs(DEMO.facilitator);
  const jordan = await signInAs(DEMO.participant);
  const sam = await signInAs(SAM, { viewport: { width: 360, height: 740 } });
  const people = [dana, jordan, sam];
  for (const person of people) {
    person.page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning")
        console.log(`[${person.firstName}] ${message.text().slice(0, 300)}`);
    });
  }
  const room = `/sessions/${sessionId}/room`;
  const livekitRoom = `session-${sessionId}`;
  const manage = dana.page.getByRole("complementary", { name: "Manage the room" });
  const seconds = () => Math.floor(Date.now() / 1000) * 1000;

  await test.step("participants wait; the facilitator admits one, then all", async () => {
    for (const person of [jordan, sam]) {
      await person.page.goto(room);
      await joinFromPrejoin(person);
      await expect(waitingHeading(person.page)).toBeVisible();
    }
    await dana.page.goto(room);
    await joinFromPrejoin(dana);
    await expect(controls(dana.page)).toBeVisible();
    await expect(manage.getByRole("heading", { name: "Waiting (2)" })).toBeVisible();
    // Waiting people hold no LiveKit token: the media server has only the facilitator.
    await media.poll(async () => [...(await serverView(livekitRoom)).keys()]).toEqual([dana.id]);

    await manage.getByRole("button", { name: "Admit Jordan" }).click();
    await expect(controls(jordan.page)).toBeVisible();
    await expect(waitingHeading(sam.page)).toBeVisible();
    await manage.getByRole("button", { name: "Admit all" }).click();
    await expect(controls(sam.page)).toBeVisible();
    await media
      .poll(async () => [...(await serverView(livekitRoom)).keys()].sort())
      .toEqual(people.map((p) => p.id).sort());
  });
  const admittedBy = seconds();

  await test.step("everyone receives decoded, moving video through the SFU", async () => {
    // Everyone's camera and microphone reach the SFU (ICE and DTLS can be slow on a loaded machine).
    await media
      .poll(
        async () =>
          (await rooms().listParticipants(livekitRoom)).filter((p) => p.tracks.length >= 2).length,
        { timeout: 60_000 },
      )
      .toBe(3);
    for (const viewer of people) {
      for (const other of people) {
        if (other !== viewer) await expectVideoFrom(viewer.page, other.id);
      }
    }
    // The pictures came through the SFU: it holds everyone's camera and microphone.
    const published = await rooms().listParticipants(livekitRoom);
    expect(
      published
        .map((p) => ({ id: p.identity, sources: p.tracks.map((t) => t.source).sort() }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual(
      people
        .map((p) => ({ id: p.id, sources: [TrackSource.CAMERA, TrackSource.MICROPHONE].sort() }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  await test.step("a raised hand reaches the facilitator", async () => {
    const hand = controls(sam.page).getByRole("button", { name: "Raise hand" });
    await hand.click();
    await expect(manage.locator(`li.hands__item[data-person-id="${sam.id}"]`)).toHaveText("Sam");
    await hand.click();
    await expect(manage.locator("li.hands__item")).toHaveCount(0);
  });

  await test.step("muting one and all goes through LiveKit's room service", async () => {
    const microphone = controls(jordan.page).getByRole("button", { name: "Microphone" });
    await media
      .poll(async () => (await serverView(livekitRoom)).get(jordan.id)?.micMuted)
      .toBe(false);
    await manage.getByRole("button", { name: "Turn off microphone for Jordan" }).click();
    await expect(microphone).toHaveAttribute("aria-pressed", "false");
    await expect(jordan.page.getByText("Dana turned off your microphone.")).toBeVisible();
    await media
      .poll(async () => (await serverView(livekitRoom)).get(jordan.id)?.micMuted)
      .toBe(true);

    await manage.getByRole("button", { name: "Ask to unmute for Jordan" }).click();
    const prompt = jordan.page.getByRole("alert").filter({ hasText: "Dana asks you to unmute." });
    await prompt.getByRole("button", { name: "Unmute" }).click();
    await expect(microphone).toHaveAttribute("aria-pressed", "true");
    await media
      .poll(async () => (await serverView(livekitRoom)).get(jordan.id)?.micMuted)
      .toBe(false);

    await manage.getByRole("button", { name: "Mute all" }).click();
    for (const person of [jordan, sam]) {
      await expect(
        controls(person.page).getByRole("button", { name: "Microphone" }),
      ).toHaveAttribute("aria-pressed", "false");
    }
    await media
      .poll(async () => {
        const view = await serverView(livekitRoom);
        return [jordan, sam].map((p) => view.get(p.id)?.micMuted);
      })
      .toEqual([true, true]);
    // The facilitator keeps their own microphone.
    expect((await serverView(livekitRoom)).get(dana.id)?.micMuted).toBe(false);
  });

  const removedFrom = seconds();
  await test.step("a removed participant is taken off the media server and cannot rejoin", async () => {
    await manage.getByRole("button", { name: "Remove Jordan" }).click();
    await dana.page
      .getByRole("dialog", { name: "Remove Jordan from the session?" })
      .getByRole("button", { name: "Remove" })
      .click();
    await expect(
      jordan.page.getByRole("heading", { name: "You were removed from this session" }),
    ).toBeVisible();
    await media.poll(async () => (await serverView(livekitRoom)).has(jordan.id)).toBe(false);
    await expect(dana.page.locator(`li[data-user-id="${jordan.id}"]`)).toHaveCount(0);

    // Refused at the door, before the device check starts the camera.
    await jordan.page.goto(room);
    await expect(
      jordan.page.getByRole("heading", { name: "You were removed from this session" }),
    ).toBeVisible();
    await expect(jordan.page.getByRole("button", { name: "Join session" })).toHaveCount(0);
    await expect(controls(jordan.page)).toHaveCount(0);
    expect((await serverView(livekitRoom)).has(jordan.id)).toBe(false);
  });
  const removedBy = seconds() + 1000;

  await test.step("LiveKit's webhooks record when each person joined and left", async () => {
    await controls(sam.page).getByRole("button", { name: "Leave session" }).click();
    await expect(sam.page.getByRole("heading", { name: "You left the session" })).toBeVisible();
    await manage.getByRole("button", { name: "End session for everyone" }).click();
    await dana.page
      .getByRole("dialog", { name: "End the session for everyone?" })
      .getByRole("button", { name: "End session" })
      .click();
    await expect(dana.page.getByRole("heading", { name: "The session has ended" })).toBeVisible();
    await media.poll(async () => (await rooms().listRooms([livekitRoom])).length).toBe(0);

    // participant_left for Jordan and Sam, and room_finished (which closes the facilitator's).
    await media
      .poll(
        async () => {
          const { people: rows } = await attendanceOf(dana.page, sessionId);
          return people.every((p) =>
            rows.some(
              (r) => r.userId === p.id && r.joins.length > 0 && r.joins.every((j) => j.leftAt),
            ),
          );
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const attendance = await attendanceOf(dana.page, sessionId);
    const joinsOf = (person: Person) =>
      attendance.people.find((r) => r.userId === person.id)?.joins ?? [];
    // One span each: LiveKit's joined/left notices, at the seconds they happened.
    const [jordanSpan] = joinsOf(jordan);
    expect(joinsOf(jordan)).toHaveLength(1);
    expect(Date.parse(jordanSpan?.joinedAt ?? "")).toBeLessThanOrEqual(admittedBy);
    expect(Date.parse(jordanSpan?.leftAt ?? "")).toBeGreaterThanOrEqual(removedFrom);
    expect(Date.parse(jordanSpan?.leftAt ?? "")).toBeLessThanOrEqual(removedBy);
    expect(joinsOf(sam)).toHaveLength(1);
    expect(Date.parse(joinsOf(sam)[0]?.leftAt ?? "")).toBeGreaterThan(removedFrom);
    expect(attendance.people.find((r) => r.userId === jordan.id)).toMatchObject({
      attended: true,
    });
  });
});
