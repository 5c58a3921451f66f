// The fuzz settings shared by families 3 and 4.

/** Fixed, printed seed: a failure is reproduced by running the suite again. */
export const FUZZ_SEED = Number(process.env.SECURITY_FUZZ_SEED ?? 20261125);

/** SECURITY_SCALE=0.2 shrinks the fuzz (default 1). */
export const FUZZ_SCALE = Number(process.env.SECURITY_SCALE ?? 1);
