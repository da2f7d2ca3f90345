import { PRESS_STEP_LABELS, type PressRelease, type PressStep } from '../../../../core/api';
import { api } from '../../api/client';
import { WorkflowSteps } from '../../components/WorkflowSteps';

const DONE: Record<PressStep, string> = {
  submit: 'Zur Freigabe vorgelegt.',
  approve: 'Freigegeben.',
  publish: 'Veröffentlicht.',
  withdraw: 'Zurückgezogen.',
};

/** The workflow buttons the state allows now; a refusal (no approval yet, embargo) is shown in German. */
export function ReleaseWorkflow({
  release,
  unsaved,
  onChanged,
  onReload,
}: {
  /** As shown: the step goes against its revision. */
  release: PressRelease;
  unsaved: boolean;
  onChanged: (release: PressRelease, message: string) => Promise<void>;
  /** „Neu laden“ after a step refused as STALE. */
  onReload: () => void;
}) {
  return (
    <WorkflowSteps
      steps={release.steps}
      labels={PRESS_STEP_LABELS}
      done={DONE}
      unsaved={unsaved}
      run={(step) => api('press.releases.step', { id: release.id, revision: release.revision, step })}
      onChanged={onChanged}
      onReload={onReload}
    />
  );
}
