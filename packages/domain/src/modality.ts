import { attendanceSummary } from "./live";

/**
 * How someone took part in a live session. Clinics bill video and audio-only (telephone-
 * equivalent) time differently, so attendance keeps one span per stretch of one modality.
 */
export const MODALITIES = ["video", "audio-only"] as const;
export type Modality = (typeof MODALITIES)[number];

export type ModalSpan = { joinedAt: Date; leftAt: Date | null; modality: Modality };

/**
 * Minutes attended in each modality, each counted the way attended minutes are (spans merged,
 * clipped to the scheduled start and end, an open span up to `now`).
 */
export function minutesByModality(
  spans: readonly ModalSpan[],
  session: { startsAt: Date; endsAt: Date },
  now: Date,
): Record<Modality, number> {
  const of = (modality: Modality) =>
    attendanceSummary(
      spans.filter((s) => s.modality === modality),
      session,
      now,
    ).minutes;
  return { video: of("video"), "audio-only": of("audio-only") };
}

/** How a session was attended, for the attendance export: "video", "audio-only", both, or "". */
export function modalityLabel(minutes: Record<Modality, number>): string {
  if (minutes.video > 0 && minutes["audio-only"] > 0) return "video and audio-only";
  if (minutes["audio-only"] > 0) return "audio-only";
  if (minutes.video > 0) return "video";
  return "";
}
