import { useId } from "react";
import { useTranslation } from "react-i18next";
import { HelpNow } from "../clinical/help-now";
import { MySafetyPlanSection } from "../clinical/my-safety-plan-page";
import { useModalDialog } from "../forms/use-modal-dialog";
import "../clinical/clinical.css";
import "./safety-plan-dialog.css";

/**
 * 988 and the participant's safety plan over a live session: a modal dialog, so the call goes on
 * underneath (going to the safety plan's page would leave it). Focus goes in and comes back to
 * where it was; Escape closes it.
 */
export function SafetyPlanDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation("safetyPlan");
  const ref = useModalDialog();
  const headingId = useId();
  return (
    <dialog
      ref={ref}
      className="dialog safety-plan-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="safety-plan-dialog__top">
        <h2 id={headingId} className="dialog__title">
          {t("page.title")}
        </h2>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t("dialog.backToSession")}
        </button>
      </div>
      <p className="muted">{t("dialog.goesOn")}</p>
      <div className="stack">
        <HelpNow planLink={false} />
        <MySafetyPlanSection />
      </div>
    </dialog>
  );
}
