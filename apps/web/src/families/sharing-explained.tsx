import { useId } from "react";
import { sharingExplained, type Whose } from "./family-view";

/** What a family member will and will not see, said before anyone agrees to it. */
export function SharingExplained({
  whose,
  who,
  level = 3,
}: {
  whose: Whose;
  who: string;
  level?: 3 | 4;
}) {
  const Heading = level === 3 ? "h3" : "h4";
  const willId = useId();
  const willNotId = useId();
  const { will, willNot } = sharingExplained(whose);
  return (
    <div className="sharing">
      <div className="sharing__part">
        <Heading id={willId} className="sharing__title">
          What {who} will see
        </Heading>
        <ul className="sharing__list" aria-labelledby={willId}>
          {will.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="sharing__part">
        <Heading id={willNotId} className="sharing__title">
          What {who} will never see
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
