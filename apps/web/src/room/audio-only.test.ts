import type { JoinReply } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { RoomController } from "./room-controller";
import {
  DIRECT_CREDENTIAL,
  FakeDevices,
  FakeMediaSession,
  FakeTransport,
  JORDAN,
  SESSION_ID,
  snapshot,
} from "./testing/fakes";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const transport = new FakeTransport();
  const devices = new FakeDevices();
  const sessions: FakeMediaSession[] = [];
  let now = Date.parse("2026-11-23T22:56:00Z");
  const controller = new RoomController({
    sessionId: SESSION_ID,
    transport,
    local: devices,
    createMedia: () => {
      const session = new FakeMediaSession();
      sessions.push(session);
      return Promise.resolve(session);
    },
    now: () => now,
    newId: () => "c11e0000-0000-4000-8000-000000000001",
  });
  controller.start();
  const room = snapshot({
    me: { userId: JORDAN, role: "participant", status: "in-room", breakoutId: null },
  });
  transport.answer("room:join", (): { ok: true } & JoinReply => ({
    ok: true,
    state: "admitted",
    room,
    credential: DIRECT_CREDENTIAL,
  }));
  return {
    transport,
    devices,
    sessions,
    controller,
    pass: (ms: number) => {
      now += ms;
    },
  };
}

/** A statistics report with the connection in use and, optionally, received packets. */
function stats(options: { rtt: number; availableKbps?: number; received?: number; lost?: number }) {
  const entries: [string, Record<string, unknown>][] = [
    [
      "pair",
      {
        id: "pair",
        type: "candidate-pair",
        state: "succeeded",
        nominated: true,
        currentRoundTripTime: options.rtt / 1000,
        ...(options.availableKbps === undefined
          ? {}
          : { availableOutgoingBitrate: options.availableKbps * 1000 }),
      },
    ],
    [
      "in",
      {
        id: "in",
        type: "inbound-rtp",
        packetsReceived: options.received ?? 0,
        packetsLost: options.lost ?? 0,
      },
    ],
  ];
  return new Map(entries) as unknown as RTCStatsReport;
}

describe("audio-only", () => {
  it("can be chosen before joining: the camera goes off and the room hears it with the first media state", async () => {
    const { transport, devices, sessions, controller } = setup();
    await controller.setAudioOnly(true);
    expect(devices.camera).toBeNull();
    await controller.join("Jordan");
    await flush();
    expect(sessions[0]?.audioOnly).toEqual([true]);
    expect(transport.emittedOf("media:state").at(-1)).toMatchObject({
      camera: false,
      audioOnly: true,
    });
  });

  it("can be switched on and off in the room at any time, bringing the camera back as it was", async () => {
    const { transport, devices, sessions, controller } = setup();
    await controller.join("Jordan");
    await flush();
    await controller.setAudioOnly(true);
    expect(controller.getState().audioOnly).toBe(true);
    expect(devices.camera).toBeNull();
    expect(sessions[0]?.audioOnly.at(-1)).toBe(true);
    expect(transport.emittedOf("media:state").at(-1)).toMatchObject({
      camera: false,
      audioOnly: true,
    });
    await controller.setAudioOnly(false);
    expect(devices.camera).not.toBeNull();
    expect(sessions[0]?.audioOnly.at(-1)).toBe(false);
    expect(transport.emittedOf("media:state").at(-1)).toMatchObject({
      camera: true,
      audioOnly: false,
    });
  });

  it("leaves the camera off after audio-only when it was off before", async () => {
    const { devices, controller } = setup();
    await controller.join("Jordan");
    await flush();
    await controller.setCamera(false);
    await controller.setAudioOnly(true);
    await controller.setAudioOnly(false);
    expect(devices.camera).toBeNull();
  });

  it("turning the camera on is asking for video again", async () => {
    const { devices, controller } = setup();
    await controller.join("Jordan");
    await flush();
    await controller.setAudioOnly(true);
    await controller.setCamera(true);
    expect(controller.getState().audioOnly).toBe(false);
    expect(devices.camera).not.toBeNull();
  });
});

describe("the link", () => {
  it("suggests audio-only when packets keep getting lost, and never switches by itself", async () => {
    const { sessions, controller } = setup();
    await controller.join("Jordan");
    await flush();
    const media = sessions[0];
    if (!media) throw new Error("no media");
    let received = 0;
    let lost = 0;
    for (let i = 0; i < 3; i += 1) {
      received += 800;
      lost += 200;
      media.stats = [stats({ rtt: 120, received, lost })];
      await controller.checkLink();
    }
    expect(controller.getState().link.suggestAudioOnly).toBe(true);
    expect(controller.getState().audioOnly).toBe(false);
  });

  it("sends the camera at lower quality on a slow uplink, but not while the estimate is still warming up", async () => {
    const { sessions, controller, pass } = setup();
    await controller.join("Jordan");
    await flush();
    const media = sessions[0];
    if (!media) throw new Error("no media");
    media.stats = [stats({ rtt: 60, availableKbps: 300 })];
    await controller.checkLink();
    await controller.checkLink();
    expect(controller.getState().link.reduceVideo).toBe(false);
    pass(11_000);
    await controller.checkLink();
    await controller.checkLink();
    expect(controller.getState().link.reduceVideo).toBe(true);
    expect(media.sendQuality).toEqual(["reduced"]);
  });
});
