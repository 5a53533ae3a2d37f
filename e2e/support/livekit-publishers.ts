import {
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoCodec,
  VideoFrame,
  VideoSource,
} from "@livekit/rtc-node";

/**
 * Simulated publishers, standing in for `lk load-test` (the lk CLI cannot be built here: its Go
 * module is not served by the module proxy). Each is a LiveKit participant sending a moving
 * synthetic picture from LiveKit's Node SDK, with simulcast, as a browser camera would.
 */
export type Publishers = { rooms: Room[]; stop(): Promise<void> };

export async function startPublishers(options: {
  url: string;
  tokens: readonly string[];
  width?: number;
  height?: number;
  fps?: number;
}): Promise<Publishers> {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const fps = options.fps ?? 15;
  const rooms: Room[] = [];
  const sources: VideoSource[] = [];
  for (const token of options.tokens) {
    const room = new Room();
    await room.connect(options.url, token, { autoSubscribe: false, dynacast: true });
    rooms.push(room);
    const source = new VideoSource(width, height);
    sources.push(source);
    const local = room.localParticipant;
    if (!local) throw new Error("a simulated publisher did not connect");
    await local.publishTrack(
      LocalVideoTrack.createVideoTrack("camera", source),
      new TrackPublishOptions({
        source: TrackSource.SOURCE_CAMERA,
        simulcast: true,
        videoCodec: VideoCodec.VP8,
      }),
    );
  }
  // One moving picture for all: a bright band sweeping down a dark frame.
  const frame = new Uint8Array(width * height * 4);
  let tick = 0;
  const timer = setInterval(() => {
    frame.fill(32);
    const band = (tick * 8) % height;
    frame.fill(220, band * width * 4, Math.min(height, band + 24) * width * 4);
    tick += 1;
    for (const source of sources)
      source.captureFrame(new VideoFrame(frame, width, height, VideoBufferType.RGBA));
  }, 1000 / fps);
  return {
    rooms,
    async stop() {
      clearInterval(timer);
      await Promise.all(rooms.map((room) => room.disconnect()));
    },
  };
}
