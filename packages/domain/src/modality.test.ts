import { describe, expect, it } from "vitest";
import { minutesByModality, modalityLabel } from "./modality";

const start = new Date("2026-03-02T18:00:00Z");
const t = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const session = { startsAt: start, endsAt: t(180) };

describe("attendance by modality", () => {
  it("counts video and audio-only minutes separately when someone switches mid-session", () => {
    const minutes = minutesByModality(
      [
        { joinedAt: t(0), leftAt: t(60), modality: "video" },
        { joinedAt: t(60), leftAt: t(150), modality: "audio-only" },
        { joinedAt: t(150), leftAt: t(180), modality: "video" },
      ],
      session,
      t(200),
    );
    expect(minutes).toEqual({ video: 90, "audio-only": 90 });
    expect(modalityLabel(minutes)).toBe("video and audio-only");
  });

  it("clips each modality to the scheduled time and counts an open span up to now", () => {
    expect(
      minutesByModality(
        [{ joinedAt: t(-20), leftAt: null, modality: "audio-only" }],
        session,
        t(45),
      ),
    ).toEqual({ video: 0, "audio-only": 45 });
  });

  it("labels a session attended only one way, and an unattended one as empty", () => {
    expect(modalityLabel({ video: 0, "audio-only": 30 })).toBe("audio-only");
    expect(modalityLabel({ video: 30, "audio-only": 0 })).toBe("video");
    expect(modalityLabel({ video: 0, "audio-only": 0 })).toBe("");
  });
});
