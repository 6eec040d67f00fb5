/** The benches serve the production build with `vite preview`; this waits until it answers. */
export async function waitForServer(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('vite preview did not start');
}
