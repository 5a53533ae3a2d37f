import { describe, expect, it } from "vitest";
import { chatMessage } from "./fake-socket";
import {
  addToOutbox,
  EMPTY_TIMELINE,
  markFailed,
  markRetrying,
  markSent,
  mergeMessages,
  newestMessage,
  oldestMessage,
} from "./message-list";

const at = (second: number) => new Date(Date.UTC(2026, 10, 23, 18, 0, second)).toISOString();

describe("chat timeline", () => {
  it("keeps each message once, oldest first, whatever order pages and live events arrive in", () => {
    const [a, b, c, d] = [1, 2, 3, 4].map((s) => chatMessage({ createdAt: at(s) }));
    if (!a || !b || !c || !d) throw new Error("fixtures");
    // The newest page answers newest first; a live event and an older page overlap it.
    let timeline = mergeMessages(EMPTY_TIMELINE, [d, c]);
    timeline = mergeMessages(timeline, [c]);
    timeline = mergeMessages(timeline, [c, b, a]);
    timeline = mergeMessages(timeline, [d]);

    expect(timeline.messages.map((m) => m.id)).toEqual([a.id, b.id, c.id, d.id]);
    expect(oldestMessage(timeline)?.id).toBe(a.id);
    expect(newestMessage(timeline)?.id).toBe(d.id);
  });

  it("orders messages written in the same millisecond by id, the same way every time", () => {
    const x = chatMessage({ id: "00000000-0000-4000-8000-00000000000b", createdAt: at(5) });
    const y = chatMessage({ id: "00000000-0000-4000-8000-00000000000a", createdAt: at(5) });
    expect(mergeMessages(EMPTY_TIMELINE, [x, y]).messages.map((m) => m.id)).toEqual([y.id, x.id]);
    expect(mergeMessages(EMPTY_TIMELINE, [y, x]).messages.map((m) => m.id)).toEqual([y.id, x.id]);
  });

  it("does not take a second message with a client id it already has", () => {
    const first = chatMessage({ clientId: "20000000-0000-4000-8000-000000000001" });
    const clash = chatMessage({ clientId: first.clientId });
    const timeline = mergeMessages(EMPTY_TIMELINE, [first, clash]);
    expect(timeline.messages.map((m) => m.id)).toEqual([first.id]);
  });

  it("shows a message of mine at once, and moves it from sending to sent when the server's copy arrives", () => {
    const clientId = "30000000-0000-4000-8000-000000000001";
    let timeline = addToOutbox(EMPTY_TIMELINE, { clientId, body: "hello", writtenAt: at(9) });
    expect(timeline.outbox).toEqual([
      { clientId, body: "hello", writtenAt: at(9), status: "sending" },
    ]);
    timeline = markSent(timeline, chatMessage({ clientId, body: "hello" }));
    expect(timeline.outbox).toEqual([]);
    expect(timeline.messages.map((m) => m.body)).toEqual(["hello"]);
  });

  it("clears the outbox by client id when the broadcast copy arrives before the acknowledgement", () => {
    const clientId = "30000000-0000-4000-8000-000000000002";
    const stored = chatMessage({ clientId, body: "hi all" });
    let timeline = addToOutbox(EMPTY_TIMELINE, { clientId, body: "hi all", writtenAt: at(9) });
    timeline = mergeMessages(timeline, [stored]);
    timeline = markSent(timeline, stored);
    expect(timeline.outbox).toEqual([]);
    expect(timeline.messages).toHaveLength(1);
  });

  it("marks a failed send and retries it with the same client id", () => {
    const clientId = "30000000-0000-4000-8000-000000000003";
    let timeline = addToOutbox(EMPTY_TIMELINE, {
      clientId,
      body: "are you there",
      writtenAt: at(1),
    });
    timeline = markFailed(timeline, clientId, "No answer from Bridgeway. Check your connection.");
    expect(timeline.outbox[0]).toMatchObject({ status: "failed", clientId });

    const retried = markRetrying(timeline, clientId);
    expect(retried?.entry).toEqual({
      clientId,
      body: "are you there",
      writtenAt: at(1),
      status: "sending",
    });
    expect(retried?.timeline.outbox).toHaveLength(1);
  });

  it("does not retry a message that is still sending or was confirmed meanwhile", () => {
    const clientId = "30000000-0000-4000-8000-000000000004";
    const sending = addToOutbox(EMPTY_TIMELINE, { clientId, body: "x", writtenAt: at(1) });
    expect(markRetrying(sending, clientId)).toBeNull();
    const confirmed = markSent(markFailed(sending, clientId, "lost"), chatMessage({ clientId }));
    expect(markRetrying(confirmed, clientId)).toBeNull();
  });

  it("keeps the further-along copy, so a late older copy does not undo an edit, a hide or a delete", () => {
    const original = chatMessage({ body: "typo hre" });
    const edited = { ...original, body: "typo here", editedAt: at(30) };
    const hidden = { ...edited, body: "", hidden: { reason: null } };
    const deleted = { ...original, body: "", deleted: true };

    expect(
      mergeMessages(mergeMessages(EMPTY_TIMELINE, [edited]), [original]).messages[0]?.body,
    ).toBe("typo here");
    expect(
      mergeMessages(mergeMessages(EMPTY_TIMELINE, [hidden]), [edited]).messages[0]?.hidden,
    ).toEqual({ reason: null });
    expect(
      mergeMessages(mergeMessages(EMPTY_TIMELINE, [deleted]), [edited]).messages[0]?.deleted,
    ).toBe(true);
  });

  it("keeps the hidden text and reason for staff when a broadcast copy blanks them, and not for participants", () => {
    const message = chatMessage({ body: "something unkind" });
    const staffCopy = { ...message, hidden: { reason: "Not kind to the group" } };
    const broadcast = { ...message, body: "", hidden: { reason: null } };

    const staff = mergeMessages(mergeMessages(EMPTY_TIMELINE, [staffCopy]), [broadcast], {
      keepHiddenText: true,
    });
    expect(staff.messages[0]).toMatchObject({
      body: "something unkind",
      hidden: { reason: "Not kind to the group" },
    });

    const participant = mergeMessages(mergeMessages(EMPTY_TIMELINE, [message]), [broadcast]);
    expect(participant.messages[0]).toMatchObject({ body: "", hidden: { reason: null } });
  });
});
