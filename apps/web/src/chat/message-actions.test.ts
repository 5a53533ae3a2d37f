import { CHAT_EDIT_WINDOW_MS } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { chatMessage } from "./fake-socket";
import { messageActions, messageView, withinEditWindow } from "./message-actions";

const ME = "00000000-0000-4000-8000-000000000003";
const SENT = Date.UTC(2026, 10, 23, 18, 0, 0);
const mine = chatMessage({
  author: { userId: ME, displayName: "Jordan L." },
  createdAt: new Date(SENT).toISOString(),
});
const participant = { userId: ME, staff: false };
const facilitator = { userId: "00000000-0000-4000-8000-000000000002", staff: true };

describe("what can be done with a chat message", () => {
  it("lets the author edit and delete their message for 15 minutes after sending, not after", () => {
    const justInside = SENT + CHAT_EDIT_WINDOW_MS - 1000;
    const justOutside = SENT + CHAT_EDIT_WINDOW_MS + 1000;
    expect(withinEditWindow(mine, justInside)).toBe(true);
    expect(messageActions(mine, participant, justInside)).toMatchObject({
      edit: true,
      delete: true,
    });
    expect(withinEditWindow(mine, justOutside)).toBe(false);
    expect(messageActions(mine, participant, justOutside)).toMatchObject({
      edit: false,
      delete: false,
    });
  });

  it("never offers to edit someone else's message, only to report it", () => {
    const theirs = chatMessage({ createdAt: new Date(SENT).toISOString() });
    expect(messageActions(theirs, participant, SENT)).toEqual({
      edit: false,
      delete: false,
      hide: false,
      report: true,
    });
  });

  it("lets staff hide others' messages, and not one already hidden or deleted", () => {
    expect(messageActions(mine, facilitator, SENT).hide).toBe(true);
    expect(messageActions({ ...mine, hidden: { reason: "x" } }, facilitator, SENT).hide).toBe(
      false,
    );
    expect(messageActions({ ...mine, deleted: true }, facilitator, SENT).hide).toBe(false);
  });

  it("lets the author delete but not edit a message a facilitator hid", () => {
    const hidden = { ...mine, body: "", hidden: { reason: null } };
    expect(messageActions(hidden, participant, SENT)).toMatchObject({ edit: false, delete: true });
  });

  it("shows a hidden message as hidden to participants, and with its reason and text to staff", () => {
    const hidden = { ...mine, body: "unkind words", hidden: { reason: "Not kind" } };
    expect(messageView({ ...hidden, body: "", hidden: { reason: null } }, participant)).toEqual({
      kind: "hidden",
    });
    expect(messageView(hidden, facilitator)).toEqual({
      kind: "hidden-for-staff",
      reason: "Not kind",
      body: "unkind words",
    });
    expect(messageView({ ...mine, deleted: true, body: "" }, facilitator)).toEqual({
      kind: "deleted",
    });
  });
});
