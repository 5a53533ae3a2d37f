import type { Transaction } from "../db/database";
import type { PrismaClient } from "../generated/prisma/client";

/** Either the client or a transaction: a write inside `audit.change` takes the transaction. */
type Db = PrismaClient | Transaction;

export type NoteStatus = "draft" | "signed";

/** A session's note as stored: the group part, each attendee's DAP part, and the addenda. */
export type StoredNote = {
  id: string;
  sessionId: string;
  status: NoteStatus;
  topic: string;
  interventions: string[];
  summary: string;
  authorUserId: string;
  createdAt: Date;
  updatedAt: Date;
  signedAt: Date | null;
  signedByUserId: string | null;
  parts: { participantUserId: string; data: string; assessment: string; plan: string }[];
  addenda: {
    id: string;
    authorUserId: string;
    participantUserId: string | null;
    text: string;
    createdAt: Date;
  }[];
};

export type NoteParts = { participantId: string; data: string; assessment: string; plan: string }[];

const NOTE_SELECT = {
  id: true,
  sessionId: true,
  status: true,
  topic: true,
  interventions: true,
  summary: true,
  authorUserId: true,
  createdAt: true,
  updatedAt: true,
  signedAt: true,
  signedByUserId: true,
  parts: {
    orderBy: { participantUserId: "asc" },
    select: { participantUserId: true, data: true, assessment: true, plan: true },
  },
  addenda: {
    orderBy: { createdAt: "asc" },
    select: { id: true, authorUserId: true, participantUserId: true, text: true, createdAt: true },
  },
} as const;

const statusOf = (status: "DRAFT" | "SIGNED"): NoteStatus =>
  status === "SIGNED" ? "signed" : "draft";

/** Session notes, their DAP parts and addenda; and who spent time in a session's room. */
export function createNoteRepository(prisma: PrismaClient) {
  return {
    /** Participants with any time recorded in the session, each once, in no particular order. */
    async participantsWithTimeIn(sessionId: string): Promise<string[]> {
      const spans = await prisma.attendanceSpan.findMany({
        where: { sessionId },
        select: { userId: true },
        distinct: ["userId"],
      });
      if (spans.length === 0) return [];
      const participants = await prisma.user.findMany({
        where: { id: { in: spans.map((s) => s.userId) }, role: "PARTICIPANT" },
        select: { id: true },
      });
      return participants.map((p) => p.id);
    },

    async find(sessionId: string): Promise<StoredNote | null> {
      const row = await prisma.sessionNote.findUnique({
        where: { sessionId },
        select: NOTE_SELECT,
      });
      return row ? { ...row, status: statusOf(row.status) } : null;
    },

    /** Just enough to decide what may happen to the note next. */
    async state(sessionId: string): Promise<{ id: string; status: NoteStatus } | null> {
      const row = await prisma.sessionNote.findUnique({
        where: { sessionId },
        select: { id: true, status: true },
      });
      return row ? { id: row.id, status: statusOf(row.status) } : null;
    },

    async createDraft(
      db: Db,
      note: {
        organizationId: string;
        sessionId: string;
        authorUserId: string;
        topic: string;
        interventions: string[];
        summary: string;
        at: Date;
      },
    ): Promise<{ id: string }> {
      const { at, ...data } = note;
      return db.sessionNote.create({
        data: { ...data, createdAt: at, updatedAt: at },
        select: { id: true },
      });
    },

    async updateDraft(
      db: Db,
      noteId: string,
      fields: { topic: string; interventions: string[]; summary: string; at: Date },
    ): Promise<{ id: string }> {
      const { at, ...data } = fields;
      return db.sessionNote.update({
        where: { id: noteId },
        data: { ...data, updatedAt: at },
        select: { id: true },
      });
    },

    /** Replaces every individual part of the note with `parts`. */
    async replaceParts(db: Db, noteId: string, parts: NoteParts): Promise<void> {
      await db.sessionNotePart.deleteMany({ where: { noteId } });
      if (parts.length === 0) return;
      await db.sessionNotePart.createMany({
        data: parts.map((p) => ({
          noteId,
          participantUserId: p.participantId,
          data: p.data,
          assessment: p.assessment,
          plan: p.plan,
        })),
      });
    },

    /** Signs the note if it is still a draft; false when it was already signed. */
    async signDraft(db: Db, noteId: string, by: string, at: Date): Promise<boolean> {
      const { count } = await db.sessionNote.updateMany({
        where: { id: noteId, status: "DRAFT" },
        data: { status: "SIGNED", signedAt: at, signedByUserId: by },
      });
      return count > 0;
    },

    async addAddendum(
      db: Db,
      addendum: {
        noteId: string;
        authorUserId: string;
        participantUserId: string | null;
        text: string;
        createdAt: Date;
      },
    ): Promise<{ id: string }> {
      return db.noteAddendum.create({ data: addendum, select: { id: true } });
    },
  };
}

export type NoteRepository = ReturnType<typeof createNoteRepository>;
