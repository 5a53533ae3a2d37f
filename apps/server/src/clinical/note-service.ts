import { decide, type Action, type SessionNoteDto, type SessionNoteInput } from "@bridgeway/domain";
import type { AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { badRequest, conflict, forbidden, notFound } from "../http/errors";
import type { PeopleRepository } from "../people/people-repository";
import type { OccurrenceRepository } from "../sessions/occurrence-repository";
import type { SessionDirectory } from "../sessions/session-directory";
import type { Context } from "./clinical-access";
import type { NoteRepository, StoredNote } from "./note-repository";

/**
 * Session notes: one group note per session (topic, interventions, summary) with a DAP part for
 * each person who attended. A draft is edited freely; signing locks it, and any later change is
 * an addendum with its own author and time. Only the session's clinicians read or write notes.
 */
export function createNoteService(deps: {
  notes: NoteRepository;
  peopleRepo: PeopleRepository;
  occurrenceRepo: OccurrenceRepository;
  directory: SessionDirectory;
  audit: AuditLog;
  clock: Clock;
}) {
  const { notes, peopleRepo, occurrenceRepo, directory, audit, clock } = deps;

  /** The session once the actor may `action` its note; refusals are audited and hidden. */
  async function requireSession(context: Context, sessionId: string, action: Action) {
    const occurrence = await occurrenceRepo.occurrence(sessionId);
    if (!occurrence) throw notFound("session");
    const people = await directory.peopleIn(occurrence);
    const attended = await attendedParticipants(sessionId, people.participantIds);
    const decision = decide(context.actor, action, {
      type: "clinical-note",
      organizationId: occurrence.organizationId,
      participantIds: [...new Set([...people.participantIds, ...attended])],
      facilitatorIds: people.facilitatorIds,
    });
    if (decision !== "allow") {
      await audit.denied(context, action, { type: "clinical-note", id: sessionId });
      throw decision === "not-found" ? notFound("session") : forbidden();
    }
    return { occurrence, attended };
  }

  /** Participants with time recorded in the session (those expected, and anyone else admitted). */
  async function attendedParticipants(sessionId: string, expected: string[]): Promise<string[]> {
    const found = new Set(await notes.participantsWithTimeIn(sessionId));
    if (found.size === 0) return [];
    return [...new Set([...expected.filter((id) => found.has(id)), ...found])];
  }

  async function names(ids: string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (const id of new Set(ids)) {
      const person = await peopleRepo.person(id);
      map.set(id, person?.displayName ?? "Unknown");
    }
    return map;
  }

  async function toDto(note: StoredNote): Promise<SessionNoteDto> {
    const who = await names([
      note.authorUserId,
      ...(note.signedByUserId ? [note.signedByUserId] : []),
      ...note.parts.map((p) => p.participantUserId),
      ...note.addenda.map((a) => a.authorUserId),
    ]);
    const name = (id: string) => who.get(id) ?? "Unknown";
    return {
      id: note.id,
      sessionId: note.sessionId,
      status: note.status,
      topic: note.topic,
      interventions: note.interventions,
      summary: note.summary,
      parts: note.parts.map((p) => ({
        participantId: p.participantUserId,
        displayName: name(p.participantUserId),
        data: p.data,
        assessment: p.assessment,
        plan: p.plan,
      })),
      author: { id: note.authorUserId, displayName: name(note.authorUserId) },
      createdAt: note.createdAt.toISOString(),
      updatedAt: note.updatedAt.toISOString(),
      signed:
        note.signedAt && note.signedByUserId
          ? { at: note.signedAt.toISOString(), by: name(note.signedByUserId) }
          : null,
      addenda: note.addenda.map((a) => ({
        id: a.id,
        text: a.text,
        participantId: a.participantUserId,
        author: name(a.authorUserId),
        createdAt: a.createdAt.toISOString(),
      })),
    };
  }

  async function reload(sessionId: string): Promise<SessionNoteDto> {
    const note = await notes.find(sessionId);
    if (!note) throw notFound("note");
    return toDto(note);
  }

  return {
    /** The session's note, or null while none is written; also who can have a part. */
    async get(
      context: Context,
      sessionId: string,
    ): Promise<{ note: SessionNoteDto | null; attended: { id: string; displayName: string }[] }> {
      const { attended } = await requireSession(context, sessionId, "read");
      const note = await notes.find(sessionId);
      await audit.record(context, "read", { type: "clinical-note", id: sessionId }, "success");
      const who = await names(attended);
      return {
        note: note ? await toDto(note) : null,
        attended: attended
          .map((id) => ({ id, displayName: who.get(id) ?? "Unknown" }))
          .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      };
    },

    /** Writes or rewrites the draft. */
    async save(
      context: Context,
      sessionId: string,
      input: SessionNoteInput,
    ): Promise<SessionNoteDto> {
      const { occurrence, attended } = await requireSession(context, sessionId, "update");
      if (occurrence.startsAt.getTime() > clock.now().getTime()) {
        throw conflict("Write the note once the session has started.");
      }
      const fields: Record<string, string> = {};
      input.parts.forEach((part, index) => {
        if (!attended.includes(part.participantId)) {
          fields[`parts.${index}.participantId`] = "This person did not attend the session.";
        }
      });
      if (Object.keys(fields).length > 0) {
        throw badRequest("Write individual parts only for people who attended.", fields);
      }
      const existing = await notes.state(sessionId);
      if (existing?.status === "signed") {
        throw conflict("This note is signed and locked. Add an addendum instead.");
      }
      const now = clock.now();
      await audit.change(
        context,
        existing ? "update" : "create",
        "clinical-note",
        async (tx) => {
          const fields = {
            topic: input.topic,
            interventions: input.interventions,
            summary: input.summary,
            at: now,
          };
          const note = existing
            ? await notes.updateDraft(tx, existing.id, fields)
            : await notes.createDraft(tx, {
                ...fields,
                organizationId: occurrence.organizationId,
                sessionId,
                authorUserId: context.actor.userId,
              });
          await notes.replaceParts(tx, note.id, input.parts);
          return note;
        },
        (n) => n.id,
      );
      return reload(sessionId);
    },

    /** Signs the draft: from now on it is locked. */
    async sign(context: Context, sessionId: string): Promise<SessionNoteDto> {
      await requireSession(context, sessionId, "update");
      const note = await notes.state(sessionId);
      if (!note) throw notFound("note");
      if (note.status === "signed") throw conflict("This note is already signed.");
      await audit.change(
        context,
        "update",
        "clinical-note",
        async (tx) => {
          // Only a draft turns into a signed note, even if two clinicians sign at once.
          const signed = await notes.signDraft(tx, note.id, context.actor.userId, clock.now());
          if (!signed) throw conflict("This note is already signed.");
          return note;
        },
        (n) => n.id,
      );
      return reload(sessionId);
    },

    /** Adds to a signed note, with its own author and time. */
    async addAddendum(
      context: Context,
      sessionId: string,
      input: { text: string; participantId?: string | undefined },
    ): Promise<SessionNoteDto> {
      const { attended } = await requireSession(context, sessionId, "update");
      const note = await notes.state(sessionId);
      if (!note) throw notFound("note");
      if (note.status !== "signed") {
        throw conflict("The note is still a draft: edit it directly, then sign it.");
      }
      if (input.participantId && !attended.includes(input.participantId)) {
        throw badRequest("An addendum can concern only someone who attended.", {
          participantId: "This person did not attend the session.",
        });
      }
      await audit.change(
        context,
        "update",
        "clinical-note",
        (tx) =>
          notes.addAddendum(tx, {
            noteId: note.id,
            authorUserId: context.actor.userId,
            participantUserId: input.participantId ?? null,
            text: input.text,
            createdAt: clock.now(),
          }),
        () => note.id,
      );
      return reload(sessionId);
    },
  };
}

export type NoteService = ReturnType<typeof createNoteService>;
