import type { SignalPayload } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import {
  DescriptionRejected,
  firstOffer,
  isPolite,
  PerfectNegotiation,
  type NegotiablePeer,
} from "./perfect-negotiation";

/**
 * A peer connection reduced to its signalling state machine (JSEP): offers and answers move it
 * between stable, have-local-offer and have-remote-offer, a remote offer in have-local-offer
 * rolls the local one back, and every operation takes a turn of the event loop like the real one.
 */
class FakePeer implements NegotiablePeer {
  signalingState: RTCSignalingState = "stable";
  localDescription: { type: RTCSdpType; sdp: string } | null = null;
  remoteDescription: { type: RTCSdpType; sdp: string } | null = null;
  readonly candidates: string[] = [];
  rollbacks = 0;
  rejectOffers = false;
  private offers = 0;

  constructor(readonly name: string) {}

  async setLocalDescription(): Promise<void> {
    await Promise.resolve();
    if (this.signalingState === "stable") {
      this.offers += 1;
      this.localDescription = { type: "offer", sdp: `offer ${this.name} #${this.offers}` };
      this.signalingState = "have-local-offer";
    } else if (this.signalingState === "have-remote-offer") {
      this.localDescription = { type: "answer", sdp: `answer ${this.name}` };
      this.signalingState = "stable";
    } else {
      throw new DOMException("Nothing to describe now", "InvalidStateError");
    }
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await Promise.resolve();
    const sdp = description.sdp ?? "";
    if (description.type === "offer") {
      if (this.rejectOffers) throw new DOMException("fingerprint changed", "InvalidAccessError");
      if (this.signalingState === "have-local-offer") {
        // Implicit rollback of our own offer.
        this.rollbacks += 1;
        this.localDescription = null;
      } else if (this.signalingState !== "stable") {
        throw new DOMException("Not ready for an offer", "InvalidStateError");
      }
      this.remoteDescription = { type: "offer", sdp };
      this.signalingState = "have-remote-offer";
      return;
    }
    if (description.type === "answer") {
      if (this.signalingState !== "have-local-offer")
        throw new DOMException("No offer to answer", "InvalidStateError");
      this.remoteDescription = { type: "answer", sdp };
      this.signalingState = "stable";
    }
  }

  async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    await Promise.resolve();
    if (this.remoteDescription === null)
      throw new DOMException("No remote description", "InvalidStateError");
    if (candidate.candidate?.includes("stale"))
      throw new DOMException("Unknown ufrag", "OperationError");
    this.candidates.push(candidate.candidate ?? "");
  }
}

/** Two negotiators joined by an in-order "socket" that delivers on the next turn. */
function pair() {
  const a = new FakePeer("a");
  const b = new FakePeer("b");
  const idA = "aaaaaaaa-0000-4000-8000-000000000001";
  const idB = "bbbbbbbb-0000-4000-8000-000000000002";
  const sent: { from: string; signal: SignalPayload }[] = [];
  const outcomes: string[] = [];
  let inFlight: Promise<unknown> = Promise.resolve();
  const wire = (from: string, to: () => PerfectNegotiation) => (signal: SignalPayload) => {
    sent.push({ from, signal });
    inFlight = Promise.all([
      inFlight,
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        outcomes.push(`${from}: ${await to().receive(signal)}`);
      })(),
    ]);
  };
  const negA: PerfectNegotiation = new PerfectNegotiation(
    a,
    isPolite(idA, idB),
    wire("a", () => negB),
  );
  const negB: PerfectNegotiation = new PerfectNegotiation(
    b,
    isPolite(idB, idA),
    wire("b", () => negA),
  );
  const settle = async () => {
    // Deliveries can schedule more deliveries (an offer's answer): wait until nothing moves.
    for (let i = 0; i < 10; i++) {
      const current = inFlight;
      await current;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (current === inFlight) return;
    }
  };
  return { a, b, negA, negB, sent, outcomes, settle };
}

describe("perfect negotiation", () => {
  it("makes exactly one side of any pair polite, the same way on both browsers", () => {
    const ids = [
      "11111111-1111-4111-8111-111111111111",
      "22222222-2222-4222-8222-222222222222",
      "ffffffff-ffff-4fff-8fff-ffffffffffff",
    ];
    for (const x of ids)
      for (const y of ids) {
        if (x === y) continue;
        expect(isPolite(x, y)).not.toBe(isPolite(y, x));
      }
  });

  it("lets only one of two people who just met offer at once, so first offers do not cross", () => {
    const [a, b] = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
    const when = [firstOffer(isPolite(a, b), "met"), firstOffer(isPolite(b, a), "met")].sort();
    expect(when).toEqual(["after-waiting", "now"]);
    // Rebuilt after a failure, either side offers at once; answering an offer, neither does.
    for (const polite of [true, false]) {
      expect(firstOffer(polite, "rebuilt")).toBe("now");
      expect(firstOffer(polite, "signalled")).toBe("none");
    }
  });

  it("connects with one offer and one answer when only one side starts", async () => {
    const { a, b, negA, sent, settle } = pair();
    await negA.negotiate();
    await settle();
    expect(
      sent.map(
        (s) => `${s.from} ${"description" in s.signal ? s.signal.description.type : "candidate"}`,
      ),
    ).toEqual(["a offer", "b answer"]);
    expect(a.signalingState).toBe("stable");
    expect(b.signalingState).toBe("stable");
    expect(b.remoteDescription?.sdp).toBe("offer a #1");
  });

  it("settles simultaneous offers: the impolite side keeps its offer, the polite side rolls back and answers", async () => {
    const { a, b, negA, negB, outcomes, settle } = pair();
    // b's id is greater, so b is polite and a is not.
    expect(negB.polite).toBe(true);
    expect(negA.polite).toBe(false);
    await Promise.all([negA.negotiate(), negB.negotiate()]);
    expect(a.signalingState).toBe("have-local-offer");
    expect(b.signalingState).toBe("have-local-offer");
    await settle();

    expect(outcomes).toContain("b: ignored"); // a ignored b's offer
    expect(outcomes).toContain("a: answered"); // b rolled back and answered a's offer
    expect(b.rollbacks).toBe(1);
    expect(a.rollbacks).toBe(0);
    expect(a.signalingState).toBe("stable");
    expect(b.signalingState).toBe("stable");
    expect(a.remoteDescription).toEqual({ type: "answer", sdp: "answer b" });
    expect(b.remoteDescription?.sdp).toBe("offer a #1");
  });

  it("holds candidates that arrive before their offer and applies them once it is set", async () => {
    const b = new FakePeer("b");
    const sent: SignalPayload[] = [];
    const neg = new PerfectNegotiation(b, true, (s) => sent.push(s));
    await neg.receive({ candidate: { candidate: "candidate:1 early", sdpMid: "0" } });
    expect(b.candidates).toEqual([]);
    await neg.receive({ description: { type: "offer", sdp: "offer a #1" } });
    expect(b.candidates).toEqual(["candidate:1 early"]);
    expect(sent).toEqual([{ description: { type: "answer", sdp: "answer b" } }]);
  });

  it("swallows candidates of an offer it chose to ignore, but reports others that fail", async () => {
    const a = new FakePeer("a");
    const impolite = new PerfectNegotiation(a, false, () => undefined);
    await impolite.negotiate();
    await impolite.receive({ description: { type: "answer", sdp: "answer b" } });
    // A renegotiation of a's crosses one of b's: a ignores b's offer and its candidates.
    await impolite.negotiate();
    expect(await impolite.receive({ description: { type: "offer", sdp: "offer b #2" } })).toBe(
      "ignored",
    );
    expect(await impolite.receive({ candidate: { candidate: "candidate:2 stale" } })).toBe(
      "ignored",
    );

    const c = new FakePeer("c");
    const other = new PerfectNegotiation(c, false, () => undefined);
    await other.receive({ description: { type: "offer", sdp: "offer x #1" } });
    await expect(other.receive({ candidate: { candidate: "candidate:3 stale" } })).rejects.toThrow(
      "Unknown ufrag",
    );
  });

  it("ignores an answer to an offer that is no longer out", async () => {
    const a = new FakePeer("a");
    const neg = new PerfectNegotiation(a, false, () => undefined);
    expect(await neg.receive({ description: { type: "answer", sdp: "late answer" } })).toBe(
      "ignored",
    );
    expect(a.signalingState).toBe("stable");
  });

  it("reports an offer that cannot be applied, so the connection can be built again", async () => {
    const b = new FakePeer("b");
    b.rejectOffers = true;
    const neg = new PerfectNegotiation(b, true, () => undefined);
    const outcome = neg.receive({
      description: { type: "offer", sdp: "offer from a reloaded page" },
    });
    await expect(outcome).rejects.toBeInstanceOf(DescriptionRejected);
    await expect(outcome).rejects.toMatchObject({ type: "offer" });
    // The queue keeps working after a failure.
    b.rejectOffers = false;
    expect(await neg.receive({ description: { type: "offer", sdp: "offer a #2" } })).toBe(
      "answered",
    );
  });

  it("never sends the end-of-candidates marker", () => {
    const sent: SignalPayload[] = [];
    const neg = new PerfectNegotiation(new FakePeer("a"), false, (s) => sent.push(s));
    neg.sendCandidate(null);
    neg.sendCandidate({ candidate: "" });
    neg.sendCandidate({
      candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host",
      sdpMid: "0",
      sdpMLineIndex: 0,
    });
    expect(sent).toEqual([
      {
        candidate: {
          candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host",
          sdpMid: "0",
          sdpMLineIndex: 0,
          usernameFragment: null,
        },
      },
    ]);
  });
});
