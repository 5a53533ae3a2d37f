import { CRISIS_LINE } from "@bridgeway/domain";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        {CRISIS_LINE.name}: call <a href={CRISIS_LINE.callHref}>{CRISIS_LINE.number}</a> or text{" "}
        <a href={CRISIS_LINE.textHref}>{CRISIS_LINE.number}</a>. In an emergency, call{" "}
        <a href="tel:911">911</a>.
      </p>
      <p>Sign out when you finish on a shared device.</p>
    </footer>
  );
}
