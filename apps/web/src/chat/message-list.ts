import type { ChatMessageDto } from "@bridgeway/domain";

/**
 * A message this page sent that the server has not confirmed yet: shown at once as "Sending…",
 * or "Not sent" with a retry. Its client id stays the same through every retry, so the server
 * stores it once however many times it is sent.
 */
export type OutboxEntry = {
  clientId: string;
  body: string;
  /** When it was written (local clock), for display only. */
  writtenAt: string;
} & (
  | { status: "sending" }
  /** Not sent yet for a reason that passes (offline, the server in trouble): sent by itself later. */
  | { status: "waiting"; reason: string }
  /** Refused for a reason sending again will not fix by itself: only a Retry sends it. */
  | { status: "failed"; error: string }
);

/**
 * A room's messages as this page knows them: confirmed messages oldest first, each once (by id
 * and by client id), then what is still on its way.
 */
export type Timeline = {
  messages: readonly ChatMessageDto[];
  outbox: readonly OutboxEntry[];
};

export const EMPTY_TIMELINE: Timeline = { messages: [], outbox: [] };

/** Oldest first, by the server's time and then by id so that equal times keep one order. */
function compareMessages(a: ChatMessageDto, b: ChatMessageDto): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * Of two copies of one message, the one to keep. Changes only go one way (edited, hidden,
 * deleted), so the copy further along wins whatever order the copies arrived in; between equals
 * the one that arrived last.
 */
export function newerCopy(
  current: ChatMessageDto,
  incoming: ChatMessageDto,
  options: { keepHiddenText: boolean },
): ChatMessageDto {
  if (current.deleted !== incoming.deleted) return current.deleted ? current : incoming;
  const currentHidden = current.hidden !== null;
  const incomingHidden = incoming.hidden !== null;
  if (currentHidden !== incomingHidden) {
    if (currentHidden) return current;
    // Staff may still read what was hidden; a broadcast of the hiding blanks it for everyone.
    if (options.keepHiddenText && incoming.body === "" && !incoming.deleted) {
      return { ...incoming, body: current.body };
    }
    return incoming;
  }
  if (currentHidden && incomingHidden && options.keepHiddenText) {
    // The broadcast copy carries no reason or text; keep what a staff copy already told us.
    return {
      ...incoming,
      body: incoming.body === "" && !incoming.deleted ? current.body : incoming.body,
      hidden: { reason: incoming.hidden?.reason ?? current.hidden?.reason ?? null },
    };
  }
  const currentEdit = current.editedAt ?? "";
  const incomingEdit = incoming.editedAt ?? "";
  return currentEdit > incomingEdit ? current : incoming;
}

/**
 * Adds messages from any source (first page, older pages, live events, catching up after a
 * reconnect) to the timeline: each message once, oldest first, and anything of ours that arrived
 * leaves the outbox.
 */
export function mergeMessages(
  timeline: Timeline,
  incoming: readonly ChatMessageDto[],
  options: { keepHiddenText: boolean } = { keepHiddenText: false },
): Timeline {
  if (incoming.length === 0) return timeline;
  const byId = new Map<string, ChatMessageDto>();
  const idOfClientId = new Map<string, string>();
  for (const message of [...timeline.messages, ...incoming]) {
    // The same client id under a different id cannot come from the server; keep the first.
    const knownId = idOfClientId.get(message.clientId);
    if (knownId !== undefined && knownId !== message.id) continue;
    idOfClientId.set(message.clientId, message.id);
    const current = byId.get(message.id);
    byId.set(message.id, current ? newerCopy(current, message, options) : message);
  }
  const messages = [...byId.values()].sort(compareMessages);
  const outbox = timeline.outbox.filter((entry) => !idOfClientId.has(entry.clientId));
  return { messages, outbox };
}

/** A message just written: it shows at once, at the bottom, as "Sending…". */
export function addToOutbox(
  timeline: Timeline,
  entry: { clientId: string; body: string; writtenAt: string },
): Timeline {
  if (timeline.outbox.some((e) => e.clientId === entry.clientId)) return timeline;
  if (timeline.messages.some((m) => m.clientId === entry.clientId)) return timeline;
  return { ...timeline, outbox: [...timeline.outbox, { ...entry, status: "sending" }] };
}

/** The server stored it: it joins the confirmed messages in its place. */
export function markSent(timeline: Timeline, message: ChatMessageDto): Timeline {
  return mergeMessages(timeline, [message]);
}

/** Sending failed: the entry stays, with the reason and a retry. */
export function markFailed(timeline: Timeline, clientId: string, error: string): Timeline {
  return {
    ...timeline,
    outbox: timeline.outbox.map((entry) =>
      entry.clientId === clientId ? { ...entry, status: "failed", error } : entry,
    ),
  };
}

/** Not sent yet, for a reason that passes: it is sent again by itself when the connection returns. */
export function markWaiting(timeline: Timeline, clientId: string, reason: string): Timeline {
  return {
    ...timeline,
    outbox: timeline.outbox.map((entry) =>
      entry.clientId === clientId ? { ...entry, status: "waiting", reason } : entry,
    ),
  };
}

/**
 * Trying again: the same entry, with the same client id, goes back to "Sending…". Answers null
 * when there is nothing to retry (it was confirmed meanwhile, or is already being sent, unless
 * `evenIfSending`: after a reconnect, a send that was in flight may never be answered).
 */
export function markRetrying(
  timeline: Timeline,
  clientId: string,
  options: { evenIfSending?: boolean } = {},
): { timeline: Timeline; entry: OutboxEntry } | null {
  const entry = timeline.outbox.find((e) => e.clientId === clientId);
  if (!entry || (entry.status === "sending" && !options.evenIfSending)) return null;
  const retrying: OutboxEntry = {
    clientId: entry.clientId,
    body: entry.body,
    writtenAt: entry.writtenAt,
    status: "sending",
  };
  return {
    timeline: {
      ...timeline,
      outbox: timeline.outbox.map((e) => (e.clientId === clientId ? retrying : e)),
    },
    entry: retrying,
  };
}

/** The newest confirmed message: where reading has got to, and where catching up starts. */
export function newestMessage(timeline: Timeline): ChatMessageDto | undefined {
  return timeline.messages.at(-1);
}

/** The oldest confirmed message: the cursor for loading earlier ones. */
export function oldestMessage(timeline: Timeline): ChatMessageDto | undefined {
  return timeline.messages[0];
}
