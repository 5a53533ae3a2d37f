import type { SignalPayload } from "@bridgeway/domain";

/**
 * "Perfect negotiation" (W3C WebRTC, section 10.7), kept apart from RTCPeerConnection so the
 * collision rules can be tested with a fake. Either side may start a negotiation at any time
 * (a camera turned on, a screen shared, an ICE restart); when both send an offer at once the
 * impolite side ignores the other's offer and the polite side rolls its own back and answers.
 */

/** The part of RTCPeerConnection that negotiation touches. */
export interface NegotiablePeer {
  readonly signalingState: RTCSignalingState;
  readonly localDescription: { readonly type: RTCSdpType; readonly sdp: string } | null;
  readonly remoteDescription: unknown;
  setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void>;
  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void>;
  addIceCandidate(candidate: RTCIceCandidateInit): Promise<void>;
}

/**
 * Which side of a pair yields when both offer at once. Both browsers compute it from the same
 * two ids, so exactly one of them is polite.
 */
export function isPolite(selfId: string, peerId: string): boolean {
  return selfId > peerId;
}

/**
 * When a new connection makes its first offer. Answering one that arrived needs none; a rebuilt
 * connection offers at once (the other side does not know it has to); of two people who just
 * met, the impolite one offers at once and the polite one only if no offer comes in a while, so
 * that their first offers do not cross.
 */
export function firstOffer(
  polite: boolean,
  how: "met" | "signalled" | "rebuilt",
): "now" | "after-waiting" | "none" {
  if (how === "signalled") return "none";
  if (how === "rebuilt" || !polite) return "now";
  return "after-waiting";
}

/** What became of a received signal. */
export type SignalOutcome = "applied" | "answered" | "ignored";

/**
 * Thrown when a remote offer or answer could not be applied, typically because the other side
 * started a new connection (a reload): this one has to be rebuilt.
 */
export class DescriptionRejected extends Error {
  override name = "DescriptionRejected";
  constructor(
    readonly type: "offer" | "answer",
    options?: { cause?: unknown },
  ) {
    super(`The remote ${type} could not be applied.`, options);
  }
}

export class PerfectNegotiation {
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswerPending = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** Candidates that arrived before the description they belong to (the relay may reorder). */
  private early: RTCIceCandidateInit[] = [];

  constructor(
    private readonly pc: NegotiablePeer,
    readonly polite: boolean,
    private readonly send: (signal: SignalPayload) => void,
  ) {}

  /** Call on `negotiationneeded`: makes and sends an offer. */
  async negotiate(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.sendLocalDescription();
    } finally {
      this.makingOffer = false;
    }
  }

  /** Call on `icecandidate`. */
  sendCandidate(candidate: RTCIceCandidateInit | null): void {
    // null (and an empty string) mark the end of candidates, which the other side does not need.
    if (!candidate?.candidate) return;
    this.send({
      candidate: {
        candidate: candidate.candidate,
        sdpMid: candidate.sdpMid ?? null,
        sdpMLineIndex: candidate.sdpMLineIndex ?? null,
        usernameFragment: candidate.usernameFragment ?? null,
      },
    });
  }

  /**
   * Applies a signal from the other side. Signals are applied one at a time in the order they
   * arrived, because an answer overtaking its own offer's candidates would fail.
   */
  receive(signal: SignalPayload): Promise<SignalOutcome> {
    const next = this.queue.then(() => this.apply(signal));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(signal: SignalPayload): Promise<SignalOutcome> {
    if ("candidate" in signal) {
      if (this.pc.remoteDescription === null) {
        this.early.push(signal.candidate);
        return "applied";
      }
      try {
        await this.pc.addIceCandidate(signal.candidate);
        return "applied";
      } catch (error) {
        // Candidates of an offer we chose to ignore cannot be applied; that is expected.
        if (this.ignoreOffer) return "ignored";
        throw error;
      }
    }
    const { type, sdp } = signal.description;
    if (type !== "offer" && type !== "answer") return "ignored";
    const readyForOffer =
      !this.makingOffer && (this.pc.signalingState === "stable" || this.settingRemoteAnswerPending);
    const offerCollision = type === "offer" && !readyForOffer;
    this.ignoreOffer = !this.polite && offerCollision;
    if (this.ignoreOffer) return "ignored";
    if (type === "answer" && this.pc.signalingState !== "have-local-offer") {
      // An answer to an offer that was rolled back or already answered: nothing to apply.
      return "ignored";
    }
    this.settingRemoteAnswerPending = type === "answer";
    try {
      await this.pc.setRemoteDescription({ type, ...(sdp === undefined ? {} : { sdp }) });
    } catch (error) {
      throw new DescriptionRejected(type, { cause: error });
    } finally {
      this.settingRemoteAnswerPending = false;
    }
    await this.applyEarlyCandidates();
    if (type === "answer") return "applied";
    await this.pc.setLocalDescription();
    this.sendLocalDescription();
    return "answered";
  }

  private async applyEarlyCandidates(): Promise<void> {
    const early = this.early;
    this.early = [];
    for (const candidate of early) {
      // A candidate of an earlier round may no longer fit; the current round sends its own.
      await this.pc.addIceCandidate(candidate).catch(() => undefined);
    }
  }

  private sendLocalDescription(): void {
    const description = this.pc.localDescription;
    if (!description) return;
    this.send({ description: { type: description.type, sdp: description.sdp } });
  }
}
