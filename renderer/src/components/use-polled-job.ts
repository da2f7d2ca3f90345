import { useEffect, useRef, useState } from 'react';

/**
 * A background job of the services (mail merge, register import): its last status, polled
 * while it runs; `onEnd` runs once when it has ended (done, cancelled or failed).
 */
export function usePolledJob<J extends { jobId: string; state: string }>(
  poll: (jobId: string) => Promise<J>,
  onEnd?: (job: J) => void | Promise<void>,
  intervalMs = 300,
): [J | null, (job: J | null) => void] {
  const [job, setJob] = useState<J | null>(null);
  // The latest callbacks, without restarting the timer when the caller re-renders.
  const callbacks = useRef({ poll, onEnd });
  callbacks.current = { poll, onEnd };
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    let stopped = false;
    const timer = setTimeout(async () => {
      const next = await callbacks.current.poll(job.jobId);
      if (stopped) return;
      setJob(next);
      if (next.state !== 'running') await callbacks.current.onEnd?.(next);
    }, intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [job, intervalMs]);
  return [job, setJob];
}
