/**
 * Work in progress on disk (a mail merge's staging folder, an upload in transfer, a file being
 * written) carries the id of the process doing it in its name. At start the app settles what an
 * ended process left behind — a crash, a kill, a power loss — and leaves alone what another
 * running process (the command line beside the app) is still working on.
 */

/** Whether the process that left some work has ended, so its work was interrupted. */
export function leftByEndedProcess(pid: number | undefined): boolean {
  // Unknown owner: left by a version that did not name it. This process, starting, has no work
  // yet: a process before it had the same id and has ended.
  if (pid === undefined || pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs under another user; ESRCH: no such process.
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

