import { useId } from "react";
import { useTranslation } from "react-i18next";
import { sharingExplained, type Whose } from "./family-view";

/** What a family member will and will not see, said before anyone agrees to it. */
export function SharingExplained({
  whose,
  who,
  level = 3,
  toReader = false,
}: {
  whose: Whose;
  who: string;
  level?: 3 | 4;
  /** Said to the family member themself ("What you will see"); `who` is then not used. */
  toReader?: boolean;
}) {
  const { t } = useTranslation("families");
  const Heading = level === 3 ? "h3" : "h4";
  const willId = useId();
  const willNotId = useId();
  const { will, willNot } = sharingExplained(whose, t, toReader);
  return (
    <div className="sharing">
      <div className="sharing__part">
        <Heading id={willId} className="sharing__title">
          {toReader ? t("accept.willSee") : t("sharing.willSee", { who })}
        </Heading>
        <ul className="sharing__list" aria-labelledby={willId}>
          {will.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="sharing__part">
        <Heading id={willNotId} className="sharing__title">
          {toReader ? t("accept.willNeverSee") : t("sharing.willNeverSee", { who })}
        </Heading>
        <ul className="sharing__list sharing__list--never" aria-labelledby={willNotId}>
          {willNot.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
