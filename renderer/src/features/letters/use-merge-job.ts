import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MergeStatus } from '../../../../core/api';
import { api } from '../../api/client';

/** A mail-merge job: its last status, polled while it runs; the register refreshes when it ends. */
export function useMergeJob(): [MergeStatus | null, (status: MergeStatus | null) => void] {
  const queryClient = useQueryClient();
  const [job, setJob] = useState<MergeStatus | null>(null);
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(async () => {
      const next = await api('letters.merge.status', { jobId: job.jobId });
      setJob(next);
      if (next.state !== 'running') await queryClient.invalidateQueries({ queryKey: ['letters.list'] });
    }, 300);
    return () => clearTimeout(timer);
  }, [job, queryClient]);
  return [job, setJob];
}
