/** What saving says for a plan kept in versions: each save makes the next one. */
export function saveVersionLabel(plan: { version: number } | null): string {
  return plan ? `Save as version ${plan.version + 1}` : "Save the first version";
}

/** Offered when someone else saved a newer version meanwhile: the editor starts again from it. */
export function LoadLatestVersion({ onReload }: { onReload: () => void }) {
  return (
    <div className="actions">
      <button type="button" className="button" onClick={onReload}>
        Load the latest version
      </button>
    </div>
  );
}
