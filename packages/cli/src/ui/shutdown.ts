import { say } from './output';

/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits. A second Ctrl-C while stopping forces the exit,
 * so a stuck shutdown never traps the user.
 */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) {
      say(`${signal} again: exiting now`);
      process.exit(130);
    }
    stopping = true;
    stop()
      .then(() => process.exit(0))
      .catch((err) => {
        say(`error while stopping: ${(err as Error).message}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
