// Real full and read-only disks for tests: a small tmpfs mounted on a folder. Mounting needs
// privileges (root in a container); where it is not allowed, the tests that need it are skipped.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export function mountTmpfs(dir: string, sizeKb: number): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function remountReadOnly(dir: string): void {
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' });
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  } catch {
    // Not mounted.
  }
}

/** Whether this process may mount (probed once on a scratch folder). */
export function canMount(scratch: string): boolean {
  const ok = mountTmpfs(scratch, 64);
  if (ok) unmount(scratch);
  return ok;
}
