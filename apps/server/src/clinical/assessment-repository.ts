import type { AssessmentCadence, Instrument } from "@bridgeway/domain";
import type { Transaction } from "../db/database";
import type { PrismaClient } from "../generated/prisma/client";

/** Either the client or a transaction: a write inside `audit.change` takes the transaction. */
type Db = PrismaClient | Transaction;

/** An order to complete a questionnaire, with when it was answered (null while it is due). */
export type StoredAssignment = {
  id: string;
  instrument: Instrument;
  cadence: AssessmentCadence;
  dueOn: Date;
  response: { completedAt: Date } | null;
};

/** An assignment with what completing or stopping it needs to know. */
export type AssignmentFacts = {
  id: string;
  organizationId: string;
  participantUserId: string;
  instrument: Instrument;
  cadence: AssessmentCadence;
  dueOn: Date;
  assignedByUserId: string;
  cancelledAt: Date | null;
  answered: boolean;
};

/** A completed questionnaire; `severity` is the band the service computed when it was stored. */
export type StoredResult = {
  id: string;
  participantUserId: string;
  instrument: Instrument;
  answers: number[];
  total: number;
  severity: string;
  safetyConcern: boolean;
  completedAt: Date;
};

export type NewAssignment = {
  organizationId: string;
  participantUserId: string;
  instrument: Instrument;
  cadence: AssessmentCadence;
  dueOn: Date;
  assignedByUserId: string;
};

const ASSIGNMENT_SELECT = {
  id: true,
  instrument: true,
  cadence: true,
  dueOn: true,
  response: { select: { completedAt: true } },
} as const;

const RESULT_SELECT = {
  id: true,
  participantUserId: true,
  instrument: true,
  answers: true,
  total: true,
  severity: true,
  safetyConcern: true,
  completedAt: true,
} as const;

/** PHQ-9 and GAD-7 assignments and the answers given to them. */
export function createAssessmentRepository(prisma: PrismaClient) {
  return {
    /** The participant's open (neither answered nor stopped) assignment of an instrument. */
    async openAssignment(
      participantId: string,
      instrument: Instrument,
    ): Promise<{ id: string } | null> {
      return prisma.assessmentAssignment.findFirst({
        where: { participantUserId: participantId, instrument, cancelledAt: null, response: null },
        select: { id: true },
      });
    },

    async createAssignment(db: Db, assignment: NewAssignment): Promise<StoredAssignment> {
      return db.assessmentAssignment.create({ data: assignment, select: ASSIGNMENT_SELECT });
    },

    async assignment(id: string): Promise<AssignmentFacts | null> {
      const row = await prisma.assessmentAssignment.findUnique({
        where: { id },
        select: {
          id: true,
          organizationId: true,
          participantUserId: true,
          instrument: true,
          cadence: true,
          dueOn: true,
          assignedByUserId: true,
          cancelledAt: true,
          response: { select: { id: true } },
        },
      });
      if (!row) return null;
      const { response, ...facts } = row;
      return { ...facts, answered: response !== null };
    },

    async cancelAssignment(db: Db, id: string, at: Date): Promise<{ id: string }> {
      return db.assessmentAssignment.update({
        where: { id },
        data: { cancelledAt: at },
        select: { id: true },
      });
    },

    /** What the participant still has to answer, the earliest due first. */
    async dueAssignments(participantId: string): Promise<StoredAssignment[]> {
      return prisma.assessmentAssignment.findMany({
        where: { participantUserId: participantId, cancelledAt: null, response: null },
        orderBy: { dueOn: "asc" },
        select: ASSIGNMENT_SELECT,
      });
    },

    /** Every result of these participants; `order` by when they were completed. */
    async results(participantIds: string[], order: "asc" | "desc"): Promise<StoredResult[]> {
      return prisma.assessmentResponse.findMany({
        where: { participantUserId: { in: participantIds } },
        orderBy: { completedAt: order },
        select: RESULT_SELECT,
      });
    },

    async createResult(
      db: Db,
      result: Omit<StoredResult, "id"> & { organizationId: string; assignmentId: string },
    ): Promise<StoredResult> {
      return db.assessmentResponse.create({ data: result, select: RESULT_SELECT });
    },
  };
}

export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
