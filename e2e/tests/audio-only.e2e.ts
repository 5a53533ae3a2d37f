import { expect, type Page } from "@playwright/test";
import { DEMO } from "../support/helpers";
import { attendanceOf, expectVideoFrom, test } from "../support/live";
import { meetInRoom, recordPeerConnections, videoStats } from "../support/turn";

const cameraVideo = (page: Page, peerId: string) =>
  page.locator(`video[data-peer-id="${peerId}"][data-kind="camera"]`);

test("a participant joins audio-only, sends and receives no video, switches to video later, and attendance records both", async ({
  groupSessionId,
  signInAs,
}) => {
  test.setTimeout(180_000);
  const dana = await signInAs(DEMO.facilitator);
  const jordan = await signInAs(DEMO.participant);
  await recordPeerConnections(jordan.context);

  await test.step("Jordan chooses audio-only before joining", async () => {
    await meetInRoom(dana, jordan, groupSessionId, async (page) => {
      await page.getByRole("checkbox", { name: "Join with audio only" }).check();
    });
    await expect(jordan.page.locator('[data-link="audio-only"]')).toBeVisible();
    await expect(
      jordan.page.getByRole("group", { name: "Your controls" }).getByRole("button", {
        name: "Audio only",
      }),
    ).toHaveAttribute("aria-pressed", "true");
  });

  await test.step("no camera is sent and no video is received, but the room is connected", async () => {
    const tile = dana.page.locator(`li[data-user-id="${jordan.id}"]`);
    await expect(tile.getByText("Audio only")).toBeVisible();
    await expect(cameraVideo(dana.page, jordan.id)).toHaveCount(0);
    await expect(cameraVideo(jordan.page, dana.id)).toHaveCount(0);
    // Connected (audio flows), yet not one video frame decoded in Jordan's browser.
    await expect
      .poll(async () => (await videoStats(jordan.page)).pairs.length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect((await videoStats(jordan.page)).framesDecoded).toBe(0);
  });

  await test.step("the audio-only span is on record and past the first seconds", async () => {
    // A modality changed within a span's first 10 s corrects that span rather than leaving a
    // sliver (live-repository's FRESH_SPAN_MS), so wait until this one is older than that.
    await expect
      .poll(
        async () => {
          const joins = (await attendanceOf(dana.page, groupSessionId)).people.find(
            (p) => p.userId === jordan.id,
          )?.joins as { joinedAt: string; modality?: string }[] | undefined;
          const last = joins?.at(-1);
          return last?.modality === "audio-only" && Date.now() - Date.parse(last.joinedAt) > 11_000;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
  });

  await test.step("Jordan switches to video: video flows both ways", async () => {
    await jordan.page
      .getByRole("group", { name: "Your controls" })
      .getByRole("button", { name: "Audio only" })
      .click();
    await expectVideoFrom(jordan.page, dana.id);
    await expectVideoFrom(dana.page, jordan.id);
    await expect(
      dana.page.locator(`li[data-user-id="${jordan.id}"]`).getByText("Audio only"),
    ).toHaveCount(0);
  });

  await test.step("attendance has an audio-only span, then a video one", async () => {
    await expect
      .poll(
        async () =>
          (await attendanceOf(dana.page, groupSessionId)).people
            .find((p) => p.userId === jordan.id)
            ?.joins.map((j) => (j as { modality?: string }).modality),
        { timeout: 10_000 },
      )
      .toEqual(["audio-only", "video"]);
  });
});
