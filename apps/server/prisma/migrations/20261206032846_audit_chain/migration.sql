-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- The audit trail is append-only: rows cannot be changed, removed or truncated. The one update
-- allowed is sealing a row written before this migration (hash still NULL): the server chains
-- those rows, in id order, at its first start (src/audit/audit-chain.ts). Tests that must tamper
-- disable or drop this trigger as the database owner.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."hash" IS NULL AND NEW."hash" IS NOT NULL
     AND NEW."id" = OLD."id" AND NEW."occurredAt" = OLD."occurredAt"
     AND NEW."organizationId" IS NOT DISTINCT FROM OLD."organizationId"
     AND NEW."actorUserId" IS NOT DISTINCT FROM OLD."actorUserId"
     AND NEW."actorRole" IS NOT DISTINCT FROM OLD."actorRole"
     AND NEW."action" = OLD."action" AND NEW."recordType" = OLD."recordType"
     AND NEW."recordId" IS NOT DISTINCT FROM OLD."recordId"
     AND NEW."outcome" = OLD."outcome"
     AND NEW."requestId" IS NOT DISTINCT FROM OLD."requestId"
     AND NEW."ipAddress" IS NOT DISTINCT FROM OLD."ipAddress" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only_row"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEvent_append_only_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
