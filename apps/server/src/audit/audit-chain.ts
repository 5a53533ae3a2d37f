import { createHash } from "node:crypto";

/** The prevHash of the first event in the chain. */
export const GENESIS_HASH = "0".repeat(64);

/** The stored fields of an audit event that its hash covers, plus the chain columns. */
export type ChainedEvent = {
  id: bigint | string;
  occurredAt: Date;
  organizationId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  outcome: string;
  requestId: string | null;
  ipAddress: string | null;
  prevHash: string | null;
  hash: string | null;
};

/**
 * The canonical content of an event: a JSON array in a fixed field order (id, time, actor,
 * action, record, outcome, details), so the same row always hashes the same on every process.
 */
export function canonicalContent(event: Omit<ChainedEvent, "prevHash" | "hash">): string {
  return JSON.stringify([
    event.id.toString(),
    event.occurredAt.toISOString(),
    event.organizationId,
    event.actorUserId,
    event.actorRole,
    event.action,
    event.recordType,
    event.recordId,
    event.outcome,
    event.requestId,
    event.ipAddress,
  ]);
}

/** SHA-256 (hex) of the previous event's hash and this event's canonical content. */
export function chainHash(
  prevHash: string,
  event: Omit<ChainedEvent, "prevHash" | "hash">,
): string {
  return createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(canonicalContent(event))
    .digest("hex");
}

export type ChainBreak = {
  /** The first event that does not fit the chain. */
  eventId: string;
  reason: "changed" | "unlinked";
  message: string;
};

export type ChainVerdict =
  { ok: true; checked: number } | ({ ok: false; checked: number } & ChainBreak);

/**
 * Checks events given in id order. `expectedPrevHash` is what the first event must point at:
 * GENESIS_HASH from the start of the chain, or null to take the first event's link as given
 * (checking only the tail). A changed row fails its own hash; a removed or reordered row breaks
 * the link of the event after it (or its own id, which the hash covers).
 */
export function verifyChain(
  events: readonly ChainedEvent[],
  expectedPrevHash: string | null,
): ChainVerdict {
  let expected = expectedPrevHash;
  let checked = 0;
  for (const event of events) {
    const id = event.id.toString();
    if (event.prevHash === null || event.hash === null) {
      return {
        ok: false,
        checked,
        eventId: id,
        reason: "unlinked",
        message: `event ${id} is not chained`,
      };
    }
    if (expected !== null && event.prevHash !== expected) {
      return {
        ok: false,
        checked,
        eventId: id,
        reason: "unlinked",
        message: `event ${id} does not follow the event before it (an event was removed or reordered)`,
      };
    }
    if (chainHash(event.prevHash, event) !== event.hash) {
      return {
        ok: false,
        checked,
        eventId: id,
        reason: "changed",
        message: `event ${id} was changed after it was written`,
      };
    }
    expected = event.hash;
    checked += 1;
  }
  return { ok: true, checked };
}
