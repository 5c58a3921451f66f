/**
 * The frame build writes, beside the documents it serves, the hashes of the blocks it inlines
 * (the entry script and the documents' styles); the gateway reads them into the frames' CSP, so
 * only these blocks run. One name and shape for both sides.
 */
export const FRAME_CSP_FILE = 'frame-csp.json';

export interface FrameCspHashes {
  'script-src': string[];
  'style-src': string[];
}
