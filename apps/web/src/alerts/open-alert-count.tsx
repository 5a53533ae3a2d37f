import { HiddenContext } from "../shell/hidden-context";
import { useAlerts } from "./use-alerts";

/**
 * The number of open crisis alerts, beside "Alerts" in the main navigation; nothing at zero.
 * Part of the first load (it is small, and a lazy chunk here cost more than it saved), so it
 * uses only the app's own stylesheet.
 */
export function OpenAlertCount() {
  const open = useAlerts("open");
  const count = open.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <>
      <span aria-hidden="true">
        {"\u00a0"}
        <span className="badge badge--danger">{count}</span>
      </span>
      <HiddenContext>{`${count} open`}</HiddenContext>
    </>
  );
}
