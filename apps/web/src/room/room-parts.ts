import { AudioLevels } from "./audio-levels";
import { LocalMedia } from "./local-media";
import { createMediaSession, preloadMediaSession } from "./create-media-session";
import { RoomController } from "./room-controller";
import { socketTransport, type RoomTransport } from "./room-transport";

/**
 * Everything one visit to a room owns: camera and microphone, audio levels, the controller.
 * Built without side effects, started by the page's effect, and let go a moment after the
 * page's cleanup unless it starts again at once (React's development double-mount does that).
 */
export class RoomParts {
  readonly local: LocalMedia;
  readonly levels: AudioLevels;
  readonly controller: RoomController;
  private disposeTimer: ReturnType<typeof setTimeout> | undefined;
  private released = false;

  constructor(options: {
    sessionId: string;
    keepAlive: () => void;
    transport?: RoomTransport;
    local?: LocalMedia;
    levels?: AudioLevels;
  }) {
    this.local = options.local ?? new LocalMedia();
    this.levels = options.levels ?? new AudioLevels();
    this.controller = new RoomController({
      sessionId: options.sessionId,
      transport: options.transport ?? socketTransport(),
      local: this.local,
      createMedia: createMediaSession,
      preloadMedia: preloadMediaSession,
      keepAlive: options.keepAlive,
    });
  }

  start(): void {
    clearTimeout(this.disposeTimer);
    this.controller.start();
    // The camera starts only for someone who may come in: never for a room they cannot enter.
    void this.controller.check().then((mayEnter) => {
      if (mayEnter && !this.released) void this.local.start();
    });
    this.released = false;
  }

  /** A readmitted person goes back to the waiting room with their camera and microphone. */
  backToWaitingRoom(): void {
    void this.local.restart();
    void this.controller.returnToWaitingRoom();
  }

  release(): void {
    clearTimeout(this.disposeTimer);
    this.disposeTimer = setTimeout(() => {
      this.released = true;
      this.controller.dispose();
      this.levels.dispose();
      this.local.stop();
    }, 0);
  }
}
