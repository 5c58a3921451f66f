// Test helpers for code that talks over MessagePorts (the host's and the frame's ends of a field).

/** One task later, through a message (timers are clamped to 4 ms once nested). */
export const hop = (): Promise<void> =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

/** Lets port messages cross (each hop is a task). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) await hop();
}
