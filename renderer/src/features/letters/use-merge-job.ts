import { useQueryClient } from '@tanstack/react-query';
import type { MergeStatus } from '../../../../core/api';
import { api } from '../../api/client';
import { usePolledJob } from '../../components/use-polled-job';

/** A mail-merge job: its last status, polled while it runs; the register refreshes when it ends. */
export function useMergeJob(): [MergeStatus | null, (status: MergeStatus | null) => void] {
  const queryClient = useQueryClient();
  return usePolledJob(
    (jobId) => api('letters.merge.status', { jobId }),
    () => queryClient.invalidateQueries({ queryKey: ['letters.list'] }),
  );
}
